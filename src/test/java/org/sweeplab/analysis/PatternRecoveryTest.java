package org.sweeplab.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/** Recovers the structure planted by {@link PlantedSweep}. */
class PatternRecoveryTest {
  private static final Runs RUNS = Runs.of(PlantedSweep.generate(20261122L));

  @Test
  void plantedFailureRegionIsTheTopFailureMode() {
    Patterns.Result p = Patterns.withDefaults().detect(RUNS, "score");
    Table rules = p.failureRules();
    String top = rules.stringColumn("rule").get(0);
    assertEquals("difficulty = extreme AND tick_budget ≤ 100", top, rules.print());
    assertTrue(rules.doubleColumn("density").getDouble(0) > 0.9, rules.print());
    assertTrue(p.failureModes().stringColumn("factor").get(0).contains("difficulty = extreme"),
        p.failureModes().first(5).print());
    assertTrue(p.successFactors().stringColumn("factor").asList().contains("difficulty = easy"));
  }

  @Test
  void plantedBestVariationRanksFirstAndIsDistinguishable() {
    RankingResult r = Ranking.withDefaults().rank(RUNS, "score");
    Table t = r.table();
    assertEquals("easy-400-a3-off", t.stringColumn("variation_id").get(0), t.first(3).print());
    assertTrue(r.paired());
    for (int i = 1; i < t.rowCount(); i++) {
      if (t.longColumn("n").get(i) >= 3) {
        assertTrue(t.booleanColumn("distinguishable_from_best").get(i), t.row(i).toString());
      }
    }
    assertEquals("", r.advice());
  }

  @Test
  void noEffectParameterIsFlaggedAsSelectionNotEffect() {
    Patterns.Result p = Patterns.withDefaults().detect(RUNS, "score");
    MainEffectsResult e = p.mainEffects();
    assertNotEquals(MainEffectsResult.Verdict.EFFECT, e.row("logging").verdict(), e.toTable().print());
    assertEquals(MainEffectsResult.Verdict.POSSIBLE_SELECTION, e.row("logging").verdict(), e.toTable().print());
    assertTrue(p.warnings().stream().anyMatch(w -> w.startsWith("Survivorship") && w.contains("levels of logging")),
        p.warnings().toString());
    assertTrue(p.warnings().stream().noneMatch(w -> w.startsWith("Survivorship") && w.contains("levels of algo")),
        p.warnings().toString());
    // algo truly moves the score (a3 + 1): its effect is larger than its failure rates could produce
    assertEquals(MainEffectsResult.Verdict.EFFECT_BEYOND_SELECTION, e.row("algo").verdict(), e.toTable().print());
  }

  @Test
  void plantedErrorClusterIsFound() {
    Table c = Patterns.withDefaults().detect(RUNS, "score").failureClusters();
    int i = c.stringColumn("cluster").indexOf("ArithmeticException: Solver diverged at iteration <n> (residual <n>),"
        + " checkpoint <path> sha <hash>");
    assertTrue(i >= 0, c.print());
    assertTrue(c.longColumn("count").get(i) > 20, c.print());
    assertTrue(c.stringColumn("over_represented").get(i).contains("algo = a2"), c.print());
  }

  @Test
  void normalisationStripsNumbersPathsIdsAndHashes() {
    assertEquals("x <n> at <path> id <id> h <hash> y", FailureClusters.normalise(
        "x 42.5 at /var/run/a-1/b.txt id 123e4567-e89b-12d3-a456-426614174000 h 9f3a2b1c7d  y"));
  }
}
