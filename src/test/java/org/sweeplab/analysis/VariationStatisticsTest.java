package org.sweeplab.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tech.tablesaw.api.Table;

class VariationStatisticsTest {
  private static Runs runs() {
    return Fixtures.create()
        .ok("a", InferenceTest.A)
        .add("a", "failed", 0, 1)
        .add("a", "timeout", 0, 1)
        .add("a", "ok", Double.NaN, 1)
        .add("b", "failed", 0, 1)
        .add("b", "skipped", 0, 0)
        .ok("c", 5)
        .add("c", "failed", 0, 1)
        .runs();
  }

  @Test
  void countsRatesAndMetricOverOkRunsOnly() {
    VariationStatisticsResult r = VariationStatistics.withDefaults().compute(runs(), "score");
    assertEquals(3, r.size());
    VariationStatisticsResult.Row a = r.rows().get(0);
    assertEquals("a", a.label());
    assertEquals(List.of("a"), a.keys());
    assertEquals(10, a.runs());
    assertEquals(8, a.okRuns());
    assertEquals(7, a.n());
    assertEquals(1, a.nanCount());
    assertEquals(0.8, a.successRate(), 1e-15);
    assertEquals(13.542857142857144, a.mean(), 1e-13); // numpy 1.24.2: np.mean(A)
    assertEquals(12.32190061913019, a.meanCiLow(), 1e-12); // scipy 1.10.1: mean - tq*sem
    assertEquals(12.5, a.q1(), 1e-13); // numpy 1.24.2: np.percentile(A, 25)
    assertEquals(13.7, a.median(), 1e-13); // numpy 1.24.2: np.percentile(A, 50)
    assertEquals(a, r.row("a"));
    assertEquals(14, r.totalRuns()); // 10 + 2 + 2 runs
    assertEquals(9, r.totalOkRuns()); // 8 + 0 + 1 ok runs
  }

  @Test
  void allFailedGroupAndSingleRunGroup() {
    VariationStatisticsResult r = VariationStatistics.withDefaults().compute(runs(), "score");
    VariationStatisticsResult.Row b = r.row("b");
    assertEquals(0, b.okRuns());
    assertEquals(0.0, b.successRate());
    assertEquals(0.0, b.successCiLow(), 1e-15); // scipy 1.10.1: binomtest(0, 2) wilson
    assertEquals(0.6576197724933469, b.successCiHigh(), 1e-12); // scipy 1.10.1: same
    assertTrue(Double.isNaN(b.mean()));
    VariationStatisticsResult.Row c = r.row("c");
    assertEquals(5.0, c.mean());
    assertTrue(Double.isNaN(c.sd()));
    assertTrue(Double.isNaN(c.meanCiLow()));
    var e = assertThrows(AnalysisException.class, () -> r.row("d"));
    assertEquals("No group 'd' in the statistics of score; groups are [a, b, c]", e.getMessage());
  }

  @Test
  void withoutQuantilesTheFiveNumbersAreNaNAndTheRestIsUnchanged() {
    VariationStatisticsResult all = VariationStatistics.withDefaults().compute(runs(), "score");
    VariationStatisticsResult none =
        VariationStatistics.withDefaults().withQuantiles(Quantiles.NONE).compute(runs(), "score");
    assertEquals(all.size(), none.size());
    for (int i = 0; i < all.size(); i++) {
      VariationStatisticsResult.Row a = all.rows().get(i);
      VariationStatisticsResult.Row n = none.rows().get(i);
      for (double q : new double[] {n.min(), n.q1(), n.median(), n.q3(), n.max()}) {
        assertTrue(Double.isNaN(q), n.label());
      }
      assertEquals(a.n(), n.n());
      assertEquals(a.runs(), n.runs());
      assertEquals(a.mean(), n.mean());
      assertEquals(a.sd(), n.sd());
      assertEquals(a.meanCiLow(), n.meanCiLow());
      assertEquals(a.meanCiHigh(), n.meanCiHigh());
      assertEquals(a.successCiLow(), n.successCiLow());
    }
    assertFalse(Double.isNaN(all.rows().get(0).median()));
  }

  @Test
  void nanPolicies() {
    VariationStatisticsResult.Row inc =
        VariationStatistics.withDefaults()
            .withNaNPolicy(NaNPolicy.INCLUDE)
            .compute(runs(), "score")
            .rows()
            .get(0);
    assertTrue(Double.isNaN(inc.mean()));
    assertEquals(8, inc.n());
    var e =
        assertThrows(
            AnalysisException.class,
            () ->
                VariationStatistics.withDefaults()
                    .withNaNPolicy(NaNPolicy.ERROR)
                    .compute(runs(), "score"));
    assertTrue(
        e.getMessage().contains("row 10") && e.getMessage().contains("'score'"), e.getMessage());
  }

