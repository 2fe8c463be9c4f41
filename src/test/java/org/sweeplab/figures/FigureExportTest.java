package org.sweeplab.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sweeplab.analysis.Ranking;
import org.sweeplab.analysis.RankingResult;
import org.sweeplab.analysis.Runs;
import org.sweeplab.analysis.VariationStatistics;
import tech.tablesaw.api.Table;

/**
 * Every figure kind renders to a non-blank PNG of the requested size, and to vector SVG and PDF.
 */
class FigureExportTest {

  private static final FigureStyle STYLE = FigureStyle.withDefaults().withSize(640, 400);
  private static Map<String, Figure> figures;

  @BeforeAll
  static void render() {
    System.setProperty("java.awt.headless", "true");
    Locale.setDefault(Locale.US);
    figures = Gallery.figures(SyntheticResults.table(7), Gallery.SYNTHETIC, STYLE);
  }

  @Test
  void galleryHasEveryKind() {
    assertEquals(
        Set.of(
            "box",
            "ranking",
            "heatmap",
            "pareto",
            "failure-rate",
            "main-effects",
            "convergence",
            "parameter-curve"),
        figures.keySet());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "box",
        "ranking",
        "heatmap",
        "pareto",
        "failure-rate",
        "main-effects",
        "convergence",
        "parameter-curve"
      })
  void pngHasRequestedSizeAndIsNotBlank(String kind) throws IOException {
    BufferedImage img = ImageIO.read(new ByteArrayInputStream(figures.get(kind).toPng()));
    assertEquals(640, img.getWidth());
    assertEquals(400, img.getHeight());
    Set<Integer> colours = new HashSet<>();
    for (int y = 0; y < img.getHeight(); y += 3) {
      for (int x = 0; x < img.getWidth(); x += 3) {
        colours.add(img.getRGB(x, y));
      }
    }
    assertTrue(colours.size() > 20, kind + " has only " + colours.size() + " colours: blank?");
  }

  @Test
  void pngScaleMultipliesThePixels() throws IOException {
    Figure f =
        BoxPlot.withDefaults()
            .withStyle(STYLE.withSize(300, 200).withPngScale(2))
            .plot(Runs.of(SyntheticResults.table(1)).withGroups("algorithm"), "score");
    BufferedImage img = ImageIO.read(new ByteArrayInputStream(f.toPng()));
    assertEquals(600, img.getWidth());
    assertEquals(400, img.getHeight());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "box",
        "ranking",
        "heatmap",
        "pareto",
        "failure-rate",
        "main-effects",
        "convergence",
        "parameter-curve"
      })
  void svgHoldsVectorShapesAndNoBitmap(String kind) {
    String svg = figures.get(kind).toSvg();
    assertTrue(svg.contains("<svg"), kind);
    assertTrue(svg.contains("<path") || svg.contains("<line") || svg.contains("<rect"), kind);
    assertFalse(svg.contains("<image"), kind + " embeds a bitmap");
    assertTrue(svg.contains("<text") || svg.contains("<path"), kind);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "box",
        "ranking",
        "heatmap",
        "pareto",
        "failure-rate",
        "main-effects",
        "convergence",
        "parameter-curve"
      })
  void pdfHoldsPathOperatorsAndNoImage(String kind) throws DataFormatException {
    byte[] pdf = figures.get(kind).toPdf();
    String raw = new String(pdf, StandardCharsets.ISO_8859_1);
    assertTrue(raw.startsWith("%PDF-"), kind);
    assertFalse(
        raw.contains("/Subtype /Image") || raw.contains("/Subtype/Image"),
        kind + " embeds an image");
    String content = inflatedStreams(raw);
    assertTrue(
        Pattern.compile("\\s(re|l|m)\\s").matcher(content).find(), kind + " lacks path operators");
    assertTrue(
        Pattern.compile("\\s(f|S|B)\\s").matcher(content).find(), kind + " never fills or strokes");
  }

  @Test
  void saveWritesTheFormatOfTheExtension(@TempDir Path dir) throws IOException {
    Figure f = figures.get("ranking");
    assertTrue(Files.readString(f.save(dir.resolve("a/r.svg"))).contains("<svg"));
    assertTrue(
        new String(Files.readAllBytes(f.save(dir.resolve("r.pdf"))), StandardCharsets.ISO_8859_1)
            .startsWith("%PDF"));
    byte[] png = Files.readAllBytes(f.save(dir.resolve("r.png")));
    assertEquals((byte) 0x89, png[0]);
    assertEquals('P', png[1]);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> f.save(dir.resolve("r.gif")));
    assertTrue(e.getMessage().contains("'r.gif'"), e.getMessage());
  }

  @Test
  void missingColumnIsNamedWithTheTable() {
    Table t = SyntheticResults.table(1);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                HeatmapPlot.withDefaults()
                    .plot(
                        VariationStatistics.withDefaults()
                            .compute(Runs.of(t).withGroups("algorithm", "population"), "score"),
                        "score",
                        "algorithm",
                        "nope"));
    assertTrue(
        e.getMessage()
            .contains("Column nope is not present in table variation statistics of score"),
        e.getMessage());
  }

  /** The text of every stream, inflated when FlateDecode. */
  static String inflatedStreams(String raw) throws DataFormatException {
    StringBuilder out = new StringBuilder();
    Matcher m = Pattern.compile("stream\r?\n").matcher(raw);
    int from = 0;
    while (m.find(from)) {
      int start = m.end();
      int end = raw.indexOf("endstream", start);
      byte[] bytes = raw.substring(start, end).getBytes(StandardCharsets.ISO_8859_1);
      String dict = raw.substring(Math.max(0, m.start() - 200), m.start());
      if (dict.contains("FlateDecode")) {
        Inflater inf = new Inflater();
        inf.setInput(bytes);
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        while (!inf.finished() && !inf.needsInput()) {
          int n = inf.inflate(chunk);
          buf.write(chunk, 0, n);
        }
        out.append(buf.toString(StandardCharsets.ISO_8859_1));
      } else {
        out.append(new String(bytes, StandardCharsets.ISO_8859_1));
      }
      out.append('\n');
      from = end + "endstream".length();
    }
    return out.toString();
  }

  @Test
  void rankingDrawsGroupsWithoutAnIntervalAndLeavesOutGroupsWithoutAValue() throws IOException {
    Table t =
        Table.create(
            "runs",
            tech.tablesaw.api.StringColumn.create("variation_id", "a", "a", "b", "c"),
            tech.tablesaw.api.StringColumn.create("status", "ok", "ok", "ok", "failed"),
            tech.tablesaw.api.DoubleColumn.create("score", 5.0, 5.5, 4.0, Double.NaN));
    RankingResult ranking = Ranking.withDefaults().rank(Runs.of(t), "score");
    Figure f = RankingPlot.withDefaults().plot(ranking, "score");
    assertEquals(
        List.of("a", "b"),
        ((org.knowm.xchart.CategoryChart) f.chart()).getSeriesMap().get(RankingPlot.CI).getXData());
    BufferedImage img = ImageIO.read(new ByteArrayInputStream(f.toPng()));
    Set<Integer> colours = new HashSet<>();
    for (int y = 0; y < img.getHeight(); y += 3) {
      for (int x = 0; x < img.getWidth(); x += 3) {
        colours.add(img.getRGB(x, y));
      }
    }
    assertTrue(colours.size() > 20, "only " + colours.size() + " colours: blank?");
    Table failed = t.where(t.stringColumn("variation_id").isEqualTo("c"));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                RankingPlot.withDefaults()
                    .plot(Ranking.withDefaults().rank(Runs.of(failed), "score"), "score"));
    assertTrue(e.getMessage().contains("has no group with a value"), e.getMessage());
  }
}
