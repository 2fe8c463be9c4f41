package org.sweeplab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sweeplab.spec.SpecLoader;
import org.sweeplab.sweep.Sweep;

/**
 * analyze on saltelli and morris folders (run through the engine with the built-in ishigami and
 * sobol-g), and on several folders at once. The truths: Ishigami S1 = (0.3139, 0.4424, 0), ST =
 * (0.5576, 0.4424, 0.2437) (Ishigami &amp; Homma 1990; see SobolTruthTest for the closed forms);
 * the g-function's factors matter in the order of a_i (Sobol' 1993).
 */
class SensitivityCommandsTest {
  @TempDir static Path shared;
  static Path ishigami;
  static Path ishigamiLhs;
  static Path morris;

  @TempDir Path tmp;

  @BeforeAll
  static void runTheExamples() {
    ishigami = shared.resolve("ishigami");
    Sweep.of(SpecLoader.load(Path.of("data/examples/ishigami.yaml"), List.of("design.samples=256")))
        .output(ishigami)
        .run();
    ishigamiLhs = shared.resolve("ishigami-lhs");
    Sweep.of(
            SpecLoader.load(
                Path.of("data/examples/ishigami.yaml"), List.of("design={type: lhs, samples: 40}")))
        .output(ishigamiLhs)
        .run();
    morris = shared.resolve("sobol-g");
    Sweep.of(SpecLoader.load(Path.of("data/examples/sobol-g.yaml"), List.of()))
        .output(morris)
        .run();
  }

  @Test
  void planShowsTheCellsOfTheDesign() {
    AnalysisCommandsTest.Outcome o =
        AnalysisCommandsTest.run("plan", "data/examples/ishigami.yaml");
    assertEquals(0, o.code(), o.err());
    assertTrue(
        o.out().contains("saltelli: 1,024 base rows x 5 cells (k + 2) = 5,120 cells, "), o.out());
  }

  @Test
  void analyzeWritesTheSobolIndicesTheirConvergenceAndFigures() throws IOException {
    Path out = tmp.resolve("a");
    AnalysisCommandsTest.Outcome o =
        AnalysisCommandsTest.run("analyze", ishigami.toString(), "--out", out.toString());
    assertEquals(0, o.code(), o.err());
    JsonNode json = new ObjectMapper().readTree(out.resolve("sensitivity.json").toFile());
    assertEquals("sobol", json.get("method").asText());
    assertEquals(256, json.get("base_rows").asInt());
    double[] st = {0.5576, 0.4424, 0.2437};
    for (JsonNode i : json.get("indices")) {
      if (i.get("index").asText().equals("ST")) {
        int k = Integer.parseInt(i.get("parameter").asText().substring(1)) - 1;
        assertEquals(st[k], i.get("estimate").asDouble(), 0.05, i.toString());
      }
    }
    assertEquals(4 * 6, json.get("convergence").size());
    List<String> csv = Files.readAllLines(out.resolve("sensitivity.csv"));
    assertEquals("parameter,other,index,estimate,low,high", csv.get(0));
    assertEquals(7, csv.size());
    String report = Files.readString(out.resolve("report.md"), StandardCharsets.UTF_8);
    assertTrue(report.contains("\n## Sensitivity\n"), report);
    assertTrue(report.indexOf("## Sensitivity") < report.indexOf("## Warnings"), report);
    for (String f : List.of("sensitivity-indices", "sensitivity-convergence")) {
      assertTrue(Files.readString(out.resolve("figures/" + f + ".svg")).contains("<path"), f);
      assertTrue(report.contains("](figures/" + f + ".svg)"), f);
    }
    assertTrue(o.out().contains("warning: S1 x3: the interval"), o.out());
  }

  @Test
  void analyzeWritesTheMorrisMeasuresRankingTheGFunctionsFactors() throws IOException {
    Path out = tmp.resolve("m");
    AnalysisCommandsTest.Outcome o =
        AnalysisCommandsTest.run("analyze", morris.toString(), "--out", out.toString());
    assertEquals(0, o.code(), o.err());
    JsonNode json = new ObjectMapper().readTree(out.resolve("sensitivity.json").toFile());
    assertEquals("morris", json.get("method").asText());
    List<String> ranking = new ObjectMapper().convertValue(json.get("ranking"), List.class);
    assertEquals(List.of("x1", "x2", "x3", "x4"), ranking.subList(0, 4));
    for (String f : List.of("morris-mu-star", "morris-mu-star-sigma")) {
      assertTrue(Files.isRegularFile(out.resolve("figures/" + f + ".svg")), f);
    }
  }

  @Test
  void sensitivityOffAndOnAreHonoured() {
    Path off = tmp.resolve("off");
    assertEquals(
        0,
        AnalysisCommandsTest.run(
                "analyze", ishigami.toString(), "--out", off.toString(), "--sensitivity", "off")
            .code());
    assertFalse(Files.exists(off.resolve("sensitivity.csv")));
    AnalysisCommandsTest.Outcome on =
        AnalysisCommandsTest.run(
            "analyze",
            ishigamiLhs.toString(),
            "--out",
            tmp.resolve("on").toString(),
            "--sensitivity",
            "on");
    assertEquals(2, on.code(), on.out());
    assertTrue(
        on.err().contains("--sensitivity on needs a folder whose design is saltelli or morris"),
        on.err());
    assertEquals(1, on.err().strip().lines().count(), on.err());
  }

  @Test
  void severalFoldersAreAnalysedTogetherWithASweepColumn() throws IOException {
    Path out = tmp.resolve("both");
    AnalysisCommandsTest.Outcome o =
        AnalysisCommandsTest.run(
            "analyze",
            ishigami.toString(),
            ishigamiLhs.toString(),
            "--out",
            out.toString(),
            "--by",
            "sweep");
    assertEquals(0, o.code(), o.err());
    List<String> sources = Files.readAllLines(out.resolve("sources.csv"));
    assertEquals("sweep,path,runs,ok_runs", sources.get(0));
    assertTrue(
        sources.get(2).startsWith("ishigami-lhs," + ishigamiLhs + ",40,40"), sources.toString());
    String report = Files.readString(out.resolve("report.md"), StandardCharsets.UTF_8);
    assertTrue(report.contains("\n## Sources\n"), report);
    List<String> stats = Files.readAllLines(out.resolve("variation-statistics.csv"));
    assertEquals(3, stats.size(), stats.toString()); // header, ishigami, ishigami-lhs
    assertFalse(Files.exists(out.resolve("sensitivity.csv")));
  }

  @Test
  void foldersWhoseMetricsDifferAreAOneLineError() throws IOException {
    Path t = tmp.resolve("tournament");
    Sweep.of(
            SpecLoader.load(
                Path.of("data/examples/tournament.yaml"),
                List.of(
                    "replicates=1", "parameters.tick_budget=[100]", "parameters.world=[arena]")))
        .output(t)
        .run();
    AnalysisCommandsTest.Outcome o =
        AnalysisCommandsTest.run(
            "analyze", ishigami.toString(), t.toString(), "--out", tmp.resolve("x").toString());
    assertEquals(2, o.code(), o.out());
    assertTrue(
        o.err()
            .startsWith(
                "error: The folders do not share their metric columns: ishigami has [y],"
                    + " tournament has ["),
        o.err());
    assertEquals(1, o.err().strip().lines().count(), o.err());
  }
}
