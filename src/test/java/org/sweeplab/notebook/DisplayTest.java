package org.sweeplab.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.sweeplab.figures.BoxPlot;
import org.sweeplab.figures.Figure;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class DisplayTest {

  /** Records what a kernel would receive. */
  static final class FakeKernel implements KernelBridge {
    final List<String> calls = new ArrayList<>();

    @Override
    public String display(MimeBundle bundle) {
      calls.add("display " + bundle.data().keySet());
      return "id-1";
    }

    @Override
    public void update(String displayId, MimeBundle bundle) {
      calls.add("update " + displayId + " " + bundle.data().keySet());
    }
  }

  private static Table table() {
    return Table.create(
        "t", DoubleColumn.create("m", 1, 2, 3, 4), StringColumn.create("g", "a", "a", "b", "b"));
  }

  @Test
  void outsideAKernelNothingIsDetectedAndTextIsWritten() {
    assertNull(KernelBridge.detect(), "the test JVM is no kernel");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Display d =
        Display.withDefaults().withFallback(new PrintStream(out, true, StandardCharsets.UTF_8));
    assertFalse(d.isRich());
    assertNotNull(d.show(table()));
    String text = out.toString(StandardCharsets.UTF_8);
    assertTrue(text.contains("m") && text.contains("4"), text);
    assertFalse(text.contains("<table"), "no HTML outside a kernel: " + text);
  }

  @Test
  void tablesAndFiguresRenderRich() {
    RichDisplay r = RichDisplay.withDefaults();
    assertEquals(
        List.of(MimeBundle.HTML, MimeBundle.TEXT), List.copyOf(r.render(table()).data().keySet()));
    Figure f =
        BoxPlot.withDefaults().plot(org.sweeplab.analysis.Runs.of(table()).withGroups("g"), "m");
    MimeBundle svg = r.render(f);
    assertTrue(
        svg.data().get(MimeBundle.SVG).startsWith("<svg"), "a bare element, no XML declaration");
    assertEquals(
        svg.data().get(MimeBundle.SVG), svg.data().get(MimeBundle.HTML), "the same svg as HTML");
    assertEquals(
        List.of(MimeBundle.HTML, MimeBundle.SVG, MimeBundle.PNG, MimeBundle.TEXT),
        List.copyOf(svg.data().keySet()));
    byte[] fallback = Base64.getDecoder().decode(svg.data().get(MimeBundle.PNG));
    assertEquals((byte) 0x89, fallback[0], "a PNG fallback beside the SVG");
    MimeBundle png = r.withFigures(RichDisplay.FigureMime.PNG).render(f);
    byte[] bytes = Base64.getDecoder().decode(png.data().get(MimeBundle.PNG));
    assertEquals((byte) 0x89, bytes[0]);
    assertEquals("42", r.render(42).text());
    var cost =
        org.sweeplab.analysis.CostEfficiency.withDefaults()
            .compute(
                org.sweeplab.analysis.Runs.of(
                        Table.create(
                            "c",
                            StringColumn.create("variation_id", "a", "b"),
                            DoubleColumn.create("m", 1, 2),
                            DoubleColumn.create("cost", 3, 4)))
                    .withMetrics("m"),
                "m");
    assertEquals(
        r.render(cost.toTable()).data(), r.render(cost).data(), "a cost result shows as its table");
    var stats =
        org.sweeplab.analysis.VariationStatistics.withDefaults()
            .compute(org.sweeplab.analysis.Runs.of(table()).withGroups("g").withMetrics("m"), "m");
    assertEquals(
        r.render(stats.toTable()).data(), r.render(stats).data(), "statistics show as their table");
    assertTrue(r.render(stats).data().get(MimeBundle.HTML).contains("mean_ci_low"));
  }

  /**
   * The kernel shows a value with the first renderer whose class the value is an instance of (as
   * rapaio-jupyter-kernel 3.0.1's DisplaySystem chooses); an analysis result without a Tablesaw
   * table of its own (the status breakdown, patterns) must still show as an HTML table.
   */
  @Test
  void theKernelShowsAnalysisResultsAsTables() {
    var runs = org.sweeplab.analysis.Runs.of(table()).withGroups("g").withMetrics("m");
    var result = org.sweeplab.analysis.Analysis.of(runs).withMetric("m").run();
    for (Object value : List.of(result.statusBreakdown(), result.statistics(), table())) {
      var renderer =
          new SweeplabDisplayProvider()
              .getDisplayRenderers().stream()
                  .filter(d -> d.rendererClass().isAssignableFrom(value.getClass()))
                  .findFirst()
                  .orElseThrow(() -> new AssertionError("no renderer for " + value.getClass()));
      String html = String.valueOf(renderer.render("text/html", value).data().get("text/html"));
      assertTrue(html.contains("<table"), value.getClass() + " shows as " + html);
    }
  }

  @Test
  void progressUpdatesInPlaceAndThrottles() {
    FakeKernel kernel = new FakeKernel();
    AtomicLong now = new AtomicLong();
    ProgressBar p =
        ProgressBar.withDefaults()
            .withTitle("demo")
            .withDisplay(Display.withDefaults().withBridge(kernel))
            .withClock(now::get);
    assertTrue(p.update(1, 10, 1, 0, Duration.ofSeconds(1), Duration.ofSeconds(9), 0.5));
    now.addAndGet(Duration.ofMillis(100).toNanos());
    assertFalse(
        p.update(2, 10, 2, 0, Duration.ofSeconds(2), Duration.ofSeconds(8), 1.0), "throttled");
    now.addAndGet(Duration.ofMillis(300).toNanos());
    assertTrue(p.update(3, 10, 2, 1, Duration.ofSeconds(3), Duration.ofSeconds(7), 1.5));
    assertTrue(
        p.update(10, 10, 9, 1, Duration.ofSeconds(4), Duration.ZERO, 2.0), "the last always shows");
    assertFalse(
        p.update(10, 10, 9, 1, Duration.ofSeconds(4), Duration.ZERO, 2.0), "nothing after the end");
    assertEquals(
        List.of(
            "display [text/html, text/plain]",
            "update id-1 [text/html, text/plain]",
            "update id-1 [text/html, text/plain]"),
        kernel.calls);
  }

  @Test
  void progressRendersNumbers() {
    var s =
        new ProgressBar.Snapshot(
            "sweep", 40, 100, 38, 2, Duration.ofSeconds(72), Duration.ofSeconds(3700), 1.25);
    assertEquals("sweep 40/100 (40%) ok 38 failed 2 elapsed 1:12 eta 1:01:40 spend 1.25", s.text());
    assertTrue(s.html().contains("width:40.0%"), s.html());
    assertTrue(
        new ProgressBar.Snapshot("s", 0, 0, 0, 0, Duration.ZERO, null, Double.NaN)
            .text()
            .endsWith("eta ?"));
  }
}
