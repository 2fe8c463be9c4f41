package org.sweeplab.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Issue 9, item 10: each family of pattern tests is Holm-adjusted. */
class MultipleTestingTest {
  /**
   * 40 runs: P = x for the first 20, y for the rest; Q alternates u, v. The first {@code failing}
   * runs of level x fail with "boom" (half of them at u, half at v).
   */
  static Runs runs(int failing) {
    StringColumn id = StringColumn.create("run_id");
    StringColumn p = StringColumn.create("P");
    StringColumn q = StringColumn.create("Q");
    StringColumn status = StringColumn.create("status");
    DoubleColumn score = DoubleColumn.create("score");
    StringColumn type = StringColumn.create("error_type");
    StringColumn message = StringColumn.create("error_message");
    for (int i = 0; i < 40; i++) {
      boolean fails = i < failing;
      id.append("r" + i);
      p.append(i < 20 ? "x" : "y");
      q.append(i % 2 == 0 ? "u" : "v");
      status.append(fails ? "failed" : "ok");
      score.append(fails ? Double.NaN : i % 5);
      type.append(fails ? "RuntimeException" : "");
      message.append(fails ? "boom" : "");
    }
    return Runs.of(Table.create("families.csv", id, p, q, status, score, type, message));
  }

  @Test
  void clusterOverRepresentationIsHolmAdjustedOverEveryClusterAndLevel() {
    // 6 of 6 failures at P = x: R 4.2.2 fisher.test(matrix(c(6, 0, 14, 20), 2))$p.value = 0.0202
    // alone, but
    // p.adjust(c(0.0202, 0.0202, 1, 1), "holm") = 0.0808 over the four cluster x level tests: not
    // over-represented.
    FailureClustersResult six = Patterns.withDefaults().detect(runs(6), "score").failureClusters();
    assertEquals(List.of(), six.rows().get(0).overRepresented(), six.toTable().print());
    // 8 of 8 at P = x: R 4.2.2 fisher.test(matrix(c(8, 0, 12, 20), 2))$p.value = 0.003276, times 4
    // = 0.0131.
    FailureClustersResult eight =
        Patterns.withDefaults().detect(runs(8), "score").failureClusters();
    assertEquals(
        List.of("P = x (x2.0, p_holm 0.01310)"),
        eight.rows().get(0).overRepresented(),
        eight.toTable().print());
    assertEquals(
        "P = x (x2.0, p_holm 0.01310)", eight.toTable().stringColumn("over_represented").get(0));
  }

  @Test
  void failureRateChiSquareIsHolmAdjustedOverParameters() {
    MainEffectsResult e = Patterns.withDefaults().detect(runs(6), "score").mainEffects();
    // R 4.2.2: p.adjust(c(chisq.test(matrix(c(14, 20, 6, 0), 2), correct = FALSE)$p.value,
    //   chisq.test(matrix(c(17, 17, 3, 3), 2), correct = FALSE)$p.value), "holm")
    assertEquals(0.015775155839346147, e.row("P").failureRatePHolm(), 1e-12);
    assertEquals(1.0, e.row("Q").failureRatePHolm(), 1e-12);
  }

  @Test
  void interactionsAreHolmAdjustedOverEveryPair() {
    InteractionsResult t =
        Patterns.withDefaults()
            .withKeep(10)
            .detect(Runs.of(PlantedSweep.generate(20261122L)), "score")
            .interactions();
    assertEquals(6, t.rows().size()); // 4 parameters: 6 pairs, one family
    double[] p = t.rows().stream().mapToDouble(InteractionsResult.Row::pValue).toArray();
    double[] holm = t.rows().stream().mapToDouble(InteractionsResult.Row::pHolm).toArray();
    assertArrayEquals(Intervals.holm(p), holm, 1e-15);
    double smallest = java.util.Arrays.stream(p).min().orElseThrow();
    assertTrue(smallest < 1.0 / 6, t.toTable().print());
    assertTrue(
        java.util.Arrays.stream(holm).anyMatch(h -> h == 6 * smallest),
        t.toTable().print()); // times 6
  }
}
