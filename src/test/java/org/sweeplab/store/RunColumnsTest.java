package org.sweeplab.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sweeplab.run.RunStatus;

/**
 * Run columns hold what finished runs wrote, in chunks: a huge plan costs memory only where runs
 * finished.
 */
class RunColumnsTest {

  /** Ordinals at both ends of chunks, the first and the last of the plan. */
  @ParameterizedTest
  @ValueSource(ints = {1, Chunks.SIZE - 1, Chunks.SIZE, Chunks.SIZE + 1, 5 * Chunks.SIZE + 17})
  void runsAnywhereInThePlanReadBackAndTheRestIsEmpty(int capacity) {
    RunColumns c = new RunColumns(capacity);
    int[] at = {0, capacity / 2, capacity - 1};
    for (int i : at) {
      c.put(
          i,
          1000L + i,
          RunStatus.OK,
          Map.of("score", 0.5 + i, "n", (long) i),
          2.0,
          3.0,
          null,
          null);
    }
    c.put(
        capacity - 1,
        7,
        RunStatus.FAILED,
        Map.of("score", 1.5),
        4.0,
        5.0,
        "E",
        "boom"); // a rerun replaces it
    long distinct = java.util.Arrays.stream(at).distinct().count();
    long[] counts = c.statusCounts();
    assertEquals(distinct - 1, counts[RunStatus.OK.ordinal()]);
    assertEquals(1, counts[RunStatus.FAILED.ordinal()]);
    assertEquals(distinct, c.filled());
    assertEquals(RunStatus.FAILED, c.status(capacity - 1));
    assertEquals(7, c.seed(capacity - 1));
    assertArrayEquals(new String[] {"E", "boom"}, c.error(capacity - 1));
    ByteLine line = new ByteLine();
    c.metric("n").appendCsv(line, capacity - 1); // replaced by a run without "n": empty
    assertEquals(0, line.length());
    if (capacity > 2) {
      assertNull(c.status(1));
      assertTrue(Double.isNaN(c.cost(1)));
      assertEquals(0, c.seed(1));
    }
    double[] d = c.durationTotals();
    assertEquals(3.0 * (distinct - 1) + 5.0, d[0]);
    assertEquals(2.0 * (distinct - 1) + 4.0, c.totalCost());
  }

  /**
   * Three plans that each take most of the heap as whole-plan arrays (so together they could not be
   * allocated) hold one finished run each: only their chunks are allocated.
   */
  @org.junit.jupiter.api.Test
  void plansLargerThanTheHeapCostOnlyTheChunksOfTheirFinishedRuns() {
    long cap = Runtime.getRuntime().maxMemory() / 10 * 8 / RunColumns.BYTES_PER_RUN;
    java.util.List<RunColumns> plans = new java.util.ArrayList<>();
    for (int k = 0; k < 3; k++) {
      RunColumns c = new RunColumns(cap);
      c.put(cap - 1, k, RunStatus.OK, Map.of("score", 1.0), 1.0, 1.0, null, null);
      plans.add(c);
    }
    for (RunColumns c : plans) {
      assertEquals(1, c.statusCounts()[RunStatus.OK.ordinal()]);
      assertEquals(1.0, c.totalCost());
    }
  }
}
