package org.sweeplab.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.sweeplab.sim.Metrics;
import org.sweeplab.sim.Simulation;
import org.sweeplab.sim.TransientFailureException;
import org.sweeplab.spec.Retries;

/**
 * The execution handle under concurrency: stops before the start, twice, during a retry wait, and
 * timeouts.
 */
@Timeout(60)
class ExecutionHandleTest {

  private static RunRequest request(List<PlannedRun> runs, Simulation sim, RunSink sink) {
    return RunRequest.of("handle", runs.iterator(), runs.size(), sim, sink, null);
  }

  @Test
  void aStopBeforeTheStartRunsNothingAndLeavesTheBackendUsable() {
    AtomicInteger calls = new AtomicInteger();
    Simulation sim =
        ctx -> {
          calls.incrementAndGet();
          return Metrics.of("y", 1.0);
        };
    LocalBackend backend = LocalBackend.withDefaults().withParallelism(2);
    ConcurrentLinkedQueue<RunRecord> got = new ConcurrentLinkedQueue<>();
    ExecutionHandle stopped = backend.start(request(RetryAndBudgetTest.plan(5), sim, got::add));
    stopped.stop(Backend.StopMode.CANCEL);
    assertEquals(0, stopped.progress().done(), "nothing ran before await");
    Progress p = stopped.await();
    assertEquals(0, p.done());
    assertEquals(0, calls.get());
    assertTrue(got.isEmpty());
    assertSame(p, stopped.await(), "a second await returns the same progress");

    Progress next = backend.start(request(RetryAndBudgetTest.plan(5), sim, got::add)).await();
    assertEquals(5, next.ok(), "the stop belonged to the first execution, not to the backend");
  }

  @Test
  void stoppingTwiceFinishesThenCancelsTheRunInFlight() throws Exception {
    CountDownLatch running = new CountDownLatch(1);
    Simulation sim =
        ctx -> {
          running.countDown();
          Thread.sleep(30_000); // interruptible: a cancel ends it
          return Metrics.of("y", 1.0);
        };
    ExecutionHandle h =
        LocalBackend.withDefaults()
            .withParallelism(1)
            .start(request(RetryAndBudgetTest.plan(4), sim, r -> {}));
    CompletableFuture<Progress> done = CompletableFuture.supplyAsync(h::await);
    assertTrue(running.await(20, TimeUnit.SECONDS));
    h.stop(Backend.StopMode.FINISH);
    h.stop(Backend.StopMode.FINISH);
    assertEquals(1, h.progress().inFlight(), "FINISH lets the run in flight go on");
    h.stop(Backend.StopMode.CANCEL);
    h.stop(Backend.StopMode.CANCEL);
    Progress p = done.get(20, TimeUnit.SECONDS);
    assertEquals(1, p.done());
    assertEquals(1, p.cancelled());
    h.stop(Backend.StopMode.CANCEL); // after the end: nothing happens
    assertSame(p, h.progress());
  }

  @Test
  void aCancelDuringARetryWaitEndsTheRunCancelled() throws Exception {
    CountDownLatch waiting = new CountDownLatch(1);
    Ticker blocking =
        new Ticker() {
          @Override
          public long nanoTime() {
            return System.nanoTime();
          }

          @Override
          public void sleepNanos(long nanos) throws InterruptedException {
            waiting.countDown();
            Thread.sleep(30_000);
          }
        };
    AtomicInteger attempts = new AtomicInteger();
    Simulation sim =
        ctx -> {
          attempts.incrementAndGet();
          throw new TransientFailureException("busy");
        };
    ConcurrentLinkedQueue<RunRecord> got = new ConcurrentLinkedQueue<>();
    ExecutionHandle h =
        LocalBackend.withDefaults()
            .withParallelism(1)
            .withTicker(blocking)
            .withRetries(Retries.of(5).withDelays(Duration.ofSeconds(10), Duration.ofSeconds(10)))
            .start(request(RetryAndBudgetTest.plan(3), sim, got::add));
    CompletableFuture<Progress> done = CompletableFuture.supplyAsync(h::await);
    assertTrue(waiting.await(20, TimeUnit.SECONDS));
    h.stop(Backend.StopMode.CANCEL);
    Progress p = done.get(20, TimeUnit.SECONDS);
    assertEquals(1, p.cancelled());
    assertEquals(1, p.done(), "no run starts after the stop");
    assertEquals(1, attempts.get(), "the retry did not run after the cancel");
    assertEquals(RunStatus.CANCELLED, got.peek().status());
  }

  @Test
  void aWorkerStuckPastItsTimeoutIsReplacedAndTheHandleStillStops() throws Exception {
    List<PlannedRun> runs = RetryAndBudgetTest.plan(4);
    CountDownLatch release = new CountDownLatch(1);
    Simulation sim =
        ctx -> {
          if (ctx.runId().equals(runs.get(0).runId())) {
            while (release.getCount() > 0) {
              try {
                release.await();
              } catch (InterruptedException ignored) {
                // ignores interrupts, as a careless simulation would
              }
            }
          }
          return Metrics.of("y", 1.0);
        };
    ExecutionHandle h =
        LocalBackend.withDefaults()
            .withParallelism(1)
            .withTimeout(Duration.ofMillis(200))
            .start(request(runs, sim, r -> {}));
    try {
      Progress p = CompletableFuture.supplyAsync(h::await).get(20, TimeUnit.SECONDS);
      assertEquals(4, p.done());
      assertEquals(1, p.timedOut());
      assertEquals(3, p.ok(), "a replacement worker ran the rest");
      h.stop(
          Backend.StopMode
              .CANCEL); // after the end, with a stuck thread still about: nothing happens
    } finally {
      release.countDown();
    }
  }
}
