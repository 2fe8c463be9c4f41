package org.sweeplab.spark;

import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.api.java.JavaSparkContext;
import org.sweeplab.run.Backend;
import org.sweeplab.run.Budget;
import org.sweeplab.run.BudgetGuard;
import org.sweeplab.run.LocalBackend;
import org.sweeplab.run.PlannedRun;
import org.sweeplab.run.Progress;
import org.sweeplab.run.RunRecord;
import org.sweeplab.run.RunRequest;
import org.sweeplab.run.RunSink;
import org.sweeplab.run.RunStatus;
import org.sweeplab.run.SweepAbortedException;
import org.sweeplab.run.SweepListener;
import org.sweeplab.spec.FailurePolicy;

/**
 * One execution of a {@link SparkBackend} on the driver: hands out batches, takes finished ones, and keeps the
 * counters. Only the driver thread of {@link #run()} touches the plan, the guard and the counters; batches are
 * submitted from a small pool (one thread per slot blocks on its Spark job).
 */
final class SparkExecution {
  /** The largest batch automatic sizing makes. */
  private static final int MAX_BATCH = 10_000;

  private final JavaSparkContext sc;
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
  private final long startNanos = System.nanoTime();
  private final String groupPrefix = "sweeplab-" + Long.toHexString(System.nanoTime());
  private final AtomicInteger groupSerial = new AtomicInteger();
  private final Set<String> inFlightGroups = ConcurrentHashMap.newKeySet();
  private final Set<String> cancelledGroups = ConcurrentHashMap.newKeySet();
  private final LongOpenHashSet delivered = new LongOpenHashSet();
  private volatile boolean stopping;
  private volatile boolean cancelling;
  private Throwable abort;

  private long handedOut;
  private long done;
  private long ok;
  private long failed;
  private long timedOut;
  private long cancelled;
  private long skipped;
  private long retries;
  private long duplicates;
  private int runsInFlight;
  private double spend;
  private long costed;
  private long ranNanos;
  private long ranRuns;

  SparkExecution(JavaSparkContext sc, int slots, int fixedBatch, long targetBatchMillis, LocalBackend perRun,
      BatchTask task, RunRequest request) {
    this.sc = sc;
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
    if (!Double.isNaN(request.priorSpend())) {
      spend = request.priorSpend();
      costed = Math.max(1, request.priorCostedRuns());
    }
  }

  /** A batch handed out, and what came back. */
  private record Batch(String group, List<PlannedRun> runs) {}

  private record Outcome(Batch batch, List<RunRecord> records, Throwable error) {}

