package org.sweeplab.spec;

import java.time.Duration;
import java.util.Objects;

/**
 * How runs are executed. None of it changes a sweep's results, so none of it is in the config hash.
 *
 * @param maxParallel runs in flight at once; 0 means the number of cores
 * @param timeoutPerRun the wall-clock limit of one run, or null for none
 * @param failurePolicy whether a failing run stops the sweep
 * @param maxRuns the safety cap on the number of runs in a sweep
 * @param retries how transient failures are retried, or null for a single attempt
 * @param rateLimit the shared limit on run starts, or null for none
 * @param interruptGrace how long runs in flight may go on after the first Ctrl-C or SIGTERM before
 *     they are cancelled; {@link Defaults#INTERRUPT_GRACE} when null
 * @param backend where the runs execute
 * @param spark the Spark settings (used when {@code backend} is {@link BackendKind#SPARK})
 * @param shard the slice of the plan this execution runs ({@link Shard#all()} for the whole plan)
 * @param racing the race of {@code execution.racing}, or null to run every replicate of every
 *     variation
 */
public record Execution(
    int maxParallel,
    Duration timeoutPerRun,
    FailurePolicy failurePolicy,
    long maxRuns,
    Retries retries,
    RateLimit rateLimit,
    Duration interruptGrace,
    BackendKind backend,
    SparkSettings spark,
    Shard shard,
    Racing racing) {

  public Execution {
    if (maxParallel < 0) {
      throw new IllegalArgumentException(
          "execution.max_parallel must be >= 0 (0 = all cores), got " + maxParallel);
    }
    if (timeoutPerRun != null && (timeoutPerRun.isNegative() || timeoutPerRun.isZero())) {
      throw new IllegalArgumentException(
          "execution.timeout_per_run must be positive, got " + timeoutPerRun);
    }
    if (failurePolicy == null) {
      failurePolicy = FailurePolicy.CONTINUE;
    }
    if (maxRuns < 1) {
      throw new IllegalArgumentException("execution.max_runs must be >= 1, got " + maxRuns);
    }
    interruptGrace = interruptGrace == null ? Defaults.INTERRUPT_GRACE : interruptGrace;
    if (interruptGrace.isNegative()) {
      throw new IllegalArgumentException(
          "execution.interrupt_grace must be >= 0, got " + interruptGrace);
    }
    backend = backend == null ? BackendKind.LOCAL : backend;
    spark = spark == null ? SparkSettings.defaults() : spark;
    shard = shard == null ? Shard.all() : shard;
  }

  /**
   * The defaults: all cores, no timeout, continue on failure, {@link Defaults#MAX_RUNS}, local,
   * whole plan.
   */
  public static Execution defaults() {
    return new Execution(
        0,
        null,
        FailurePolicy.CONTINUE,
        Defaults.MAX_RUNS,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  /** The effective parallelism: {@link #maxParallel()} or the number of cores when it is 0. */
  public int effectiveParallelism() {
    return maxParallel == 0 ? Runtime.getRuntime().availableProcessors() : maxParallel;
  }

  public Execution withMaxParallel(int n) {
    return new Execution(
        n,
        timeoutPerRun,
        failurePolicy,
        maxRuns,
        retries,
        rateLimit,
        interruptGrace,
        backend,
        spark,
        shard,
        racing);
  }

  public Execution withTimeoutPerRun(Duration d) {
    return new Execution(
        maxParallel,
        d,
        failurePolicy,
        maxRuns,
        retries,
        rateLimit,
        interruptGrace,
        backend,
        spark,
        shard,
        racing);
  }

  public Execution withFailurePolicy(FailurePolicy p) {
    return new Execution(
        maxParallel,
        timeoutPerRun,
        p,
        maxRuns,
        retries,
        rateLimit,
        interruptGrace,
        backend,
        spark,
        shard,
        racing);
  }

  public Execution withMaxRuns(long n) {
    return new Execution(
        maxParallel,
        timeoutPerRun,
        failurePolicy,
        n,
        retries,
        rateLimit,
        interruptGrace,
        backend,
        spark,
        shard,
        racing);
  }

  /** Retries of transient failures; null for a single attempt. */
  public Execution withRetries(Retries r) {
    return new Execution(
        maxParallel,
        timeoutPerRun,
        failurePolicy,
        maxRuns,
        r,
        rateLimit,
        interruptGrace,
        backend,
        spark,
        shard,
        racing);
  }

  /** A shared limit on run starts; null for none. */
  public Execution withRateLimit(RateLimit r) {
    return new Execution(
        maxParallel,
        timeoutPerRun,
        failurePolicy,
        maxRuns,
        retries,
        r,
        interruptGrace,
        backend,
        spark,
        shard,
        racing);
  }

  public Execution withInterruptGrace(Duration d) {
    return new Execution(
        maxParallel,
        timeoutPerRun,
        failurePolicy,
        maxRuns,
        retries,
        rateLimit,
        d,
        backend,
        spark,
        shard,
        racing);
  }

  public Execution withBackend(BackendKind b) {
    return new Execution(
        maxParallel,
        timeoutPerRun,
        failurePolicy,
        maxRuns,
        retries,
        rateLimit,
        interruptGrace,
        Objects.requireNonNull(b),
        spark,
        shard,
        racing);
  }

  public Execution withSpark(SparkSettings s) {
    return new Execution(
        maxParallel,
        timeoutPerRun,
        failurePolicy,
        maxRuns,
        retries,
        rateLimit,
        interruptGrace,
        backend,
        Objects.requireNonNull(s),
        shard,
        racing);
  }

  /** Runs only this slice of the plan (e.g. one task of a scheduler's job array). */
  public Execution withShard(Shard s) {
    return new Execution(
        maxParallel,
        timeoutPerRun,
        failurePolicy,
        maxRuns,
        retries,
        rateLimit,
        interruptGrace,
        backend,
        spark,
        Objects.requireNonNull(s),
        racing);
  }

  /**
   * Runs replicates in rounds and stops giving runs to variations worse than the best; null for
   * every run.
   */
  public Execution withRacing(Racing r) {
    return new Execution(
        maxParallel,
        timeoutPerRun,
        failurePolicy,
        maxRuns,
        retries,
        rateLimit,
        interruptGrace,
        backend,
        spark,
        shard,
        r);
  }
}
