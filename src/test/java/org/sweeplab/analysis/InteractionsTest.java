package org.sweeplab.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Two-way interactions as R's sequential {@code anova(lm(y ~ A * B))}. */
class InteractionsTest {
  /**
   * Runs for a design A x B with cells given as {A, B, first value}: four runs per cell, values
   * first..first+3; a cell with first value NaN has four failed runs.
   */
  static Runs design(double offset, Object[]... cells) {
    StringColumn id = StringColumn.create("run_id");
    StringColumn a = StringColumn.create("A");
    StringColumn b = StringColumn.create("B");
    StringColumn status = StringColumn.create("status");
    DoubleColumn y = DoubleColumn.create("score");
    for (Object[] c : cells) {
      double first = (double) c[2];
      for (int i = 0; i < 4; i++) {
        id.append(c[0] + "" + c[1] + "-" + i);
        a.append((String) c[0]);
        b.append((String) c[1]);
        status.append(Double.isNaN(first) ? "failed" : "ok");
        y.append(Double.isNaN(first) ? Double.NaN : offset + first + i);
      }
    }
    return Runs.of(Table.create("design.csv", id, a, b, status, y));
  }

  /**
   * Issue 9, item 2: an empty cell drops its degree of freedom, and the sums of squares are
   * sequential (type I).
   */
  @Test
  void emptyCellAsRTypeOne() {
    Runs runs =
        design(
            0,
            new Object[] {"a1", "b1", 10.0},
            new Object[] {"a1", "b2", 12.0},
            new Object[] {"a1", "b3", 14.0},
            new Object[] {"a2", "b1", 12.0},
            new Object[] {"a2", "b2", 11.0},
            new Object[] {"a2", "b3", Double.NaN});
    InteractionsResult.Row t =
        Patterns.withDefaults().detect(runs, "score").interactions().rows().get(0);
    assertEquals("A x B", t.interaction());
    assertEquals(1.0, t.df1()); // R 4.2.2: anova(lm(y ~ A * B)), A:B Df
    assertEquals(15.0, t.df2()); // R 4.2.2: anova(lm(y ~ A * B)), Residuals Df
    assertEquals(5.40000000000000124, t.f(), 1e-12); // R 4.2.2: anova(lm(y ~ A * B))
    assertEquals(0.0345941590854162428, t.pValue(), 1e-12); // R 4.2.2: Pr(>F) of A:B
    // R 4.2.2: Sum Sq A:B = 9, Residuals = 25: partial eta squared 9 / 34
    assertEquals(9.0 / 34, t.partialEtaSquared(), 1e-12);
  }

  /**
   * Unbalanced (cells of 4 and 8 runs) and offset by 1e9: the answer of R on the data without the
   * offset (R itself loses digits with it: F = 13.49983580).
   */
  @Test
  void unbalancedWithLargeOffset() {
    Runs runs =
        design(
            1e9,
            new Object[] {"a1", "b1", 10.0},
            new Object[] {"a1", "b2", 12.0},
            new Object[] {"a1", "b2", 13.5},
            new Object[] {"a2", "b1", 12.0},
            new Object[] {"a2", "b2", 11.0},
            new Object[] {"a3", "b1", 9.0},
            new Object[] {"a3", "b2", 15.0},
            new Object[] {"a3", "b2", 14.0});
    InteractionsResult.Row t =
        Patterns.withDefaults().detect(runs, "score").interactions().rows().get(0);
    assertEquals(2.0, t.df1()); // R 4.2.2: anova(lm(y ~ A * B)), A:B Df
    assertEquals(26.0, t.df2()); // R 4.2.2: Residuals Df
    assertEquals(13.4998370804822319, t.f(), 1e-9); // R 4.2.2: anova(lm(y ~ A * B))
    assertEquals(9.5301981158332018e-05, t.pValue(), 1e-12); // R 4.2.2: Pr(>F) of A:B
  }

  /**
   * A disconnected design (a1, a2 x b1, b2 and a3 x b3, b4): two components, one interaction degree
   * of freedom.
   */
  @Test
  void disconnectedDesign() {
    Runs runs =
        design(
            0,
            new Object[] {"a1", "b1", 10.0},
            new Object[] {"a1", "b2", 12.0},
            new Object[] {"a2", "b1", 13.0},
            new Object[] {"a2", "b2", 11.0},
            new Object[] {"a3", "b3", 9.0},
            new Object[] {"a3", "b4", 15.0});
    InteractionsResult.Row t =
        Patterns.withDefaults().detect(runs, "score").interactions().rows().get(0);
    assertEquals(1.0, t.df1()); // R 4.2.2: anova(lm(y ~ A * B)), A:B Df
    assertEquals(18.0, t.df2()); // R 4.2.2: Residuals Df
    assertEquals(9.5999999999999872, t.f(), 1e-12); // R 4.2.2: F of A:B
    assertEquals(6.2011633259683617e-03, t.pValue(), 1e-14); // R 4.2.2: Pr(>F) of A:B
  }
}