  Progress run() {
    safely(() -> listener.sweepStarted(sweepName, total));
    ExecutorService pool = Executors.newFixedThreadPool(slots, r -> {
      Thread t = new Thread(r, "sweeplab-spark-batch");
      t.setDaemon(true);
      return t;
    });
    CompletionService<Outcome> finished = new ExecutorCompletionService<>(pool);
    Deque<List<PlannedRun>> again = new ArrayDeque<>();
    int batchesInFlight = 0;
    boolean interrupted = false;
    try {
      while (true) {
        while (batchesInFlight < slots && abort == null && !cancelling) {
          List<PlannedRun> b = again.poll();
          if (b == null && !stopping) {
            b = nextBatch();
          }
          if (b == null || b.isEmpty()) {
            break;
          }
          submit(finished, b);
          batchesInFlight++;
        }
        if (batchesInFlight == 0) {
          break;
        }
        Outcome o;
        try {
          o = finished.take().get();
        } catch (InterruptedException e) {
          // Cancel, then collect the cancelled batches; the flag is restored at the end so journal writes work.
          interrupted = true;
          stop(Backend.StopMode.CANCEL);
          continue;
        } catch (ExecutionException e) {
          throw new IllegalStateException("a batch submission failed: " + e.getCause(), e.getCause());
        }
        batchesInFlight--;
        inFlightGroups.remove(o.batch.group);
        take(o, again);
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

  void stop(Backend.StopMode mode) {
    stopping = true;
    if (mode == Backend.StopMode.CANCEL) {
      cancelAll();
    }
  }

  private void cancelAll() {
    cancelling = true;
    for (String g : inFlightGroups) {
      cancelledGroups.add(g);
      sc.cancelJobGroup(g);
    }
  }

  /** The next batch of runs, each reserved with the budget guard; on the budget stop, the rest are skipped. */
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
        if (perRun.budget().inFlight() == Budget.InFlight.CANCEL) {
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
   * One run per batch while the driver must decide run by run (a total budget, fail-fast) or nothing has finished
   * yet; then as many runs as take about the target time, at most the remaining runs shared over the slots.
   */
  private int batchSize() {
    if (fixedBatch > 0) {
      return fixedBatch;
    }
    if (perRun.budget().limitsTotal() || perRun.failurePolicy() == FailurePolicy.FAIL_FAST || ranRuns == 0) {
      return 1;
    }
    long mean = Math.max(1, ranNanos / ranRuns);
    long byTime = Math.max(1, targetBatchNanos / mean);
    long remaining = Math.max(1, total - handedOut);
    long share = (remaining + slots - 1) / slots;
    return (int) Math.max(1, Math.min(MAX_BATCH, Math.min(byTime, share)));
  }

  private void submit(CompletionService<Outcome> finished, List<PlannedRun> b) {
    String group = groupPrefix + "-" + groupSerial.incrementAndGet();
    Batch batch = new Batch(group, b);
    inFlightGroups.add(group);
    runsInFlight += b.size();
    for (PlannedRun r : b) {
      safely(() -> listener.runStarted(r));
    }
    finished.submit(() -> {
      sc.setJobGroup(group, "sweeplab: " + b.size() + " run(s) from " + b.get(0).runId(), true);
      try {
        List<RunRecord> out = sc.parallelize(b, 1).mapPartitions(task).collect();
        return new Outcome(batch, out, null);
      } catch (Throwable t) {
        return new Outcome(batch, List.of(), t);
      } finally {
        sc.clearJobGroup();
      }
    });
  }

  /** Takes a finished batch: its records once each; a failed job is split into single runs or ends its run. */
  private void take(Outcome o, Deque<List<PlannedRun>> again) {
    runsInFlight -= o.batch.runs.size();
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
        finish(record(r, RunStatus.CANCELLED, "Cancelled", "the sweep was cancelled while this run was in flight"),
            true);
      } else if (o.batch.runs.size() > 1) {
        again.add(List.of(r)); // still reserved with the guard; retried alone so only the run at fault fails
      } else {
        finish(record(r, RunStatus.FAILED, "SparkJobFailed", message(o.error)), true);
      }
    }
  }

  private RunRecord record(PlannedRun r, RunStatus status, String type, String message) {
    return new RunRecord(r, status, Map.of(), Double.NaN, System.currentTimeMillis(), 0, 1, type, message);
  }

  private void skip(PlannedRun r, String why) {
    handedOut++;
    finish(new RunRecord(r, RunStatus.SKIPPED, Map.of(), Double.NaN, System.currentTimeMillis(), 0, 0, "Budget",
        why), false);
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
    done++;
    switch (rec.status()) {
      case OK -> ok++;
      case FAILED -> failed++;
      case TIMEOUT -> timedOut++;
      case CANCELLED -> cancelled++;
      case SKIPPED -> skipped++;
      default -> throw new IllegalStateException();
    }
    retries += Math.max(0, rec.attempts() - 1);
    if (!Double.isNaN(rec.cost())) {
      spend += rec.cost();
      costed++;
    }
    if (rec.status() != RunStatus.OK && rec.status() != RunStatus.SKIPPED
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
    return new Progress(total, done, ok, failed, timedOut, cancelled, skipped, retries, 0, runsInFlight,
        Duration.ofNanos(System.nanoTime() - startNanos), costed == 0 ? Double.NaN : spend,
        b.limitsTotal() ? b.total() : Double.NaN, 0);
  }

  private static String message(Throwable t) {
    String m = t.getMessage() == null ? t.toString() : t.getMessage();
    int nl = m.indexOf('\n');
    return nl > 0 ? m.substring(0, nl) : m;
  }

  private void safely(Runnable r) {
    try {
      r.run();
    } catch (RuntimeException ignored) {
      // A faulty listener must not stop the sweep.
    }
  }
}
