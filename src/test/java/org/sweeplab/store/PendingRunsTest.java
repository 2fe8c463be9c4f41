package org.sweeplab.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sweeplab.run.PlannedRun;
import org.sweeplab.run.RunStatus;
import org.sweeplab.space.RunPlan;
import org.sweeplab.spec.Shard;
import org.sweeplab.spec.SweepSpec;

/**
 * The pending runs of a partly run plan (count, counts by chunk, the iterator), against the rule
 * applied to each run on its own: never ran, cancelled or skipped, and with {@link
 * FailedRuns#RETRY} failed or timed out; of one shard.
 */
class PendingRunsTest {
  private static final RunStatus[] STATUSES = RunStatus.values();

  /** 7 variations x 1,000 replicates: chunks of 512 and 3,000 cut across variations. */
  private static RunPlan plan() {
    return RunPlan.of(
        SweepSpec.builder("pending")
            .simulation("custom")
            .values("s", "a", "b", "c", "d", "e", "f", "g")
            .replicates(1_000)
            .seed(3)
            .build());
  }

  private static boolean pendingByRule(RunStatus s, FailedRuns failed) {
    return s == null
        || s == RunStatus.CANCELLED
        || s == RunStatus.SKIPPED
        || (failed == FailedRuns.RETRY && (s == RunStatus.FAILED || s == RunStatus.TIMEOUT));
  }

  @ParameterizedTest
  @CsvSource({
    "KEEP, 0, 1, 0.0",
    "KEEP, 0, 1, 0.6",
    "RETRY, 0, 1, 0.6",
    "KEEP, 1, 3, 0.6",
    "RETRY, 2, 3, 0.9",
    "RETRY, 0, 2, 1.0"
  })
  void scansAgreeWithTheRuleRunByRun(FailedRuns failed, int index, int of, double share) {
    RunPlan plan = plan();
    int runs = (int) plan.runCount();
    RunColumns cols = new RunColumns(runs);
    SplittableRandom random = new SplittableRandom(20261201L + index * 31L + of);
    RunStatus[] truth = new RunStatus[runs];
    for (int i = 0; i < runs; i++) {
      if (random.nextDouble() < share) {
        truth[i] = STATUSES[random.nextInt(STATUSES.length)];
        cols.put(i, i, truth[i], Map.of(), Double.NaN, 1.0, null, null);
      }
    }
    Shard shard = Shard.of(index, of);
    PendingRuns pending = PendingRuns.of(plan, cols, failed, shard);

    List<Long> expected = new ArrayList<>();
    for (long i = 0; i < runs; i++) {
      if (shard.contains(i / plan.replicates()) && pendingByRule(truth[(int) i], failed)) {
        expected.add(i);
      }
    }
    assertEquals(expected.size(), pending.count());
    for (int size : new int[] {512, 3_000, 8_192}) {
      int[] byChunk = new int[(runs + size - 1) / size];
      for (long i : expected) {
        byChunk[(int) (i / size)]++;
      }
      assertArrayEquals(byChunk, pending.countsByChunk(size), "chunks of " + size);
    }
    List<Long> iterated = new ArrayList<>();
    for (Iterator<PlannedRun> it = pending.iterator(); it.hasNext(); ) {
      PlannedRun r = it.next();
      iterated.add(r.variation().index() * plan.replicates() + r.replicate() - 1);
    }
    assertEquals(expected, iterated);
  }
}