  @Test
  void groupByAnyColumnAndSeededBootstrap() {
    Runs r = runs().withGroups("level");
    VariationStatisticsResult t =
        VariationStatistics.withDefaults()
            .withBootstrap(BootstrapStatistic.MEDIAN, 500, 7)
            .compute(r, null);
    assertEquals(List.of("level"), t.groupColumns());
    assertEquals(BootstrapStatistic.MEDIAN, t.bootstrap());
    VariationStatisticsResult again =
        VariationStatistics.withDefaults()
            .withBootstrap(BootstrapStatistic.MEDIAN, 500, 7)
            .compute(r, null);
    assertEquals(t.rows().get(0).bootstrapCiLow(), again.rows().get(0).bootstrapCiLow());
    double lo = t.rows().get(0).bootstrapCiLow();
    double hi = t.rows().get(0).bootstrapCiHigh();
    assertTrue(lo >= 11.8 && lo <= 13.7 && hi >= 13.7 && hi <= 15.2, lo + " " + hi);
  }

  /**
   * The table view holds the rows' values under the documented column names, the group columns in
   * their types.
   */
  @ParameterizedTest
  @EnumSource(
      value = BootstrapStatistic.class,
      names = {"NONE", "MEDIAN"})
  void tableViewIsTheRows(BootstrapStatistic boot) {
    VariationStatistics vs =
        boot == BootstrapStatistic.NONE
            ? VariationStatistics.withDefaults()
            : VariationStatistics.withDefaults().withBootstrap(boot, 200, 3);
    VariationStatisticsResult r = vs.compute(runs().withGroups("level", "variation_id"), "score");
    Table t = r.toTable();
    List<String> expected =
        new ArrayList<>(
            List.of(
                "level",
                "variation_id",
                "runs",
                "ok_runs",
                "success_rate",
                "success_ci_low",
                "success_ci_high",
                "n",
                "nan_count",
                "mean",
                "mean_ci_low",
                "mean_ci_high",
                "sd",
                "min",
                "q1",
                "median",
                "q3",
                "max"));
    if (boot != BootstrapStatistic.NONE) {
      expected.addAll(List.of("bootstrap_statistic", "bootstrap_ci_low", "bootstrap_ci_high"));
    }
    assertEquals(expected, t.columnNames());
    assertEquals("variation statistics of score", t.name());
    assertEquals(r.size(), t.rowCount());
    for (int i = 0; i < r.size(); i++) {
      VariationStatisticsResult.Row row = r.rows().get(i);
      assertEquals(row.keys(), List.of(t.getString(i, "level"), t.getString(i, "variation_id")));
      assertEquals(
          row.label(), "level=" + row.keys().get(0) + ", variation_id=" + row.keys().get(1));
      assertEquals(row.runs(), t.longColumn("runs").get(i));
      assertEquals(row.okRuns(), t.longColumn("ok_runs").get(i));
      assertEquals(row.n(), t.longColumn("n").get(i));
      assertEquals(row.nanCount(), t.longColumn("nan_count").get(i));
      double[] typed = {
        row.successRate(),
        row.successCiLow(),
        row.successCiHigh(),
        row.mean(),
        row.meanCiLow(),
        row.meanCiHigh(),
        row.sd(),
        row.min(),
        row.q1(),
        row.median(),
        row.q3(),
        row.max()
      };
      String[] named = {
        "success_rate",
        "success_ci_low",
        "success_ci_high",
        "mean",
        "mean_ci_low",
        "mean_ci_high",
        "sd",
        "min",
        "q1",
        "median",
        "q3",
        "max"
      };
      for (int c = 0; c < named.length; c++) {
        assertEquals(
            Double.doubleToLongBits(typed[c]),
            Double.doubleToLongBits(t.doubleColumn(named[c]).getDouble(i)),
            named[c]);
      }
      if (boot != BootstrapStatistic.NONE) {
        assertEquals("median", t.stringColumn("bootstrap_statistic").get(i));
        assertEquals(row.bootstrapCiLow(), t.doubleColumn("bootstrap_ci_low").getDouble(i));
        assertEquals(row.bootstrapCiHigh(), t.doubleColumn("bootstrap_ci_high").getDouble(i));
      } else {
        assertTrue(Double.isNaN(row.bootstrapCiLow()) && Double.isNaN(row.bootstrapCiHigh()));
      }
    }
  }

  @Test
  void badOptionsAreNamed() {
    var e =
        assertThrows(
            AnalysisException.class, () -> VariationStatistics.withDefaults().withConfidence(95));
    assertTrue(e.getMessage().contains("95"), e.getMessage());
    var m =
        assertThrows(
            AnalysisException.class,
            () -> VariationStatistics.withDefaults().compute(runs(), "scor"));
    assertEquals(
        "Column 'scor' is not present in table results.csv; columns are [run_id, variation_id, replicate,"
            + " seed, level, status, score, cost, duration_ms, error_type, error_message]",
        m.getMessage());
  }
}
