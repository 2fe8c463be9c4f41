package org.sweeplab.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The levels of the main effects: counts, means and intervals at the analysis's confidence, equal
 * to the statistics computed on their own ({@link VariationStatistics} of the runs grouped by the
 * parameter); numbers and quartile bins come low to high.
 */
class MainEffectsLevelsTest {
  private static final Runs RUNS = Runs.of(PlantedSweep.generate(20261122L));

  @ParameterizedTest
  @ValueSource(doubles = {0.95, 0.9})
  void levelsAreTheLevelStatisticsAtTheAnalysisConfidence(double confidence) {
    AnalysisResult r =
        Analysis.of(RUNS)
            .withMetric("score")
            .withStatistics(VariationStatistics.withDefaults().withConfidence(confidence))
            .run();
    MainEffectsResult effects = r.patterns().mainEffects();
    for (String p : RUNS.parameters()) {
      VariationStatisticsResult stats =
          VariationStatistics.withDefaults()
              .withConfidence(confidence)
              .compute(RUNS.withGroups(p), "score");
      List<MainEffectsResult.Level> levels = effects.levels(p);
      assertEquals(stats.rows().size(), levels.size(), p);
      for (VariationStatisticsResult.Row row : stats.rows()) {
        MainEffectsResult.Level l =
            levels.stream().filter(x -> x.level().equals(row.label())).findFirst().orElseThrow();
        assertEquals(row.runs(), l.runs());
        assertEquals(row.okRuns(), l.okRuns());
        assertEquals(row.n(), l.n());
        assertEquals(row.mean(), l.mean(), 1e-12 * Math.abs(row.mean()));
        assertEquals(row.meanCiLow(), l.meanCiLow(), 1e-9);
        assertEquals(row.meanCiHigh(), l.meanCiHigh(), 1e-9);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {9, 20})
  void binsOfANumericParameterComeLowToHigh(int distinct) {
    int n = 400;
    String[] ids = new String[n];
    double[] x = new double[n];
    double[] y = new double[n];
    String[] status = new String[n];
    for (int i = 0; i < n; i++) {
      // descending values, so first appearance would put the highest bin first
      x[i] = distinct - 1 - (i % distinct);
      ids[i] = "v" + (int) x[i];
      y[i] = x[i] + (i % 7) * 0.1;
      status[i] = "ok";
    }
    Runs runs =
        Runs.of(
            Table.create(
                "bins.csv",
                StringColumn.create("variation_id", ids),
                DoubleColumn.create("x", x),
                StringColumn.create("status", status),
                DoubleColumn.create("y", y)));
    List<MainEffectsResult.Level> levels =
        Patterns.withDefaults().detect(runs, "y").mainEffects().levels("x");
    assertEquals(4, levels.size());
    assertTrue(levels.get(0).level().startsWith("(-∞, "), levels.get(0).level());
    assertTrue(levels.get(3).level().endsWith(", ∞)"), levels.get(3).level());
    for (int i = 1; i < levels.size(); i++) {
      assertTrue(levels.get(i - 1).mean() < levels.get(i).mean(), levels.toString());
    }
  }
}
