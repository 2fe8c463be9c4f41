package org.sweeplab.run;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.Objects;
import org.sweeplab.spec.Execution;
import org.sweeplab.spec.FailurePolicy;
import org.sweeplab.sim.Simulation;

/**
 * Runs on this machine's cores: {@code parallelism} worker threads take runs in plan order. A run that passes its
 * timeout is marked {@code timeout} at once and its worker is replaced, so a simulation that ignores cancellation
 * cannot block the sweep. Configure with {@code withDefaults().withX(...)}; each call returns a new backend.
 */
public final class LocalBackend implements Backend {
  private final int parallelism;
  private final Duration timeout;
  private final FailurePolicy failurePolicy;
  private final RetryPolicy retryPolicy;
  private final Path runsRoot;
  private final double perRunCap;
  private final Sleeper sleeper;
  private volatile LocalExecution current;
  private volatile StopMode pendingStop;

  private LocalBackend(int parallelism, Duration timeout, FailurePolicy failurePolicy, RetryPolicy retryPolicy,
      Path runsRoot, double perRunCap, Sleeper sleeper) {
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism must be >= 1, got " + parallelism);
    }
    this.parallelism = parallelism;
    this.timeout = timeout;
    this.failurePolicy = Objects.requireNonNull(failurePolicy);
    this.retryPolicy = Objects.requireNonNull(retryPolicy);
    this.runsRoot = runsRoot;
    this.perRunCap = perRunCap;
    this.sleeper = Objects.requireNonNull(sleeper);
  }

  /** All cores, no timeout, continue on failure, no retries, run folders in a temporary folder. */
  public static LocalBackend withDefaults() {
    return new LocalBackend(Runtime.getRuntime().availableProcessors(), null, FailurePolicy.CONTINUE,
        RetryPolicy.none(), null, Double.POSITIVE_INFINITY, Sleeper.SYSTEM);
  }

  /** A backend set up from a spec's execution section. */
  public static LocalBackend of(Execution e) {
    return withDefaults().withParallelism(e.effectiveParallelism()).withTimeout(e.timeoutPerRun())
        .withFailurePolicy(e.failurePolicy());
  }

  public LocalBackend withParallelism(int n) {
    return new LocalBackend(n, timeout, failurePolicy, retryPolicy, runsRoot, perRunCap, sleeper);
  }

  /** The per-run wall-clock limit, or null for none. */
  public LocalBackend withTimeout(Duration d) {
    return new LocalBackend(parallelism, d, failurePolicy, retryPolicy, runsRoot, perRunCap, sleeper);
  }

  public LocalBackend withFailurePolicy(FailurePolicy p) {
    return new LocalBackend(parallelism, timeout, p, retryPolicy, runsRoot, perRunCap, sleeper);
  }

  public LocalBackend withRetryPolicy(RetryPolicy p) {
    return new LocalBackend(parallelism, timeout, failurePolicy, p, runsRoot, perRunCap, sleeper);
  }

  /** The folder under which each run's artifact folder ({@code RUN_ID/}) is created on first use. */
  public LocalBackend withRunsRoot(Path dir) {
    return new LocalBackend(parallelism, timeout, failurePolicy, retryPolicy, dir, perRunCap, sleeper);
  }

  /** The most one run may spend through {@code RunContext.charge}; infinite by default. */
  public LocalBackend withPerRunCap(double cap) {
    return new LocalBackend(parallelism, timeout, failurePolicy, retryPolicy, runsRoot, cap, sleeper);
  }

  /** How retry delays are waited (tests inject a fake clock). */
  public LocalBackend withSleeper(Sleeper s) {
    return new LocalBackend(parallelism, timeout, failurePolicy, retryPolicy, runsRoot, perRunCap, s);
  }

  public int parallelism() {
    return parallelism;
  }

  public Duration timeout() {
    return timeout;
  }

  @Override
  public Progress execute(Iterator<PlannedRun> runs, long total, Simulation simulation, RunSink sink,
      SweepListener listener) {
    LocalExecution ex = new LocalExecution(this, runs, total, simulation, sink,
        listener == null ? new SweepListener() {} : listener);
    current = ex;
    StopMode early = pendingStop;
    if (early != null) {
      ex.stop(early);
    }
    try {
      return ex.run();
    } finally {
      current = null;
    }
  }

  @Override
  public void stop(StopMode mode) {
    LocalExecution ex = current;
    if (ex != null) {
      ex.stop(mode);
    } else {
      pendingStop = mode;
    }
  }

  FailurePolicy failurePolicy() {
    return failurePolicy;
  }

  RetryPolicy retryPolicy() {
    return retryPolicy;
  }

  Path runsRoot() {
    return runsRoot;
  }

  double perRunCap() {
    return perRunCap;
  }

  Sleeper sleeper() {
    return sleeper;
  }

  /** Waits; injectable so tests of retry timings need no real sleeps. */
  @FunctionalInterface
  public interface Sleeper {
    Sleeper SYSTEM = Thread::sleep;

    void sleep(long millis) throws InterruptedException;
  }
}
