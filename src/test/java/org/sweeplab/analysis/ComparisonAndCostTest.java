package org.sweeplab.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class ComparisonAndCostTest {
  @Test
  void comparesTwoSubsetsOnMetricAndSuccess() {
    Fixtures f = Fixtures.create();
    f.ok("x1", InferenceTest.A);
    f.ok("y1", InferenceTest.B);
    f.add("x2", "ok", 14.0, 1);
    for (int i = 0; i < 5; i++) {
      f.add("y2", "failed", 0, 1);
    }
    Runs runs = f.runs();
    // a: level x = 8 runs, all ok; b: level y = 11 runs, 6 ok.
    Comparison.Result r =
        Comparison.withDefaults()
            .withPairing(Pairing.UNPAIRED)
            .compare(
                runs,
                "score",
                Subset.where("level", "x").and("variation_id", "=", "x1"),
                Subset.parse("level = y"));
    assertEquals(7, r.runsA());
    assertEquals(11, r.runsB());
    assertEquals(
        0.012084375620528331,
        r.metricTest().pValue(),
        1e-12); // scipy 1.10.1: ttest_ind(A, B, False)
    assertEquals("fisher_exact", r.successTest());
    // scipy 1.10.1: fisher_exact([[7, 0], [6, 5]]) = (inf, 0.10130718954248366)
    assertEquals(0.10130718954248366, r.successPValue(), 1e-12);
    Table t = r.table();
    assertEquals("level = x AND variation_id = x1", t.stringColumn("subset_a").get(0));
  }

  @Test
  void badSubsetsAreNamed() {
    Runs runs = Fixtures.create().ok("a", 1, 2).runs();
    var e = assertThrows(AnalysisException.class, () -> Subset.parse("level ~ a"));
    assertTrue(e.getMessage().contains("level ~ a"), e.getMessage());
    var empty =
        assertThrows(
            AnalysisException.class,
            () ->
                Comparison.withDefaults()
                    .compare(
                        runs, "score", Subset.where("level", "a"), Subset.where("level", "zz")));
    assertTrue(empty.getMessage().contains("level = zz"), empty.getMessage());
  }

  @Test
  void costEfficiencyAndParetoFront() {
    Fixtures f = Fixtures.create();
    f.add("cheap", "ok", 5, 1).add("cheap", "ok", 7, 1).add("cheap", "failed", 0, 1);
    f.add("pricey", "ok", 10, 4).add("pricey", "ok", 10, 4);
    f.add("bad", "ok", 4, 3).add("bad", "ok", 4, 3);
    Table t = CostEfficiency.withDefaults().compute(f.runs(), "score").toTable();
    // exact arithmetic: cheap 3/2 = 1.5 per ok run, bad 6/2 = 3, pricey 8/2 = 4
    assertEquals("cheap", t.stringColumn("variation_id").get(0));
    assertEquals(1.5, t.doubleColumn("cost_per_ok_run").getDouble(0));
    assertEquals(1.0, t.doubleColumn("mean_cost_per_run").getDouble(0));
    assertEquals(6.0, t.doubleColumn("metric_per_cost").getDouble(0)); // mean 6 / cost per run 1
    assertEquals(2.0 / 3.0, t.doubleColumn("ok_runs_per_cost").getDouble(0), 1e-15);
    assertEquals("bad", t.stringColumn("variation_id").get(1));
    assertFalse(t.booleanColumn("pareto_front").get(1));
    assertTrue(t.booleanColumn("pareto_front").get(0));
    assertTrue(t.booleanColumn("pareto_front").get(2));
    Table byMetric =
        CostEfficiency.withDefaults()
            .withMeasure(EfficiencyMeasure.METRIC_PER_COST)
            .compute(f.runs(), "score")
            .toTable();
    assertEquals("pricey", byMetric.stringColumn("variation_id").get(1));
  }

  @Test
  void costEfficiencyIsTypedAndItsTableIsAView() {
    Fixtures f = Fixtures.create();
    f.add("cheap", "ok", 5, 1).add("cheap", "ok", 7, 1).add("cheap", "failed", 0, 1);
    f.add("pricey", "ok", 10, 4).add("pricey", "ok", 10, 4);
    f.add("bad", "ok", 4, 3).add("bad", "ok", 4, 3);
    CostEfficiencyResult r = CostEfficiency.withDefaults().compute(f.runs(), "score");
    // exact arithmetic: cheap (cost 1 per run, mean 6) and pricey (4, 10) are not beaten on both;
    // bad (3, 4) is
    assertEquals(
        List.of("cheap", "pricey"),
        r.front().stream().map(CostEfficiencyResult.Row::label).toList());
    assertEquals(
        List.of("cheap", "bad", "pricey"),
        r.rows().stream().map(CostEfficiencyResult.Row::label).toList());
    CostEfficiencyResult.Row cheap = r.row("cheap");
    assertEquals(3, cheap.runs());
    assertEquals(2, cheap.okRuns());
    assertEquals(1.5, cheap.costPerOkRun());
    assertEquals(6.0, cheap.metricMean());
    Table t = r.toTable();
    for (int i = 0; i < t.rowCount(); i++) {
      CostEfficiencyResult.Row row = r.rows().get(i);
      assertEquals(row.label(), t.stringColumn("variation_id").get(i));
      assertEquals(row.rank(), t.intColumn("efficiency_rank").get(i));
      assertEquals(row.meanCostPerRun(), t.doubleColumn("mean_cost_per_run").getDouble(i));
      assertEquals(row.paretoFront(), t.booleanColumn("pareto_front").get(i));
    }
    assertThrows(AnalysisException.class, () -> r.row("nope"));
  }
}
