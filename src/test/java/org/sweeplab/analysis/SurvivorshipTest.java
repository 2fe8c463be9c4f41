package org.sweeplab.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.IntPredicate;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Issue 9, item 4: the survivorship verdict tells pure selection from a real shift, in both
 * directions.
 */
class SurvivorshipTest {
  /** 50 + 5 z_i with z_i = Phi^-1((i - 0.5) / 40), i = 1..40: the same 40 values in every level. */
  static double value(int i) {
    return 50 + 5 * NormalDistribution.of(0, 1).inverseCumulativeProbability((i - 0.5) / 40);
  }

  /**
   * Two levels of 40 runs; run i of level L fails when fails(L) tests i; L2 is shifted by {@code
   * shift}.
   */
  static Runs runs(double shift, IntPredicate failsL1, IntPredicate failsL2) {
    StringColumn id = StringColumn.create("run_id");
    StringColumn level = StringColumn.create("L");
    StringColumn status = StringColumn.create("status");
    DoubleColumn score = DoubleColumn.create("score");
    for (int l = 1; l <= 2; l++) {
      for (int i = 1; i <= 40; i++) {
        boolean fails = (l == 1 ? failsL1 : failsL2).test(i);
        id.append("L" + l + "-" + i);
        level.append("L" + l);
        status.append(fails ? "failed" : "ok");
        score.append(fails ? Double.NaN : value(i) + (l == 2 ? shift : 0));
      }
    }
    return Runs.of(Table.create("survivors.csv", id, level, status, score));
  }

  static String verdict(Runs runs) {
    return Patterns.withDefaults().detect(runs, "score").mainEffects().row("L").verdict().label();
  }

  /**
   * The case: L1 loses its 2 lowest runs, L2 its 24 lowest; the whole gap (4.27) is
   * selection.
   */
  @Test
  void pureSelectionOfTheLowestIsSelection() {
    Runs runs = runs(0, i -> i <= 2, i -> i <= 24);
    // R 4.2.2: v <- 50 + 5 * qnorm(((1:40) - 0.5) / 40); mean(v[25:40]) - mean(v[3:40]) =
    // 4.265445272
    double gap =
        java.util.stream.IntStream.rangeClosed(25, 40)
                .mapToDouble(SurvivorshipTest::value)
                .average()
                .orElseThrow()
            - java.util.stream.IntStream.rangeClosed(3, 40)
                .mapToDouble(SurvivorshipTest::value)
                .average()
                .orElseThrow();
    assertEquals(4.265445272, gap, 1e-9);
    Patterns.Result p = Patterns.withDefaults().detect(runs, "score");
    assertEquals("possible_selection", verdict(runs), p.mainEffects().toTable().print());
    assertTrue(
        p.warnings().stream()
            .anyMatch(
                w ->
                    w.startsWith("Survivorship")
                        && w.contains("only the lowest")
                        && w.contains("L = L1, which fails least")),
        p.warnings().toString());
  }

  /** Pure selection in the other direction: L2 loses its 24 highest runs. */
  @Test
  void pureSelectionOfTheHighestIsSelection() {
    assertEquals("possible_selection", verdict(runs(0, i -> i >= 39, i -> i >= 17)));
  }

  /**
   * A real shift of 10 (two sd) with failures that do not depend on the value: L1 loses runs 7 and
   * 31, L2 every run with i mod 5 in {1, 3, 4} (24 runs). Selection of the lowest 60% could raise
   * the mean by about 4.3 only.
   */
  @ParameterizedTest
  @EnumSource(Survivorship.Direction.class)
  void realShiftWithValueIndependentFailuresIsAnEffect(Survivorship.Direction ignored) {
    Runs runs = runs(10, i -> i == 7 || i == 31, i -> i % 5 == 1 || i % 5 == 3 || i % 5 == 4);
    assertEquals("effect_beyond_selection", verdict(runs));
    Runs down = runs(-10, i -> i == 7 || i == 31, i -> i % 5 == 1 || i % 5 == 3 || i % 5 == 4);
    assertEquals("effect_beyond_selection", verdict(down));
  }

  /** The same failure counts with no shift and value-independent failures: no effect at all. */
  @Test
  void noShiftWithValueIndependentFailuresIsNoEffect() {
    assertEquals(
        "no_effect",
        verdict(runs(0, i -> i == 7 || i == 31, i -> i % 5 == 1 || i % 5 == 3 || i % 5 == 4)));
  }
}
