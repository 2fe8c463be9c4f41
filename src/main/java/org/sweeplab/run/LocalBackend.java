package org.sweeplab.run;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import org.sweeplab.spec.Defaults;
import org.sweeplab.spec.Execution;
import org.sweeplab.spec.FailurePolicy;
import org.sweeplab.spec.Retries;

/**
 * Runs on this machine's cores: {@code parallelism} worker threads take runs in plan order. A run
 * that passes its timeout is marked {@code timeout} at once and its worker is replaced, so a
 * simulation that ignores cancellation cannot block the sweep. Configure with {@code
 * withDefaults().withX(...)}; each call returns a new backend. It holds no running state: each
 * {@link #start} is a new {@link ExecutionHandle}.
 */
public final class LocalBackend implements Backend {
  private final int parallelism;
  private final Duration timeout;
  private final FailurePolicy failurePolicy;
  private final Retries retries;
  private final Path runsRoot;
  private final Ticker ticker;
  private final double ratePerSecond;
  private final Budget budget;
  private final Duration maxRetryWait;

  private LocalBackend(
      int parallelism,
      Duration timeout,
      FailurePolicy failurePolicy,
      Retries retries,
      Path runsRoot,
      Ticker ticker,
      double ratePerSecond,
      Budget budget,
      Duration maxRetryWait) {
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism must be >= 1, got " + parallelism);
    }
    this.parallelism = parallelism;
    this.timeout = timeout;
    this.failurePolicy = Objects.requireNonNull(failurePolicy);
    this.retries = Objects.requireNonNull(retries);
    this.runsRoot = runsRoot;
    this.ticker = Objects.requireNonNull(ticker);
    this.ratePerSecond = ratePerSecond;
    this.budget = Objects.requireNonNull(budget);
    if (maxRetryWait == null || maxRetryWait.isNegative()) {
      throw new IllegalArgumentException(
          "the longest retry-after wait must be >= 0, got " + maxRetryWait);
    }
    this.maxRetryWait = maxRetryWait;
  }

  /** All cores, no timeout, continue on failure, no retries, run folders in a temporary folder. */
  public static LocalBackend withDefaults() {
    return new LocalBackend(
        Runtime.getRuntime().availableProcessors(),
        null,
        FailurePolicy.CONTINUE,
        Retries.none(),
        null,
        Ticker.SYSTEM,
        0,
        Budget.none(),
        Defaults.RATE_LIMIT_MAX_WAIT);
  }

  /**
   * A backend set up from a spec's execution section: parallelism, timeout, failures, retries, rate
   * limit.
   */
  public static LocalBackend of(Execution e) {
    LocalBackend b =
        withDefaults()
            .withParallelism(e.effectiveParallelism())
            .withTimeout(e.timeoutPerRun())
            .withFailurePolicy(e.failurePolicy());
    if (e.retries() != null) {
      b = b.withRetries(e.retries());
    }
    if (e.rateLimit() != null) {
      b =
          b.withRateLimit(e.rateLimit().startsPerSecond())
              .withMaxRetryWait(e.rateLimit().maxWait());
    }
    return b;
  }

  public LocalBackend withParallelism(int n) {
    return new LocalBackend(
        n, timeout, failurePolicy, retries, runsRoot, ticker, ratePerSecond, budget, maxRetryWait);
  }

  /** The per-run wall-clock limit, or null for none. */
  public LocalBackend withTimeout(Duration d) {
    return new LocalBackend(
        parallelism,
        d,
        failurePolicy,
        retries,
        runsRoot,
        ticker,
        ratePerSecond,
        budget,
        maxRetryWait);
  }

  public LocalBackend withFailurePolicy(FailurePolicy p) {
    return new LocalBackend(
        parallelism, timeout, p, retries, runsRoot, ticker, ratePerSecond, budget, maxRetryWait);
  }

  public LocalBackend withRetries(Retries p) {
    return new LocalBackend(
        parallelism,
        timeout,
        failurePolicy,
        p,
        runsRoot,
        ticker,
        ratePerSecond,
        budget,
        maxRetryWait);
  }

  /**
   * The folder under which each run's artifact folder ({@code RUN_ID/}) is created on first use.
   */
  public LocalBackend withRunsRoot(Path dir) {
    return new LocalBackend(
        parallelism,
        timeout,
        failurePolicy,
        retries,
        dir,
        ticker,
        ratePerSecond,
        budget,
        maxRetryWait);
  }

  /** Spending limits: the total (no run starts once it would be passed) and the per-run cap. */
  public LocalBackend withBudget(Budget b) {
    return new LocalBackend(
        parallelism,
        timeout,
        failurePolicy,
        retries,
        runsRoot,
        ticker,
        ratePerSecond,
        b,
        maxRetryWait);
  }

  /** At most this many run starts per second across all workers; 0 for no limit. */
  public LocalBackend withRateLimit(double startsPerSecond) {
    if (startsPerSecond < 0 || Double.isNaN(startsPerSecond)) {
      throw new IllegalArgumentException(
          "rate limit must be >= 0 runs per second, got " + startsPerSecond);
    }
    return new LocalBackend(
        parallelism,
        timeout,
        failurePolicy,
        retries,
        runsRoot,
        ticker,
        startsPerSecond,
        budget,
        maxRetryWait);
  }

  /** The clock used for retry delays, rate limits and hold-offs (tests inject a fake one). */
  public LocalBackend withTicker(Ticker t) {
    return new LocalBackend(
        parallelism,
        timeout,
        failurePolicy,
        retries,
        runsRoot,
        t,
        ratePerSecond,
        budget,
        maxRetryWait);
  }

  public int parallelism() {
    return parallelism;
  }

  public Duration timeout() {
    return timeout;
  }

  /** The spending limits. */
  public Budget budget() {
    return budget;
  }

  /** Retries of transient failures. */
  public Retries retries() {
    return retries;
  }

  @Override
  public ExecutionHandle start(RunRequest request) {
    Objects.requireNonNull(request, "request");
    return CallerRunsExecution.of(
        request.total(),
        handle -> {
          LocalExecution ex = new LocalExecution(this, request);
          handle.attach(ex::stop, ex::snapshot);
          return ex.run();
        });
  }

  public FailurePolicy failurePolicy() {
    return failurePolicy;
  }

  /** The folder of run folders, or null for a temporary one. */
  public Path runsRoot() {
    return runsRoot;
  }

  Ticker ticker() {
    return ticker;
  }

  /**
   * The longest hold-off a "retry after T" answer can cause ({@code execution.rate_limit.max_wait},
   * default {@link Defaults#RATE_LIMIT_MAX_WAIT}): a longer T is cut to it, with a warning.
   */
  public LocalBackend withMaxRetryWait(Duration d) {
    return new LocalBackend(
        parallelism, timeout, failurePolicy, retries, runsRoot, ticker, ratePerSecond, budget, d);
  }

  /** The longest hold-off a "retry after T" answer can cause. */
  public Duration maxRetryWait() {
    return maxRetryWait;
  }

  /** The rate limit in run starts per second, 0 for none. */
  public double ratePerSecond() {
    return ratePerSecond;
  }
}
