package org.sweeplab.spec;

import java.time.Duration;

/**
 * How runs are executed.
 *
 * @param maxParallel runs in flight at once; 0 means the number of cores
 * @param timeoutPerRun the wall-clock limit of one run, or null for none
 * @param failurePolicy whether a failing run stops the sweep
 * @param maxRuns the safety cap on the number of runs in a sweep
 */
public record Execution(int maxParallel, Duration timeoutPerRun, FailurePolicy failurePolicy, long maxRuns) {

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
  }

  /** The defaults: all cores, no timeout, continue on failure, {@link Defaults#MAX_RUNS}. */
  public static Execution defaults() {
    return new Execution(0, null, FailurePolicy.CONTINUE, Defaults.MAX_RUNS);
  }

  /** The effective parallelism: {@link #maxParallel()} or the number of cores when it is 0. */
  public int effectiveParallelism() {
    return maxParallel == 0 ? Runtime.getRuntime().availableProcessors() : maxParallel;
  }

  public Execution withMaxParallel(int n) {
    return new Execution(n, timeoutPerRun, failurePolicy, maxRuns);
  }

  public Execution withTimeoutPerRun(Duration d) {
    return new Execution(maxParallel, d, failurePolicy, maxRuns);
  }

  public Execution withFailurePolicy(FailurePolicy p) {
    return new Execution(maxParallel, timeoutPerRun, p, maxRuns);
  }

  public Execution withMaxRuns(long n) {
    return new Execution(maxParallel, timeoutPerRun, failurePolicy, n);
  }
}
