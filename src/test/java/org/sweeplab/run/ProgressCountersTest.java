package org.sweeplab.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.sweeplab.space.RunPlan;
import org.sweeplab.spec.SweepSpec;

/** The one set of counters both executions (local and Spark) keep their progress in. */
class ProgressCountersTest {

  private static RunRecord record(PlannedRun run, RunStatus status, double cost) {
    return new RunRecord(run, status, Map.of(), cost, 0, 0, 1, null, null);
  }

  @Test
  void countsByStatusSpendWithPriorSessionsAndInFlight() {
    RunPlan plan = RunPlan.of(SweepSpec.builder("c").range("i", 1, 5, 1).build());
    PlannedRun run = PlannedRun.of(plan, plan.variations().next(), 1);
    ProgressCounters c = new ProgressCounters(10).withPrior(2.5, 0);
    c.inFlight(3);
    c.finished(record(run, RunStatus.OK, 1.0));
    c.finished(record(run, RunStatus.FAILED, Double.NaN));
    c.finished(record(run, RunStatus.TIMEOUT, 0.5));
    c.finished(record(run, RunStatus.CANCELLED, Double.NaN));
    c.finished(record(run, RunStatus.SKIPPED, Double.NaN));
    c.inFlight(-2);
    c.retried(2);
    c.rateWaited();
    Progress p = c.snapshot(20);
    assertEquals(10, p.total());
    assertEquals(5, p.done());
    assertEquals(
        List.of(1L, 1L, 1L, 1L, 1L),
        List.of(p.ok(), p.failed(), p.timedOut(), p.cancelled(), p.skipped()));
    assertEquals(2, p.retries());
    assertEquals(1, p.rateWaits());
    assertEquals(1, p.inFlight());
    // 2.5 from earlier sessions (counted as one costed run), then 1.0 and 0.5: exact in binary.
    assertEquals(4.0, p.spend(), 0);
    assertEquals(3, p.costedRuns());
    assertEquals(20, p.budget(), 0);
    assertTrue(Double.isNaN(new ProgressCounters(1).snapshot(Double.NaN).spend()));
  }

  @Test
  void concurrentWorkersLoseNoCount() throws Exception {
    RunPlan plan = RunPlan.of(SweepSpec.builder("c").range("i", 1, 5, 1).build());
    PlannedRun run = PlannedRun.of(plan, plan.variations().next(), 1);
    ProgressCounters c = new ProgressCounters(40_000);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> fs = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        fs.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < 10_000; i++) {
                    c.inFlight(1);
                    c.finished(record(run, RunStatus.OK, 0.25));
                    c.inFlight(-1);
                  }
                }));
      }
      for (Future<?> f : fs) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    Progress p = c.snapshot(Double.NaN);
    assertEquals(40_000, p.done());
    assertEquals(40_000, p.ok());
    assertEquals(0, p.inFlight());
    assertEquals(10_000.0, p.spend(), 0); // 40,000 × 0.25, exact in binary
  }
}
