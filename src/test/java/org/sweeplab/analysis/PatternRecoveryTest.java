package org.sweeplab.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/** Recovers the structure planted by {@link PlantedSweep}. */
class PatternRecoveryTest {
  private static final Runs RUNS = Runs.of(PlantedSweep.generate(20261122L));

  @Test
  void plantedFailureRegionIsTheTopFailureMode() {
    Patterns.Result p = Patterns.withDefaults().detect(RUNS, "score");
    FailureRulesResult.Row top = p.failureRules().rows().get(0);
    assertEquals(
        "difficulty = extreme AND tick_budget ≤ 100",
        top.rule(),
        p.failureRules().toTable().print());
    assertTrue(top.density() > 0.9, p.failureRules().toTable().print());
    assertTrue(
        p.failureModes().rows().get(0).factor().contains("difficulty = extreme"),
        p.failureModes().toTable().first(5).print());
    assertTrue(
        p.successFactors().rows().stream().anyMatch(r -> r.factor().equals("difficulty = easy")));
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
    assertNotEquals(
        MainEffectsResult.Verdict.EFFECT, e.row("logging").verdict(), e.toTable().print());
    assertEquals(
        MainEffectsResult.Verdict.POSSIBLE_SELECTION,
        e.row("logging").verdict(),
        e.toTable().print());
    assertTrue(
        p.warnings().stream()
            .anyMatch(w -> w.startsWith("Survivorship") && w.contains("levels of logging")),
        p.warnings().toString());
    assertTrue(
        p.warnings().stream()
            .noneMatch(w -> w.startsWith("Survivorship") && w.contains("levels of algo")),
        p.warnings().toString());
    // algo truly moves the score (a3 + 1): its effect is larger than its failure rates could
    // produce
    assertEquals(
        MainEffectsResult.Verdict.EFFECT_BEYOND_SELECTION,
        e.row("algo").verdict(),
        e.toTable().print());
  }

  @Test
  void plantedErrorClusterIsFound() {
    FailureClustersResult c = Patterns.withDefaults().detect(RUNS, "score").failureClusters();
    FailureClustersResult.Row solver =
        c.rows().stream()
            .filter(
                r ->
                    r.cluster()
                        .equals(
                            "ArithmeticException: Solver"
                                + " diverged at iteration <n> (residual <n>), checkpoint <path> sha <hash>"))
            .findFirst()
            .orElse(null);
    assertNotNull(solver, c.toTable().print());
    assertTrue(solver.count() > 20, c.toTable().print());
    assertTrue(
        solver.overRepresented().stream().anyMatch(l -> l.startsWith("algo = a2 ")),
        c.toTable().print());
  }

  @Test
  void normalisationStripsNumbersPathsIdsAndHashes() {
    assertEquals(
        "x <n> at <path> id <id> h <hash> y",
        FailureClusters.normalise(
            "x 42.5 at /var/run/a-1/b.txt id 123e4567-e89b-12d3-a456-426614174000 h 9f3a2b1c7d  y"));
  }
}
