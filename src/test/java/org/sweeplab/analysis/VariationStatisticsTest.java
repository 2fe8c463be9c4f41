package org.sweeplab.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class VariationStatisticsTest {
  private static Runs runs() {
    return Fixtures.create().ok("a", InferenceTest.A).add("a", "failed", 0, 1).add("a", "timeout", 0, 1)
        .add("a", "ok", Double.NaN, 1).add("b", "failed", 0, 1).add("b", "skipped", 0, 0)
        .ok("c", 5).add("c", "failed", 0, 1).runs();
  }

  @Test
  void countsRatesAndMetricOverOkRunsOnly() {
    Table t = VariationStatistics.withDefaults().compute(runs(), "score");
    assertEquals(3, t.rowCount());
    assertEquals("a", t.stringColumn("variation_id").get(0));
    assertEquals(10, t.longColumn("runs").get(0));
    assertEquals(8, t.longColumn("ok_runs").get(0));
    assertEquals(7, t.longColumn("n").get(0));
    assertEquals(1, t.longColumn("nan_count").get(0));
    assertEquals(0.8, t.doubleColumn("success_rate").getDouble(0), 1e-15);
    assertEquals(13.542857142857144, t.doubleColumn("mean").getDouble(0), 1e-13); // numpy 1.24.2: np.mean(A)
    assertEquals(12.32190061913019, t.doubleColumn("mean_ci_low").getDouble(0), 1e-12); // scipy 1.10.1: mean - tq*sem
    assertEquals(12.5, t.doubleColumn("q1").get(0), 1e-13); // numpy 1.24.2: np.percentile(A, 25)
    assertEquals(13.7, t.doubleColumn("median").getDouble(0), 1e-13); // numpy 1.24.2: np.percentile(A, 50)
  }

  @Test
  void allFailedGroupAndSingleRunGroup() {
    Table t = VariationStatistics.withDefaults().compute(runs(), "score");
    assertEquals(0, t.longColumn("ok_runs").get(1));
    assertEquals(0.0, t.doubleColumn("success_rate").getDouble(1));
    assertEquals(0.0, t.doubleColumn("success_ci_low").getDouble(1), 1e-15); // scipy 1.10.1: binomtest(0, 2) wilson
    assertEquals(0.6576197724933469, t.doubleColumn("success_ci_high").getDouble(1), 1e-12); // scipy 1.10.1: same
    assertTrue(Double.isNaN(t.doubleColumn("mean").getDouble(1)));
    assertEquals(5.0, t.doubleColumn("mean").getDouble(2));
    assertTrue(Double.isNaN(t.doubleColumn("sd").getDouble(2)));
    assertTrue(Double.isNaN(t.doubleColumn("mean_ci_low").getDouble(2)));
  }

  @Test
  void nanPolicies() {
    Table inc = VariationStatistics.withDefaults().withNaNPolicy(NaNPolicy.INCLUDE).compute(runs(), "score");
    assertTrue(Double.isNaN(inc.doubleColumn("mean").getDouble(0)));
    assertEquals(8, inc.longColumn("n").get(0));
    var e = assertThrows(AnalysisException.class,
        () -> VariationStatistics.withDefaults().withNaNPolicy(NaNPolicy.ERROR).compute(runs(), "score"));
    assertTrue(e.getMessage().contains("row 10") && e.getMessage().contains("'score'"), e.getMessage());
  }

  @Test
  void groupByAnyColumnAndSeededBootstrap() {
    Runs r = runs().withGroups("level");
    Table t = VariationStatistics.withDefaults().withBootstrap(BootstrapStatistic.MEDIAN, 500, 7).compute(r, null);
    assertEquals("level", t.columnNames().get(0));
    Table again = VariationStatistics.withDefaults().withBootstrap(BootstrapStatistic.MEDIAN, 500, 7).compute(r, null);
    assertEquals(t.doubleColumn("bootstrap_ci_low").getDouble(0), again.doubleColumn("bootstrap_ci_low").getDouble(0));
    double lo = t.doubleColumn("bootstrap_ci_low").getDouble(0);
    double hi = t.doubleColumn("bootstrap_ci_high").getDouble(0);
    assertTrue(lo >= 11.8 && lo <= 13.7 && hi >= 13.7 && hi <= 15.2, lo + " " + hi);
  }

  @Test
  void badOptionsAreNamed() {
    var e = assertThrows(AnalysisException.class, () -> VariationStatistics.withDefaults().withConfidence(95));
    assertTrue(e.getMessage().contains("95"), e.getMessage());
    var m = assertThrows(AnalysisException.class, () -> VariationStatistics.withDefaults().compute(runs(), "scor"));
    assertEquals("Column 'scor' is not present in table results.csv; columns are [run_id, variation_id, replicate,"
        + " seed, level, status, score, cost, duration_ms, error_type, error_message]", m.getMessage());
  }
}
