package org.sweeplab.run;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import org.sweeplab.sim.BudgetExceededException;
import org.sweeplab.sim.CheckedFolder;
import org.sweeplab.sim.FreshFiles;
import org.sweeplab.sim.Metrics;
import org.sweeplab.sim.RateLimitedException;
import org.sweeplab.sim.Simulation;
import org.sweeplab.sim.TransientFailureException;
import org.sweeplab.spec.BudgetSpec;
import org.sweeplab.spec.FailurePolicy;

/**
 * One execution of a {@link LocalBackend}: worker threads, the timeout watcher and the counters.
 */
final class LocalExecution {
  private static final int RUNNING = 0;
  private static final int DONE = 1;
  private static final int ABANDONED = 2;

  /**
   * How long the end of a sweep waits for the threads of runs it gave up on (cancelled or timed
   * out) to finish cleaning up, e.g. a command simulation sending SIGTERM, then SIGKILL, to its
   * process tree. Without the wait a CLI could exit before the kill and leave processes behind.
   */
  private static final long CLEANUP_WAIT_NANOS = 5_000_000_000L;

  /** Rate-limit answers tolerated for one run before it fails. */
  private static final int MAX_RATE_LIMITED = 100;

  private final LocalBackend config;
  private final Iterator<PlannedRun> runs;
  private final String sweepName;
  private final long total;
  private final Simulation simulation;
  private final RunSink sink;
  private final CheckedFolder runsFolder;
  private final SweepListener listener;
  private final RateGate gate;
  private final BudgetGuard guard;
  private final Set<Slot> inFlight = ConcurrentHashMap.newKeySet();
  private final Object lock = new Object();
  private final SplittableRandom jitter = new SplittableRandom(0x5eed);
  private ScheduledThreadPoolExecutor watcher;
  private int activeWorkers;
  private final Set<Thread> abandonedWorkers = new HashSet<>();
  private int workerSerial;
  private volatile boolean stopping;
  private volatile Throwable abort;

  private final ProgressCounters counts;

  LocalExecution(LocalBackend config, RunRequest request) {
    this.config = config;
    this.runs = request.runs();
    this.sweepName = request.sweepName();
    this.total = request.total();
    this.simulation = request.simulation();
    this.sink = request.sink();
    // Absolute: commands run inside their folders, where a path relative to sweeplab's own folder
    // means nothing. Null: each run gets a temporary folder.
    this.runsFolder =
        config.runsRoot() == null ? null : new CheckedFolder(config.runsRoot().toAbsolutePath());
    this.listener = request.listener();
    this.gate = new RateGate(config.ratePerSecond(), config.ticker());
    this.guard = new BudgetGuard(config.budget(), request.priorSpend(), request.priorCostedRuns());
    this.counts =
        new ProgressCounters(total).withPrior(request.priorSpend(), request.priorCostedRuns());
  }

