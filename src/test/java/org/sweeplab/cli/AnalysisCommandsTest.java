package org.sweeplab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sweeplab.spec.SpecLoader;
import org.sweeplab.sweep.Sweep;
import picocli.CommandLine;

/** analyze, plot and notebook install, run through the command line on the tournament example. */
class AnalysisCommandsTest {

  @TempDir static Path shared;
  static Path sweep;

  @TempDir Path tmp;

  record Outcome(int code, String out, String err) {}

  @BeforeAll
  static void runTheTournament() {
    sweep = shared.resolve("tournament");
    Sweep.of(SpecLoader.load(Path.of("data/examples/tournament.yaml"), List.of()))
        .output(sweep)
        .run();
  }

  static Outcome run(String... args) {
    CommandLine cl = Main.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    return new Outcome(code, out.toString(), err.toString());
  }

  @Test
  void analyzeWritesTheReportWithLinkedFiguresAndSaysWhichMetric() throws IOException {
    Path out = tmp.resolve("analysis");
    Outcome o = run("analyze", sweep.toString(), "--out", out.toString());
    assertEquals(0, o.code(), o.err());
    assertTrue(
        o.out()
            .startsWith("metric: score (the first numeric metric; choose another with --metric)"),
        o.out());
    String report = Files.readString(out.resolve("report.md"), StandardCharsets.UTF_8);
    for (String f :
        List.of("ranking", "box-strategy", "main-effects", "failure-rate-difficulty", "pareto")) {
      Path svg = out.resolve("figures").resolve(f + ".svg");
      assertTrue(Files.isRegularFile(svg), f + " missing; output:\n" + o.out());
      assertTrue(Files.readString(svg).contains("<path"), f + " holds no vector paths");
      assertTrue(report.contains("](figures/" + f + ".svg)"), "report.md does not link " + f);
      assertTrue(o.out().contains("figures/" + f + ".svg"), o.out());
    }
    for (String f :
        List.of(
            "variation-statistics.csv",
            "variation-statistics.json",
            "ranking.csv",
            "cost-efficiency.csv",
            "patterns.json")) {
      assertTrue(Files.isRegularFile(out.resolve(f)), f);
    }
    assertTrue(o.out().contains("warning: 60 of 900 runs are not ok"), o.out());
  }

  @Test
  void analyzeDefaultsToTheFolderAndHonoursMetricAndDirection() throws IOException {
    Path copy = tmp.resolve("copy");
    Files.createDirectories(copy);
    for (String f : List.of("results.csv", "summary.json")) {
      Files.copy(sweep.resolve(f), copy.resolve(f));
    }
    Outcome o =
        run(
            "analyze",
            copy.toString(),
            "--metric",
            "ticks_used",
            "--lower-is-better",
            "--figure-format",
            "png");
    assertEquals(0, o.code(), o.err());
    assertTrue(o.out().startsWith("metric: ticks_used" + System.lineSeparator()), o.out());
    String report = Files.readString(copy.resolve("analysis").resolve("report.md"));
    assertTrue(report.contains("metric: `ticks_used`, lower is better"), report);
    assertTrue(
        Files.isRegularFile(copy.resolve("analysis").resolve("figures").resolve("ranking.png")));
  }

  @Test
  void analyzeOfACsvWithoutSummaryTakesTheFirstNumericMetricOfTheTable() throws IOException {
    Path csv = tmp.resolve("other.csv");
    Files.writeString(
        csv,
        "variation_id,tool,status,label,time\n"
            + "a,x,ok,fast,1.5\na,x,ok,fast,2.5\nb,y,ok,slow,3.5\nb,y,failed,,\nb,y,ok,slow,4.5\n");
    Outcome o = run("analyze", csv.toString(), "--out", tmp.resolve("out").toString());
    assertEquals(0, o.code(), o.err());
    assertTrue(o.out().startsWith("metric: time (the first numeric metric"), o.out());
  }

