package org.sweeplab.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sweeplab.analysis.AnalysisOptions;
import org.sweeplab.analysis.FigureLink;
import org.sweeplab.analysis.Runs;
import org.sweeplab.sim.Metrics;
import org.sweeplab.spec.SweepSpec;
import org.sweeplab.sweep.Sweep;

class ReportFiguresTest {

  @TempDir Path dir;

  /** Two parameters, no failures, no cost; the first metric is a boolean, the second a number. */
  private Path sweep() {
    SweepSpec spec =
        SweepSpec.builder("plain")
            .simulation("lambda")
            .values("algo", "a", "b", "c")
            .range("size", 10, 30, 10)
            .replicates(4)
            .seed(5)
            .build();
    return Sweep.of(spec)
        .output(dir.resolve("sweep"))
        .simulation(
            ctx -> {
              double score =
                  ctx.getLong("size")
                      + ("b".equals(ctx.getString("algo")) ? 20 : 0)
                      + ctx.random().nextGaussian();
              return Metrics.of("passed", score > 25, "score", score);
            })
        .run()
        .outputDir();
  }

  @Test
  void withoutFailuresOrCostThereIsNoFailureOrParetoFigure() {
    Path folder = sweep();
    AnalysisReport.Written w = AnalysisReport.withDefaults().write(AnalysisOptions.of(folder));
    assertEquals(
        new MetricChoice("score", MetricChoice.Source.SUMMARY),
        w.metric(),
        "the boolean metric comes first but is no number");
    assertEquals(
        List.of("figures/ranking.svg", "figures/box-algo.svg", "figures/main-effects.svg"),
        w.figures().stream().map(FigureLink::path).toList());
    for (FigureLink f : w.figures()) {
      assertTrue(Files.isRegularFile(folder.resolve("analysis").resolve(f.path())), f.path());
    }
    assertEquals("Ranking by score", w.figures().get(0).title());
    assertEquals("score by algo (largest main effect)", w.figures().get(1).title());
  }

  @Test
  void theRankingShowsAtMostMaxGroupsAndSaysSo() {
    Path folder = sweep();
    AnalysisReport.Written w =
        AnalysisReport.withDefaults()
            .withFigures(ReportFigures.withDefaults().withMaxGroups(4).withFormat(ExportFormat.PNG))
            .write(AnalysisOptions.of(folder));
    assertEquals("Best 4 of 9 groups by score", w.figures().get(0).title());
    assertEquals("figures/ranking.png", w.figures().get(0).path());
    assertThrows(
        IllegalArgumentException.class, () -> ReportFigures.withDefaults().withMaxGroups(1));
  }

  @Test
  void aNamedMetricMustExist() {
    Runs runs = Runs.read(sweep());
    assertEquals(MetricChoice.Source.GIVEN, MetricChoice.of(runs, null, "passed").source());
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> MetricChoice.of(runs, null, "nope"));
    assertTrue(e.getMessage().startsWith("Column 'nope' is not present"), e.getMessage());
    IllegalArgumentException none =
        assertThrows(
            IllegalArgumentException.class,
            () -> MetricChoice.of(runs.withMetrics("passed"), null, null));
    assertTrue(
        none.getMessage()
            .startsWith("Table results.csv has no numeric metric column (metrics: [passed])"),
        none.getMessage());
  }
}
