package org.sweeplab.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalysisReportTest {
  @Test
  void analyzeAnOutputFolderWritesEveryFile(@TempDir Path dir) throws Exception {
    PlantedSweep.generate(20261122L).write().csv(dir.resolve("results.csv").toFile());
    Path out = Analysis.analyze(AnalysisOptions.of(dir));
    assertEquals(dir.resolve("analysis"), out);
    for (String f :
        List.of(
            "report.md",
            "variation-statistics.csv",
            "variation-statistics.json",
            "ranking.csv",
            "cost-efficiency.csv",
            "patterns.json")) {
      assertTrue(Files.size(out.resolve(f)) > 0, f);
    }
    String report = Files.readString(out.resolve("report.md"));
    for (String h :
        List.of(
            "## Overview",
            "## Status breakdown",
            "## Statistics by group",
            "## Ranking",
            "## Cost efficiency",
            "## Patterns",
            "## Warnings",
            "## Methods and assumptions")) {
      assertTrue(report.contains(h), h);
    }
    assertTrue(
        report.contains("best: **easy-400-a3-off** (difficulty=easy, tick_budget=400, "), report);
    // The tables say what each variation is, next to its id.
    assertTrue(report.contains("| rank | variation_id | parameters | n |"), report);
    assertTrue(
        report.contains("distinguishable at α = 0.05.") && !report.contains("a = 0.05"), report);
    assertTrue(report.contains("| effect_size | hedges_g | rank_group |"), report);
    // Issue 9, item 10: the report names each Holm family.
    for (String family :
        List.of(
            "Holm over all 6 pairs of parameters",
            "Holm over the 4 parameters",
            "Holm-adjusted over every cluster and level",
            "Holm over every level and pair of levels")) {
      assertTrue(report.contains(family), family);
    }
    assertTrue(report.contains("difficulty = extreme AND tick_budget ≤ 100: "), report);
    List<String> ranking = Files.readAllLines(out.resolve("ranking.csv"));
    assertTrue(
        ranking.get(0).startsWith("rank,variation_id,n,mean,ci_low,ci_high"), ranking.get(0));
    assertTrue(ranking.get(1).startsWith("1,easy-400-a3-off,"), ranking.get(1));
    JsonNode patterns = new ObjectMapper().readTree(out.resolve("patterns.json").toFile());
    assertEquals(
        "difficulty = extreme AND tick_budget ≤ 100",
        patterns.get("failure_rules").get(0).get("rule").asText());
    assertTrue(patterns.get("warnings").toString().contains("levels of logging"));
    JsonNode stats = new ObjectMapper().readTree(out.resolve("variation-statistics.json").toFile());
    assertEquals(128, stats.size());
    assertEquals(20, stats.get(0).get("runs").asInt());
  }

  @Test
  void csvFromAnotherToolWithItsOwnRoles(@TempDir Path dir) throws Exception {
    Path csv = dir.resolve("bench.csv");
    Files.writeString(
        csv,
        """
        config,trial,outcome,latency,dollars
        fast,1,PASS,10.5,2
        fast,2,PASS,11.5,2
        fast,3,FAIL,,2
        slow,1,PASS,20.0,1
        slow,2,PASS,22.0,1
        slow,3,PASS,21.0,1
        """);
    AnalysisOptions o =
        AnalysisOptions.of(csv)
            .withMetric("latency")
            .withDirection(Direction.LOWER_IS_BETTER)
            .withBy(List.of("config"))
            .withStatusColumn("outcome")
            .withOkValue("PASS")
            .withCostColumn("dollars")
            .withOut(dir.resolve("report"));
    Path out = Analysis.analyze(o);
    List<String> stats = Files.readAllLines(out.resolve("variation-statistics.csv"));
    assertTrue(stats.get(1).startsWith("fast,3,2,"), stats.get(1));
    List<String> rank = Files.readAllLines(out.resolve("ranking.csv"));
    assertTrue(rank.get(1).startsWith("1,fast,2,11,"), rank.get(1));
    List<String> cost = Files.readAllLines(out.resolve("cost-efficiency.csv"));
    assertTrue(
        cost.get(1).startsWith("1,slow,3,3,3,1,"),
        cost.get(1)); // 3 / 3 = 1 per ok run, vs 6 / 2 = 3
    assertFalse(Files.exists(out.resolve("analysis")));
  }

  @Test
  void missingInputsAreNamed(@TempDir Path dir) {
    var e = assertThrows(AnalysisException.class, () -> Runs.read(dir));
    assertTrue(e.getMessage().contains("results.csv"), e.getMessage());
    Runs r = Fixtures.create().ok("a", 1).runs();
    var s = assertThrows(AnalysisException.class, () -> r.withStatus("state", "ok"));
    assertTrue(
        s.getMessage()
            .startsWith("Column 'state' is not present in table results.csv; columns are [run_id"),
        s.getMessage());
  }

  @Test
  void figureLinksAppearInTheReport(@TempDir Path dir) throws Exception {
    Analysis.of(Fixtures.create().ok("a", 1, 2, 3).ok("b", 2, 3, 4).runs())
        .withFigures(List.of(new FigureLink("Ranking", "figures/ranking.svg")))
        .writeReport(dir);
    assertTrue(
        Files.readString(dir.resolve("report.md")).contains("![Ranking](figures/ranking.svg)"));
  }
}
