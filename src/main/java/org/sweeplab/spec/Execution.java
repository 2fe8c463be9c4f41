package org.sweeplab.spec;

import java.time.Duration;

/**
 * How runs are executed.
 *
 * @param maxParallel runs in flight at once; 0 means the number of cores
 * @param timeoutPerRun the wall-clock limit of one run, or null for none
 * @param failurePolicy whether a failing run stops the sweep
 * @param maxRuns the safety cap on the number of runs in a sweep
 * @param retries how transient failures are retried, or null for a single attempt
 * @param rateLimit the shared limit on run starts, or null for none
 * @param interruptGrace how long runs in flight may go on after the first Ctrl-C or SIGTERM before they are
 *     cancelled; {@link Defaults#INTERRUPT_GRACE} when null
 */
public record Execution(int maxParallel, Duration timeoutPerRun, FailurePolicy failurePolicy, long maxRuns,
    Retries retries, RateLimit rateLimit, Duration interruptGrace) {

  public Execution {
    if (maxParallel < 0) {
      throw new IllegalArgumentException("execution.max_parallel must be >= 0 (0 = all cores), got " + maxParallel);
    }
    if (timeoutPerRun != null && (timeoutPerRun.isNegative() || timeoutPerRun.isZero())) {
      throw new IllegalArgumentException("execution.timeout_per_run must be positive, got " + timeoutPerRun);
    }
    if (failurePolicy == null) {
      failurePolicy = FailurePolicy.CONTINUE;
    }
    if (maxRuns < 1) {
      throw new IllegalArgumentException("execution.max_runs must be >= 1, got " + maxRuns);
    }
    interruptGrace = interruptGrace == null ? Defaults.INTERRUPT_GRACE : interruptGrace;
    if (interruptGrace.isNegative()) {
      throw new IllegalArgumentException("execution.interrupt_grace must be >= 0, got " + interruptGrace);
    }
  }

  /** The settings before retries, rate limits and the interrupt grace existed: none, none, the default grace. */
  public Execution(int maxParallel, Duration timeoutPerRun, FailurePolicy failurePolicy, long maxRuns) {
    this(maxParallel, timeoutPerRun, failurePolicy, maxRuns, null, null, null);
  }

  /** The defaults: all cores, no timeout, continue on failure, {@link Defaults#MAX_RUNS}, no retries or limit. */
  public static Execution defaults() {
    return new Execution(0, null, FailurePolicy.CONTINUE, Defaults.MAX_RUNS);
  }

  /** The effective parallelism: {@link #maxParallel()} or the number of cores when it is 0. */
  public int effectiveParallelism() {
    return maxParallel == 0 ? Runtime.getRuntime().availableProcessors() : maxParallel;
  }

  public Execution withMaxParallel(int n) {
    return new Execution(n, timeoutPerRun, failurePolicy, maxRuns, retries, rateLimit, interruptGrace);
  }

  public Execution withTimeoutPerRun(Duration d) {
    return new Execution(maxParallel, d, failurePolicy, maxRuns, retries, rateLimit, interruptGrace);
  }

  public Execution withFailurePolicy(FailurePolicy p) {
    return new Execution(maxParallel, timeoutPerRun, p, maxRuns, retries, rateLimit, interruptGrace);
  }

  public Execution withMaxRuns(long n) {
    return new Execution(maxParallel, timeoutPerRun, failurePolicy, n, retries, rateLimit, interruptGrace);
  }

  /** Retries of transient failures; null for a single attempt. */
  public Execution withRetries(Retries r) {
    return new Execution(maxParallel, timeoutPerRun, failurePolicy, maxRuns, r, rateLimit, interruptGrace);
  }

  /** A shared limit on run starts; null for none. */
  public Execution withRateLimit(RateLimit r) {
    return new Execution(maxParallel, timeoutPerRun, failurePolicy, maxRuns, retries, r, interruptGrace);
  }

  public Execution withInterruptGrace(Duration d) {
    return new Execution(maxParallel, timeoutPerRun, failurePolicy, maxRuns, retries, rateLimit, d);
  }
}
