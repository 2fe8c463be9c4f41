package org.sweeplab.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/** The examples of docs/analysis.md, kept compiling and checked on the planted sweep. */
class UserGuideTest {
  @Test
  void examples(@TempDir Path dir) throws Exception {
    PlantedSweep.generate(1L).write().csv(dir.resolve("results.csv").toFile());
    Runs runs = Runs.read(dir);
    VariationStatisticsResult byParams =
        VariationStatistics.withDefaults()
            .withBootstrap(BootstrapStatistic.MEDIAN, 2000, 42)
            .compute(runs.withGroups("algo", "difficulty"), "score");
    assertEquals(16, byParams.size());
    RankingResult ranking =
        Ranking.withDefaults()
            .withDirection(Direction.LOWER_IS_BETTER)
            .withTestKind(TestKind.RANK)
            .rank(runs, "score");
    assertEquals("kruskal_wallis", ranking.overall().stringColumn("test").get(0));
    Comparison.Result c =
        Comparison.withDefaults()
            .compare(
                runs,
                "score",
                Subset.parse("difficulty=hard & tick_budget<=100"),
                Subset.where("difficulty", "easy"));
    assertTrue(c.metricTest().difference() < 0, c.table().print());
    CostEfficiencyResult cost =
        CostEfficiency.withDefaults()
            .withMeasure(EfficiencyMeasure.METRIC_PER_COST)
            .compute(runs, "score");
    assertEquals(1, cost.rows().get(0).rank());
    Patterns.Result p = Patterns.withDefaults().detect(runs, "score");
    assertTrue(p.failureRules().rows().size() > 0);
    AnalysisResult r =
        Analysis.of(runs).withMetric("score").withDirection(Direction.HIGHER_IS_BETTER).run();
    assertEquals(128, r.statistics().size());
    Analysis.of(runs)
        .withFigures(List.of(new FigureLink("Ranking", "figures/ranking.svg")))
        .writeReport(dir.resolve("out"));
    assertTrue(Files.exists(dir.resolve("out/report.md")));
    Path out = Analysis.analyze(AnalysisOptions.of(dir));
    assertEquals(dir.resolve("analysis"), out);
    Table stats = VariationStatistics.withDefaults().compute(Runs.read(dir), "score").toTable();
    assertEquals(128, stats.rowCount());
  }
}
