package org.sweeplab.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sweeplab.sim.Metrics;
import org.sweeplab.sim.RateLimitedException;
import org.sweeplab.sim.Simulation;
import org.sweeplab.sim.TransientFailureException;
import org.sweeplab.space.RunPlan;
import org.sweeplab.space.Variation;
import org.sweeplab.spec.Retries;
import org.sweeplab.spec.SweepSpec;

class RetryAndBudgetTest {

  static List<PlannedRun> plan(int n) {
    RunPlan plan =
        RunPlan.of(SweepSpec.builder("t").simulation("x").range("i", 1, n, 1).seed(3).build());
    List<PlannedRun> out = new ArrayList<>();
    Iterator<Variation> it = plan.variations();
    while (it.hasNext()) {
      Variation v = it.next();
      out.add(new PlannedRun(v, 1, plan.seed(v.key(), 1), plan.runId(v.id(), 1), v.index()));
    }
    return out;
  }

  static List<RunRecord> execute(LocalBackend b, List<PlannedRun> runs, Simulation sim) {
    ConcurrentLinkedQueue<RunRecord> out = new ConcurrentLinkedQueue<>();
    b.start(RunRequest.of("t", runs.iterator(), runs.size(), sim, out::add, null)).await();
    return new ArrayList<>(out);
  }

  @Test
  void transientFailuresAreRetriedWithBackoffAndTheSameSeed() {
    FakeTicker ticker = new FakeTicker();
    ConcurrentHashMap<Long, Integer> seen = new ConcurrentHashMap<>();
    List<Long> seeds = new ArrayList<>();
    Simulation sim =
        ctx -> {
          synchronized (seeds) {
            seeds.add(ctx.seed());
          }
          if (seen.merge(ctx.seed(), 1, Integer::sum) < 3) {
            throw new TransientFailureException("flaky");
          }
          return Metrics.of("ok", true);
        };
    LocalBackend b =
        LocalBackend.withDefaults()
            .withParallelism(1)
            .withTicker(ticker)
            .withRetries(Retries.of(4).withDelays(Duration.ofMillis(100), Duration.ofMillis(150)));
    List<RunRecord> recs = execute(b, plan(1), sim);
    assertEquals(RunStatus.OK, recs.get(0).status());
    assertEquals(3, recs.get(0).attempts());
    assertEquals(3, seeds.size());
    assertEquals(1, seeds.stream().distinct().count(), "every attempt has the same seed");
    // Backoff with jitter: attempt 1 waits 50-100 ms, attempt 2 waits min(200, 150) -> 75-150 ms.
    assertEquals(2, ticker.sleeps.size());
    long d1 = ticker.sleeps.get(0) / 1_000_000;
    long d2 = ticker.sleeps.get(1) / 1_000_000;
    assertTrue(d1 >= 50 && d1 <= 100, "first delay " + d1);
    assertTrue(d2 >= 75 && d2 <= 150, "second delay " + d2);
  }

  @Test
  void retriesStopAtMaxAttempts() {
    LocalBackend b =
        LocalBackend.withDefaults()
            .withParallelism(1)
            .withTicker(new FakeTicker())
            .withRetries(Retries.of(3));
    List<RunRecord> recs =
        execute(
            b,
            plan(1),
            ctx -> {
              throw new TransientFailureException("always");
            });
    assertEquals(RunStatus.FAILED, recs.get(0).status());
    assertEquals(3, recs.get(0).attempts());
    assertEquals("TransientFailure", recs.get(0).errorType());
  }

  @Test
  void retryAfterIsSharedAndDoesNotCountAsAnAttempt() {
    FakeTicker ticker = new FakeTicker();
    AtomicInteger calls = new AtomicInteger();
    Simulation sim =
        ctx -> {
          if (calls.incrementAndGet() == 1) {
            throw new RateLimitedException(Duration.ofSeconds(2));
          }
          return Metrics.of("ok", true);
        };
    LocalBackend b = LocalBackend.withDefaults().withParallelism(1).withTicker(ticker);
    List<RunRecord> recs = execute(b, plan(3), sim);
    assertEquals(3, recs.size());
    recs.forEach(r -> assertEquals(RunStatus.OK, r.status()));
    assertEquals(1, recs.get(0).attempts());
    assertEquals(
        List.of(2_000_000_000L), ticker.sleeps, "the next start waits for the retry-after");
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 4})
  void budgetStopsStartingRunsAndSkipsTheRest(int parallel) {
    double cap = 10.5;
    Simulation sim =
        ctx -> {
          Thread.sleep(2);
          return Metrics.builder().put("i", ctx.getLong("i")).cost(1.0).build();
        };
    LocalBackend b =
        LocalBackend.withDefaults().withParallelism(parallel).withBudget(Budget.total(cap, "USD"));
    List<RunRecord> recs = execute(b, plan(50), sim);
    assertEquals(50, recs.size(), "every planned run is accounted for");
    double spent =
        recs.stream().filter(r -> !Double.isNaN(r.cost())).mapToDouble(RunRecord::cost).sum();
    long ok = recs.stream().filter(r -> r.status() == RunStatus.OK).count();
    long skipped = recs.stream().filter(r -> r.status() == RunStatus.SKIPPED).count();
    assertEquals(50, ok + skipped);
    // With the mean cost known (1.0), no run starts that would pass the cap; the first runs of a
    // parallel sweep
    // start before any cost is known, so at most parallel-1 runs in flight may pass it.
    assertTrue(spent <= cap + (parallel - 1), "spent " + spent);
    assertTrue(ok >= 10, "ok " + ok);
    recs.stream()
        .filter(r -> r.status() == RunStatus.SKIPPED)
        .forEach(r -> assertEquals("Budget", r.errorType()));
  }

  @Test
  void perRunCapFailsTheRunWithBudgetExceeded() {
    LocalBackend b =
        LocalBackend.withDefaults().withParallelism(1).withBudget(Budget.none().withPerRun(2.0));
    List<RunRecord> recs =
        execute(
            b,
            plan(1),
            ctx -> {
              for (int i = 0; i < 10; i++) {
                ctx.charge(0.5);
              }
              return Metrics.of("done", true);
            });
    assertEquals(RunStatus.FAILED, recs.get(0).status());
    assertEquals("BudgetExceeded", recs.get(0).errorType());
    assertEquals(2.5, recs.get(0).cost(), 1e-12, "charging stops at the first amount over the cap");
  }

  @Test
  void timeoutDoesNotWaitForASimulationThatIgnoresCancellation() {
    LocalBackend b =
        LocalBackend.withDefaults().withParallelism(1).withTimeout(Duration.ofMillis(100));
    long start = System.nanoTime();
    List<RunRecord> recs =
        execute(
            b,
            plan(3),
            ctx -> {
              if (ctx.getLong("i") == 2) {
                while (true) {
                  Math.sqrt(Math.random()); // ignores interrupts and cancellation
                }
              }
              return Metrics.of("ok", true);
            });
    assertEquals(3, recs.size());
    RunRecord stuck =
        recs.stream()
            .filter(r -> r.run().variation().get("i").equals(2L))
            .findFirst()
            .orElseThrow();
    assertEquals(RunStatus.TIMEOUT, stuck.status());
    assertEquals(2, recs.stream().filter(r -> r.status() == RunStatus.OK).count());
    assertTrue(System.nanoTime() - start < 10_000_000_000L);
  }
}
