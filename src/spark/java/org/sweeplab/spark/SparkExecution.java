package org.sweeplab.spark;

import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.api.java.JavaSparkContext;
import org.sweeplab.run.Backend;
import org.sweeplab.run.Budget;
import org.sweeplab.run.BudgetGuard;
import org.sweeplab.run.LocalBackend;
import org.sweeplab.run.PlannedRun;
import org.sweeplab.run.Progress;
import org.sweeplab.run.ProgressCounters;
import org.sweeplab.run.RunRecord;
import org.sweeplab.run.RunRequest;
import org.sweeplab.run.RunSink;
import org.sweeplab.run.RunStatus;
import org.sweeplab.run.SweepAbortedException;
import org.sweeplab.run.SweepListener;
import org.sweeplab.spec.BudgetSpec;
import org.sweeplab.spec.FailurePolicy;

/**
 * One execution of a {@link SparkBackend} on the driver: hands out batches, takes finished ones,
 * and keeps the counters. Only the driver thread of {@link #run()} touches the plan, the guard and
 * the counters; batches are submitted from a small pool (one thread per slot blocks on its Spark
 * job).
 *
 * <p>No wait is unbounded: the driver thread waits for finished batches at most {@link
 * ContextWatch#POLL} at a time and then asks whether the context is still alive (a job submitted
 * while Spark stops the context may never end); a failed job waits at most {@link #SETTLE} to see
 * whether the context went with it; cancelled jobs get {@link #CANCEL_BOUND}. The batch threads may
 * stay blocked in Spark; they are daemons and are interrupted at the end.
 */
final class SparkExecution {
  /** The largest batch automatic sizing makes. */
  private static final int MAX_BATCH = 10_000;

  /**
   * How long a failed job waits for Spark to stop the context, before it is taken as the runs'
   * failure.
   */
  private static final Duration SETTLE = Duration.ofSeconds(1);

  /**
   * How long cancelled jobs may take to end before their runs are recorded cancelled without
   * Spark's answer.
   */
  static final Duration CANCEL_BOUND = Duration.ofSeconds(10);

  private final JavaSparkContext sc;
  private final ContextWatch watch;
  private final int slots;
  private final int fixedBatch;
  private final long targetBatchNanos;
  private final LocalBackend perRun;
  private final BatchTask task;
  private final Iterator<PlannedRun> runs;
  private final String sweepName;
  private final long total;
  private final RunSink sink;
  private final SweepListener listener;
  private final BudgetGuard guard;
  private final String groupPrefix = "sweeplab-" + Long.toHexString(System.nanoTime());
  private final AtomicInteger groupSerial = new AtomicInteger();
  private final Set<String> inFlightGroups = ConcurrentHashMap.newKeySet();
  private final Set<String> cancelledGroups = ConcurrentHashMap.newKeySet();
  private final LongOpenHashSet delivered = new LongOpenHashSet();
  private volatile boolean stopping;
  private volatile boolean cancelling;
  private volatile long cancelDeadline = Long.MAX_VALUE;
  private boolean lost;
  private Throwable abort;

  private long handedOut;
  private final ProgressCounters counts;
  private long duplicates;
  private long ranNanos;
  private long ranRuns;

  SparkExecution(
      JavaSparkContext sc,
      ContextWatch watch,
      int slots,
      int fixedBatch,
      long targetBatchMillis,
      LocalBackend perRun,
      BatchTask task,
      RunRequest request) {
    this.sc = sc;
    this.watch = watch;
    this.slots = slots;
    this.fixedBatch = fixedBatch;
    this.targetBatchNanos = targetBatchMillis * 1_000_000L;
    this.perRun = perRun;
    this.task = task;
    this.runs = request.runs();
    this.sweepName = request.sweepName();
    this.total = request.total();
    this.sink = request.sink();
    this.listener = request.listener();
    this.guard = new BudgetGuard(perRun.budget(), request.priorSpend(), request.priorCostedRuns());
    this.counts =
        new ProgressCounters(total).withPrior(request.priorSpend(), request.priorCostedRuns());
  }

  /** A batch handed out, and what came back. */
  /**
   * A batch handed out; {@code alone} when it ran with nothing else on the cluster (a suspect's
   * retry).
   */
  private record Batch(String group, List<PlannedRun> runs, boolean alone) {}