  @Test
  void analyzeReportsAMissingMetricAsAUsageError() {
    Outcome o =
        run("analyze", sweep.toString(), "--metric", "scor", "--out", tmp.resolve("x").toString());
    assertEquals(2, o.code());
    assertTrue(
        o.err().startsWith("error: Column 'scor' is not present in table results.csv"), o.err());
    assertFalse(Files.exists(tmp.resolve("x").resolve("report.md")));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "box|strategy", "ranking|strategy,difficulty", "heatmap|tick_budget,difficulty", "pareto|",
        "failure-rate|difficulty", "main-effects|", "convergence|strategy",
            "curve|tick_budget,strategy"
      })
  void plotDrawsEveryKind(String kind, String by) throws IOException {
    Path png = tmp.resolve(kind + ".png");
    List<String> args =
        new ArrayList<>(
            List.of(
                "plot",
                sweep.toString(),
                "--kind",
                kind,
                "--metric",
                "score",
                "--out",
                png.toString(),
                "--width",
                "640",
                "--height",
                "400",
                "--font-size",
                "11"));
    if (by != null) {
      args.addAll(List.of("--by", by));
    }
    Outcome o = run(args.toArray(new String[0]));
    assertEquals(0, o.code(), o.err());
    assertEquals("wrote " + png + System.lineSeparator(), o.out());
    BufferedImage image = ImageIO.read(png.toFile());
    assertEquals(640, image.getWidth());
    assertEquals(400, image.getHeight());
    int first = image.getRGB(image.getWidth() / 2, image.getHeight() / 2);
    boolean varies = false;
    for (int x = 0; x < image.getWidth() && !varies; x += 3) {
      for (int y = 0; y < image.getHeight() && !varies; y += 3) {
        varies = image.getRGB(x, y) != first;
      }
    }
    assertTrue(varies, kind + " is blank");
  }

  @Test
  void plotWritesVectorFormatsByExtension() throws IOException {
    Path svg = tmp.resolve("h.svg");
    Path pdf = tmp.resolve("h.pdf");
    assertEquals(
        0, run("plot", sweep.toString(), "--kind", "heatmap", "--out", svg.toString()).code());
    assertEquals(
        0, run("plot", sweep.toString(), "--kind", "main-effects", "--out", pdf.toString()).code());
    assertTrue(Files.readString(svg).contains("<svg"));
    assertTrue(
        new String(Files.readAllBytes(pdf), 0, 5, StandardCharsets.ISO_8859_1).startsWith("%PDF"));
  }

  @Test
  void plotErrorsNameTheProblem() {
    Map<List<String>, String> cases =
        Map.of(
            List.of("--kind", "violin", "--out", "x.svg"),
            "error: Unknown figure kind 'violin'; kinds are box,",
            List.of("--kind", "heatmap", "--by", "strategy", "--out", "x.svg"),
            "error: A heatmap figure takes two parameters (x, y) as --by, not [strategy]",
            List.of("--kind", "box", "--out", "x.gif"),
            "error: Cannot tell the figure format of 'x.gif'",
            List.of("--kind", "box", "--by", "colour", "--out", "x.svg"),
            "error: Column 'colour' is not present");
    cases.forEach(
        (args, message) -> {
          List<String> all = new ArrayList<>(List.of("plot", sweep.toString()));
          all.addAll(args);
          all.set(
              all.indexOf("--out") + 1, tmp.resolve(all.get(all.indexOf("--out") + 1)).toString());
          Outcome o = run(all.toArray(new String[0]));
          assertEquals(2, o.code(), args + ": " + o.err());
          assertTrue(o.err().startsWith(message), args + ": " + o.err());
        });
    Outcome missing = run("plot", sweep.toString(), "--out", "x.svg");
    assertEquals(2, missing.code());
    assertTrue(missing.err().contains("Missing required option: '--kind=KIND'"), missing.err());
  }

  @Test
  void notebookInstallWritesTheKernelspecAndSaysHowToStart() throws IOException {
    Path dist = fakeDistribution(tmp.resolve("dist"));
    Path prefix = tmp.resolve("prefix");
    Outcome o =
        run(
            "notebook",
            "install",
            "--prefix",
            prefix.toString(),
            "--name",
            "sweeplab-test",
            "--from",
            dist.toString());
    assertEquals(0, o.code(), o.err());
    Path spec = prefix.resolve("share/jupyter/kernels/sweeplab-test/kernel.json");
    assertTrue(Files.isRegularFile(spec), o.out());
    String json = Files.readString(spec);
    assertTrue(json.contains("\"display_name\" : \"Java (sweeplab)\""), json);
    assertTrue(json.contains(dist.resolve("lib").toAbsolutePath() + "/*.jar"), json);
    assertTrue(o.out().contains("in " + spec.getParent().toAbsolutePath()), o.out());
    assertTrue(
        o.out()
            .contains("JUPYTER_PATH includes " + prefix.toAbsolutePath().resolve("share/jupyter")),
        o.out());
    assertTrue(o.out().contains("jupyter lab notebooks/"), o.out());
  }

  @Test
  void notebookInstallRejectsABadName() throws IOException {
    Outcome o =
        run(
            "notebook",
            "install",
            "--prefix",
            tmp.toString(),
            "--name",
            "my kernel",
            "--from",
            fakeDistribution(tmp.resolve("dist")).toString());
    assertEquals(2, o.code());
    assertTrue(o.err().startsWith("error: Kernel name 'my kernel' may hold only letters"), o.err());
  }

  /**
   * The layout ./mvnw package makes: sweeplab-*.jar, lib/, kernel/ (empty files suffice for the
   * kernelspec).
   */
  private static Path fakeDistribution(Path dir) throws IOException {
    Files.createDirectories(dir.resolve("lib"));
    Files.createDirectories(dir.resolve("kernel"));
    Files.createFile(dir.resolve("sweeplab-0.1.0.jar"));
    Files.createFile(dir.resolve("lib").resolve("tablesaw-core.jar"));
    Files.createFile(dir.resolve("kernel").resolve("rapaio-jupyter-kernel-3.0.1.jar"));
    Files.createFile(dir.resolve("kernel").resolve("sweeplab-0.1.0-kernel-fix.jar"));
    return dir;
  }
}