  Progress run() {
    safely(() -> listener.sweepStarted(sweepName, total));
    if (config.timeout() != null) {
      watcher =
          new ScheduledThreadPoolExecutor(
              1,
              r -> {
                Thread t = new Thread(r, "sweeplab-timeouts");
                t.setDaemon(true);
                return t;
              });
      watcher.setRemoveOnCancelPolicy(true);
    }
    try {
      synchronized (lock) {
        for (int i = 0; i < config.parallelism(); i++) {
          startWorker();
        }
        while (activeWorkers > 0) {
          lock.wait();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stop(Backend.StopMode.CANCEL);
    } finally {
      if (watcher != null) {
        watcher.shutdownNow();
      }
    }
    awaitAbandoned();
    Progress p = snapshot();
    safely(() -> listener.sweepFinished(p));
    if (abort != null) {
      throw new SweepAbortedException("The sweep stopped: " + abort.getMessage(), abort);
    }
    return p;
  }

  /**
   * Waits, at most {@link #CLEANUP_WAIT_NANOS} in all, for the threads of abandoned runs to end.
   */
  private void awaitAbandoned() {
    List<Thread> threads;
    synchronized (lock) {
      threads = new ArrayList<>(abandonedWorkers);
    }
    long deadline = System.nanoTime() + CLEANUP_WAIT_NANOS;
    for (Thread t : threads) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return;
      }
      try {
        t.join(Math.max(1, left / 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  void stop(Backend.StopMode mode) {
    stopping = true;
    if (mode == Backend.StopMode.CANCEL) {
      for (Slot s : inFlight) {
        abandon(
            s,
            RunStatus.CANCELLED,
            "Cancelled",
            "the sweep was cancelled while this run was in flight");
      }
    }
  }

  Progress snapshot() {
    return counts.snapshot(config.budget().limitsTotal() ? config.budget().total() : Double.NaN);
  }

  // ------------------------------------------------------------------ workers

  /** Starts one worker; the caller holds {@link #lock}. */
  private void startWorker() {
    activeWorkers++;
    Thread t = new Thread(this::workerLoop, "sweeplab-worker-" + (++workerSerial));
    t.setDaemon(true);
    t.start();
  }

  private void workerLoop() {
    try {
      while (true) {
        PlannedRun r = nextRun();
        if (r == null) {
          return;
        }
        if (!runOne(r)) {
          return; // abandoned after a timeout; a replacement worker took over
        }
      }
    } catch (Throwable t) {
      fail(t);
    } finally {
      synchronized (lock) {
        // An abandoned worker was already taken off the count when its run was ended for it.
        if (!abandonedWorkers.remove(Thread.currentThread())) {
          activeWorkers--;
        }
        lock.notifyAll();
      }
    }
  }

  private PlannedRun nextRun() {
    synchronized (runs) {
      if (stopping || abort != null || !runs.hasNext()) {
        return null;
      }
      PlannedRun r = runs.next();
      if (guard.tryStart()) {
        return r;
      }
      // The budget is spent: this run and every later one is skipped.
      stopping = true;
      String why = guard.skipMessage();
      skip(r, why);
      while (runs.hasNext() && abort == null) {
        skip(runs.next(), why);
      }
      if (config.budget().inFlight() == BudgetSpec.InFlight.CANCEL) {
        for (Slot s : inFlight) {
          abandon(s, RunStatus.CANCELLED, "Budget", "cancelled in flight: " + why);
        }
      }
      return null;
    }
  }

  private void skip(PlannedRun r, String why) {
    finish(RunRecord.skippedForBudget(r, why), false);
  }

  /** Runs one planned run; false when its worker was abandoned. */
  private boolean runOne(PlannedRun r) {
    RunContextImpl ctx = new RunContextImpl(r, runsFolder, config.budget().perRun(), sink);
    Slot slot = new Slot(r, ctx, Thread.currentThread());
    inFlight.add(slot);
    counts.inFlight(1);
    safely(() -> listener.runStarted(r));
    ScheduledFuture<?> timer = null;
    if (watcher != null) {
      long nanos = config.timeout().toNanos();
      timer =
          watcher.schedule(
              () ->
                  abandon(
                      slot,
                      RunStatus.TIMEOUT,
                      "Timeout",
                      "the run did not finish within " + human(config.timeout())),
              nanos,
              TimeUnit.NANOSECONDS);
    }
    Metrics metrics = null;
    Throwable error = null;
    int attempt = 0;
    int executions = 0;
    int rateLimited = 0;
    while (true) {
      attempt++;
      ctx.attempt(++executions);
      try {
        if (gate.acquire() > 0) {
          counts.rateWaited();
        }
      } catch (InterruptedException ie) {
        error = new CancellationException("interrupted while waiting for the rate limit");
        break;
      }
      try {
        double before = ctx.cost();
        metrics = simulation.run(ctx);
        if (metrics == null) {
          throw new IllegalStateException("the simulation returned null instead of Metrics");
        }
        chargeReportedCost(ctx, metrics, before);
        error = null;
        break;
      } catch (RateLimitedException rl) {
        error = rl;
        Duration pause = rl.retryAfter();
        if (pause.compareTo(config.maxRetryWait()) > 0) {
          pause = config.maxRetryWait();
          String warning =
              String.format(
                  Locale.ROOT,
                  "run %s asked to retry after %s; waiting %s instead"
                      + " (execution.rate_limit.max_wait)",
                  r.runId(),
                  seconds(rl.retryAfter()),
                  seconds(pause));
          safely(() -> listener.warning(warning));
        }
        gate.holdOff(pause.toNanos());
        counts.retried(1);
        int a = attempt;
        Duration p = pause;
        safely(() -> listener.sweepPaused(p, "retry-after of run " + r.runId()));
        safely(() -> listener.runRetrying(r, a, p.toMillis(), rl.getMessage()));
        if (++rateLimited > MAX_RATE_LIMITED || ctx.cancelled()) {
          break;
        }
        attempt--; // a rate-limit answer is not a failed attempt
      } catch (TransientFailureException tf) {
        error = tf;
        if (attempt >= config.retries().maxAttempts() || ctx.cancelled()) {
          break;
        }
        long delay;
        synchronized (jitter) {
          delay = config.retries().delayMillis(attempt, jitter);
        }
        counts.retried(1);
        int a = attempt;
        safely(() -> listener.runRetrying(r, a, delay, tf.getMessage()));
        try {
          config.ticker().sleepNanos(delay * 1_000_000L);
        } catch (InterruptedException ie) {
          break;
        }
      } catch (Throwable t) {
        error = t;
        break;
      }
    }
    if (timer != null) {
      timer.cancel(false);
    }
    boolean mine = Slot.STATE.compareAndSet(slot, RUNNING, DONE);
    inFlight.remove(slot);
    Thread.interrupted(); // clear a stale interrupt from a cancellation
    if (!mine) {
      return false;
    }
    counts.inFlight(-1);
    RunRecord rec = toRecord(slot, metrics, error, Math.max(attempt, 1));
    finish(rec, true);
    return true;
  }

  /**
   * A reported cost is the attempt's total: what it passes the charges of this attempt is charged
   * now, so that every cost, charged or reported, reaches the ledger and the per-run cap.
   */
  private static void chargeReportedCost(RunContextImpl ctx, Metrics metrics, double before) {
    double reported = metrics.cost();
    if (Double.isNaN(reported)) {
      return;
    }
    if (!(reported >= 0) || Double.isInfinite(reported)) {
      throw new IllegalArgumentException(
          "the simulation reported a cost of "
              + reported
              + "; a cost must be a"
              + " finite number >= 0");
    }
    double now = ctx.cost();
    double charged = Double.isNaN(now) ? 0 : now - (Double.isNaN(before) ? 0 : before);
    if (reported > charged || Double.isNaN(now)) {
      ctx.charge(reported - charged);
    }
  }

  private RunRecord toRecord(Slot slot, Metrics metrics, Throwable error, int attempts) {
    RunContextImpl ctx = slot.ctx;
    long duration = System.nanoTime() - slot.startNanos;
    try {
      ctx.flushTelemetry();
    } catch (IOException | RuntimeException e) {
      if (error == null) {
        error = e;
      }
    }
    if (error == null) {
      double cost = ctx.cost(); // every attempt's charges: retried attempts spent money too
      if (!Double.isNaN(cost) && cost > config.budget().perRun()) {
        error =
            new BudgetExceededException(
                "run "
                    + ctx.runId()
                    + " reported cost "
                    + cost
                    + ", over the per-run cap of "
                    + config.budget().perRun());
      } else {
        return new RunRecord(
            slot.run,
            RunStatus.OK,
            metrics.values(),
            cost,
            slot.startMillis,
            duration,
            attempts,
            null,
            null);
      }
    }
    RunStatus status =
        error instanceof CancellationException && ctx.cancelled()
            ? RunStatus.CANCELLED
            : RunStatus.FAILED;
    writeErrorFile(ctx, error);
    return new RunRecord(
        slot.run,
        status,
        Map.of(),
        ctx.cost(),
        slot.startMillis,
        duration,
        attempts,
        errorType(error),
        errorMessage(error));
  }

  /**
   * Ends a run from outside its worker (timeout or cancel); its worker is replaced unless stopping.
   */
  private void abandon(Slot slot, RunStatus status, String type, String message) {
    if (!Slot.STATE.compareAndSet(slot, RUNNING, ABANDONED)) {
      return;
    }
    synchronized (lock) {
      // Before the interrupt: the worker may exit at once, and must not take itself off the count
      // as well.
      abandonedWorkers.add(slot.thread);
    }
    slot.ctx.cancel();
    slot.thread.interrupt();
    inFlight.remove(slot);
    counts.inFlight(-1);
    long duration = System.nanoTime() - slot.startNanos;
    finish(
        new RunRecord(
            slot.run,
            status,
            Map.of(),
            slot.ctx.cost(),
            slot.startMillis,
            duration,
            1,
            type,
            message),
        true);
    synchronized (lock) {
      // The stuck thread no longer counts: the sweep must not wait for a simulation that ignores
      // cancellation.
      activeWorkers--;
      if (!stopping && abort == null) {
        startWorker();
      }
      lock.notifyAll();
    }
  }

  private void finish(RunRecord rec, boolean started) {
    if (started) {
      guard.finished(rec.cost());
    }
    try {
      sink.accept(rec);
    } catch (Throwable t) {
      fail(t);
      return;
    }
    counts.finished(rec);
    if (rec.status() != RunStatus.OK && config.failurePolicy() == FailurePolicy.FAIL_FAST) {
      stopping = true;
    }
    if (listener != RunRequest.SILENT) {
      Progress p = snapshot();
      safely(() -> listener.runFinished(rec, p));
    }
  }

  private void fail(Throwable t) {
    if (abort == null) {
      abort = t;
    }
    stopping = true;
  }

  private static void writeErrorFile(RunContextImpl ctx, Throwable error) {
    Path file = null;
    try {
      StringWriter sw = new StringWriter();
      error.printStackTrace(new PrintWriter(sw));
      file = ctx.artifactDir().resolve("error.txt");
      FreshFiles.write(file, sw.toString().getBytes(StandardCharsets.UTF_8));
    } catch (IOException | RuntimeException ignored) {
      // The error itself is in the journal; a missing stack trace file must not hide it. A
      // half-written one (a full
      // disk) is removed rather than left empty.
      try {
        if (file != null) {
          Files.deleteIfExists(file);
        }
      } catch (IOException alsoIgnored) {
        // Nothing more to do.
      }
    }
  }

  /** The simulation's classification of its error; the default one if it has none to give. */
  private String errorType(Throwable t) {
    try {
      String type = simulation.errorType(t);
      if (type != null && !type.isBlank()) {
        return type;
      }
    } catch (RuntimeException faulty) {
      // A faulty classification must not lose the run's record.
    }
    return Simulation.typeName(t);
  }

  static String errorMessage(Throwable t) {
    String m = t.getMessage();
    if (m == null || m.isBlank()) {
      m = t.toString();
    }
    return m.length() > 10_000 ? m.substring(0, 10_000) + "…" : m;
  }

  private void safely(Runnable r) {
    try {
      r.run();
    } catch (RuntimeException ignored) {
      // A faulty listener must not stop the sweep.
    }
  }

  /** Seconds with at most three decimals, without trailing zeros: 0.2 s, 1000000000 s. */
  static String seconds(Duration d) {
    return BigDecimal.valueOf(d.toMillis(), 3).stripTrailingZeros().toPlainString() + " s";
  }

  static String human(Duration d) {
    long ms = d.toMillis();
    return ms % 1000 == 0 ? (ms / 1000) + " s" : ms + " ms";
  }

  private static final class Slot {
    private static final AtomicIntegerFieldUpdater<Slot> STATE =
        AtomicIntegerFieldUpdater.newUpdater(Slot.class, "state");
    final PlannedRun run;
    final RunContextImpl ctx;
    final Thread thread;
    volatile int state = RUNNING;
    final long startNanos = System.nanoTime();
    final long startMillis = System.currentTimeMillis();

    Slot(PlannedRun run, RunContextImpl ctx, Thread thread) {
      this.run = run;
      this.ctx = ctx;
      this.thread = thread;
    }
  }
}