  private record Outcome(Batch batch, List<RunRecord> records, Throwable error) {}

  Progress run() {
    safely(() -> listener.sweepStarted(sweepName, total));
    ExecutorService pool =
        Executors.newFixedThreadPool(
            slots,
            r -> {
              Thread t = new Thread(r, "sweeplab-spark-batch");
              t.setDaemon(true);
              return t;
            });
    CompletionService<Outcome> finished = new ExecutorCompletionService<>(pool);
    Map<String, Batch> inFlight = new LinkedHashMap<>();
    Deque<List<PlannedRun>> suspects = new ArrayDeque<>();
    boolean interrupted = false;
    try {
      while (true) {
        if (!lost && !watch.alive()) {
          contextLost(inFlight, suspects);
        }
        handOut(finished, inFlight, suspects);
        if (inFlight.isEmpty()) {
          break;
        }
        Future<Outcome> next;
        try {
          // Bounded, so that a context stopped under a job that Spark will never end is seen within
          // the poll.
          next = finished.poll(ContextWatch.POLL.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
          // Cancel, then collect the cancelled batches; the flag is restored at the end so journal
          // writes work.
          interrupted = true;
          stop(Backend.StopMode.CANCEL);
          continue;
        }
        if (next == null) {
          if (cancelling && System.nanoTime() > cancelDeadline) {
            abandon(
                inFlight,
                "Spark did not end the cancelled job within " + CANCEL_BOUND.toSeconds() + " s");
          }
          continue;
        }
        Outcome o = outcome(next);
        if (inFlight.remove(o.batch.group) == null) {
          continue; // already ended as cancelled: Spark answered after the bound
        }
        inFlightGroups.remove(o.batch.group);
        if (o.error != null
            && !cancelledGroups.contains(o.batch.group)
            && !lost
            && watch.lostWith(o.error, SETTLE)) {
          inFlight.put(o.batch.group, o.batch);
          contextLost(inFlight, suspects);
          continue;
        }
        take(o, suspects);
      }
      if (abort == null) {
        // Cancelled before their turn to run alone: recorded so, and a resume runs them again.
        for (List<PlannedRun> b : suspects) {
          for (PlannedRun r : b) {
            finish(
                record(
                    r,
                    RunStatus.CANCELLED,
                    "Cancelled",
                    "the sweep was cancelled before this run was" + " retried alone"),
                true);
          }
        }
      }
    } finally {
      pool.shutdownNow();
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
    Progress p = snapshot();
    safely(() -> listener.sweepFinished(p));
    if (abort != null) {
      throw new SweepAbortedException("The sweep stopped: " + abort.getMessage(), abort);
    }
    return p;
  }

  /**
   * Submits batches while there are free slots. Runs of a batch that failed after Spark's retries
   * are suspects: each runs alone, with nothing else on the cluster, so that a run that ends its
   * executor (System.exit, a crash) cannot take the attempts of innocent runs on the same executor
   * with it.
   */
  private void handOut(
      CompletionService<Outcome> finished,
      Map<String, Batch> inFlight,
      Deque<List<PlannedRun>> suspects) {
    if (lost || abort != null || cancelling) {
      return;
    }
    if (!suspects.isEmpty()) {
      if (inFlight.isEmpty()) {
        submit(finished, inFlight, suspects.poll(), true);
      }
      return;
    }
    while (inFlight.size() < slots && abort == null && !cancelling && !stopping) {
      List<PlannedRun> b = nextBatch();
      if (b.isEmpty()) {
        return;
      }
      submit(finished, inFlight, b, slots == 1); // with one slot, every batch runs alone
    }
  }

  private static Outcome outcome(Future<Outcome> f) {
    try {
      return f.get();
    } catch (InterruptedException | ExecutionException e) {
      // The batch callable catches everything and the future is done, so neither can happen.
      throw new IllegalStateException("a batch submission failed: " + e, e);
    }
  }

  /**
   * The context stopped under the sweep: the runs in flight and the suspects end {@code cancelled}
   * (a resume runs them again), nothing more is handed out, and one warning says why.
   */
  private void contextLost(Map<String, Batch> inFlight, Deque<List<PlannedRun>> suspects) {
    lost = true;
    stopping = true;
    String why = watch.reason();
    String runMessage = "the Spark application ended while this run was in flight (" + why + ")";
    for (Batch b : inFlight.values()) {
      counts.inFlight(-b.runs.size());
      for (PlannedRun r : b.runs) {
        if (!delivered.contains(r.ordinal())) {
          finish(record(r, RunStatus.CANCELLED, "SparkContextStopped", runMessage), true);
        }
      }
    }
    for (List<PlannedRun> b : suspects) {
      for (PlannedRun r : b) {
        if (!delivered.contains(r.ordinal())) {
          finish(record(r, RunStatus.CANCELLED, "SparkContextStopped", runMessage), true);
        }
      }
    }
    inFlight.clear();
    inFlightGroups.clear();
    suspects.clear();
    safely(
        () ->
            listener.warning(
                "the Spark application ended while the sweep ran: "
                    + why
                    + "; the runs in"
                    + " flight are cancelled, the others did not start; resume the folder to finish the sweep (on a cluster,"
                    + " or here with --set execution.backend=local)"));
  }

  /** Ends the batches still in flight as cancelled, without waiting for Spark any longer. */
  private void abandon(Map<String, Batch> inFlight, String why) {
    for (Batch b : inFlight.values()) {
      counts.inFlight(-b.runs.size());
      for (PlannedRun r : b.runs) {
        if (!delivered.contains(r.ordinal())) {
          finish(
              record(
                  r,
                  RunStatus.CANCELLED,
                  "Cancelled",
                  "the sweep was cancelled while this run was in" + " flight (" + why + ")"),
              true);
        }
      }
    }
    inFlight.clear();
    inFlightGroups.clear();
  }

  /**
   * Stops handing out runs; with CANCEL also cancels the jobs in flight. Safe to call again, and
   * after the end.
   */
  void stop(Backend.StopMode mode) {
    stopping = true;
    if (mode == Backend.StopMode.CANCEL) {
      cancelAll();
    }
  }

  private void cancelAll() {
    if (!cancelling) {
      cancelDeadline = System.nanoTime() + CANCEL_BOUND.toNanos();
      cancelling = true;
    }
    for (String g : inFlightGroups) {
      cancelledGroups.add(g);
      if (!watch.alive()) {
        continue; // a stopped context cancels nothing; the driver's liveness check ends these
        // batches
      }
      try {
        sc.cancelJobGroup(g);
      } catch (RuntimeException e) {
        // The context stopped meanwhile (Spark throws then): the same.
      }
    }
  }

  /**
   * The next batch of runs, each reserved with the budget guard; on the budget stop, the rest are
   * skipped.
   */
  private List<PlannedRun> nextBatch() {
    int size = batchSize();
    List<PlannedRun> b = new ArrayList<>(size);
    while (b.size() < size && runs.hasNext() && abort == null) {
      PlannedRun r = runs.next();
      if (!guard.tryStart()) {
        stopping = true;
        String why = guard.skipMessage();
        skip(r, why);
        while (runs.hasNext() && abort == null) {
          skip(runs.next(), why);
        }
        if (perRun.budget().inFlight() == BudgetSpec.InFlight.CANCEL) {
          cancelAll();
        }
        break;
      }
      b.add(r);
      handedOut++;
    }
    return b;
  }

  /**
   * One run per batch while the driver must decide run by run (a total budget, fail-fast) or
   * nothing has finished yet; then as many runs as take about the target time, at most the
   * remaining runs shared over the slots.
   */
  private int batchSize() {
    if (fixedBatch > 0) {
      return fixedBatch;
    }
    if (perRun.budget().limitsTotal()
        || perRun.failurePolicy() == FailurePolicy.FAIL_FAST
        || ranRuns == 0) {
      return 1;
    }
    long mean = Math.max(1, ranNanos / ranRuns);
    long byTime = Math.max(1, targetBatchNanos / mean);
    long remaining = Math.max(1, total - handedOut);
    long share = (remaining + slots - 1) / slots;
    return (int) Math.max(1, Math.min(MAX_BATCH, Math.min(byTime, share)));
  }

  private void submit(
      CompletionService<Outcome> finished,
      Map<String, Batch> inFlight,
      List<PlannedRun> b,
      boolean alone) {
    String group = groupPrefix + "-" + groupSerial.incrementAndGet();
    Batch batch = new Batch(group, b, alone);
    inFlight.put(group, batch);
    inFlightGroups.add(group);
    counts.inFlight(b.size());
    for (PlannedRun r : b) {
      safely(() -> listener.runStarted(r));
    }
    finished.submit(
        () -> {
          if (!watch.alive()) {
            return new Outcome(
                batch, List.of(), new IllegalStateException("the Spark context is stopped"));
          }
          try {
            sc.setJobGroup(
                group, "sweeplab: " + b.size() + " run(s) from " + b.get(0).runId(), true);
            List<RunRecord> out = sc.parallelize(b, 1).mapPartitions(task).collect();
            return new Outcome(batch, out, null);
          } catch (Throwable t) {
            return new Outcome(batch, List.of(), t);
          } finally {
            try {
              sc.clearJobGroup();
            } catch (RuntimeException e) {
              // Only the thread's properties; nothing to clear on a stopped context.
            }
          }
        });
  }

  /**
   * Takes a finished batch: its records once each. A failed job's runs are retried one by one,
   * alone on the cluster; a run whose job fails when it ran alone ends {@code failed}.
   */
  private void take(Outcome o, Deque<List<PlannedRun>> suspects) {
    counts.inFlight(-o.batch.runs.size());
    if (o.error == null) {
      LongOpenHashSet returned = new LongOpenHashSet();
      for (RunRecord r : o.records) {
        returned.add(r.run().ordinal());
        if (r.status() != RunStatus.SKIPPED) {
          ranNanos += r.durationNanos();
          ranRuns++;
        }
        finish(r, true);
      }
      for (PlannedRun r : o.batch.runs) {
        if (!returned.contains(r.ordinal())) {
          // A task cannot lose a run it was given; if it did, the run stays missing for a resume.
          guard.finished(Double.NaN);
        }
      }
      return;
    }
    boolean wasCancelled = cancelledGroups.remove(o.batch.group);
    for (PlannedRun r : o.batch.runs) {
      if (delivered.contains(r.ordinal())) {
        continue;
      }
      if (wasCancelled) {
        finish(
            record(
                r,
                RunStatus.CANCELLED,
                "Cancelled",
                "the sweep was cancelled while this run was in flight"),
            true);
      } else if (o.batch.runs.size() > 1 || !o.batch.alone) {
        // Still reserved with the guard. Retried alone: the batch may have failed for another run,
        // or for a task
        // that ended the executor it shared with this one (Spark counts that attempt against every
        // task there).
        suspects.add(List.of(r));
      } else {
        finish(record(r, RunStatus.FAILED, "SparkJobFailed", message(o.error)), true);
      }
    }
  }

  private RunRecord record(PlannedRun r, RunStatus status, String type, String message) {
    return new RunRecord(
        r, status, Map.of(), Double.NaN, System.currentTimeMillis(), 0, 1, type, message);
  }

  private void skip(PlannedRun r, String why) {
    handedOut++;
    finish(RunRecord.skippedForBudget(r, why), false);
  }

  private void finish(RunRecord rec, boolean started) {
    if (!delivered.add(rec.run().ordinal())) {
      duplicates++;
      return;
    }
    if (started) {
      guard.finished(rec.cost());
    }
    try {
      sink.accept(rec);
    } catch (Throwable t) {
      if (abort == null) {
        abort = t;
      }
      stopping = true;
      return;
    }
    counts.finished(rec);
    counts.retried(Math.max(0, rec.attempts() - 1));
    if (rec.status() != RunStatus.OK
        && rec.status() != RunStatus.SKIPPED
        && perRun.failurePolicy() == FailurePolicy.FAIL_FAST) {
      stopping = true;
    }
    Progress p = snapshot();
    safely(() -> listener.runFinished(rec, p));
  }

  /** Copies of runs that were dropped because the journal already had them (Spark task retries). */
  long duplicatesDropped() {
    return duplicates;
  }

  Progress snapshot() {
    Budget b = perRun.budget();
    return counts.snapshot(b.limitsTotal() ? b.total() : Double.NaN);
  }

  private static String message(Throwable t) {
    return ContextWatch.firstLine(t);
  }

  private void safely(Runnable r) {
    try {
      r.run();
    } catch (RuntimeException ignored) {
      // A faulty listener must not stop the sweep.
    }
  }
}
