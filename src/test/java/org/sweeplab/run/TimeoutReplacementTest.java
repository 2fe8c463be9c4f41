package org.sweeplab.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;
import org.sweeplab.sim.Metrics;
import org.sweeplab.sim.Simulation;

class TimeoutReplacementTest {
  /**
   * With one worker, a timed-out run's worker exits as soon as it is interrupted, while the
   * timeout's record is still being written (a slow sink makes that certain). The replacement
   * worker must still be waited for: every run is in the sink when execute returns.
   */
  @Test
  void executeWaitsForTheReplacementOfAnAbandonedWorker() {
    List<PlannedRun> runs = RetryAndBudgetTest.plan(6);
    Simulation sim =
        ctx -> {
          if (ctx.runId().equals(runs.get(0).runId())) {
            Thread.sleep(5_000); // interruptible: the worker leaves at once when abandoned
          }
          return Metrics.of("y", 1.0);
        };
    ConcurrentLinkedQueue<RunRecord> got = new ConcurrentLinkedQueue<>();
    RunSink slowOnTimeout =
        r -> {
          if (r.status() == RunStatus.TIMEOUT) {
            try {
              Thread.sleep(300);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
          got.add(r);
        };
    Progress p =
        LocalBackend.withDefaults()
            .withParallelism(1)
            .withTimeout(Duration.ofMillis(200))
            .start(RunRequest.of("t", runs.iterator(), runs.size(), sim, slowOnTimeout, null))
            .await();
    assertEquals(6, got.size(), "records in the sink when execute returned");
    assertEquals(6, p.done());
    assertEquals(1, p.timedOut());
  }
}
