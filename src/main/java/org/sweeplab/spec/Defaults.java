package org.sweeplab.spec;

import java.time.Duration;

/** Every default of sweeplab, in one place. */
public final class Defaults {
  private Defaults() {}

  /** The largest sweep accepted without raising {@code execution.max_runs}. */
  public static final long MAX_RUNS = 10_000_000L;

  /** Replicates per variation. */
  public static final int REPLICATES = 1;

  /** The sweep seed when the spec gives none. */
  public static final long SEED = 0L;

  /** The parent of the default output folder, {@code sweeps/NAME}. */
  public static final String OUTPUT_PARENT = "sweeps";

  /** The smallest number of digits in a variation id ({@code var-0001}). */
  public static final int VARIATION_ID_DIGITS = 4;

  /** The smallest number of digits in a replicate number ({@code run-001}). */
  public static final int REPLICATE_DIGITS = 3;

  /**
   * How long runs in flight may go on after the first Ctrl-C or SIGTERM before they are cancelled.
   */
  public static final Duration INTERRUPT_GRACE = Duration.ofSeconds(30);

  /** The delay after the first failed attempt when {@code execution.retries} gives none. */
  public static final Duration RETRY_INITIAL_DELAY = Duration.ofSeconds(1);

  /** The largest retry delay when {@code execution.retries} gives none. */
  public static final Duration RETRY_MAX_DELAY = Duration.ofSeconds(60);

  /** The growth of the retry delay per attempt when {@code execution.retries} gives none. */
  public static final double RETRY_MULTIPLIER = 2.0;

  /**
   * The longest wait a "retry after T" answer can impose when {@code execution.rate_limit.max_wait}
   * gives none.
   */
  public static final Duration RATE_LIMIT_MAX_WAIT = Duration.ofMinutes(10);

  /** Replicates per variation in a race's first round ({@code execution.racing.min_replicates}). */
  public static final int RACE_MIN_REPLICATES = 5;

  /**
   * Replicates added per surviving variation in each later round of a race ({@code
   * execution.racing.step}).
   */
  public static final int RACE_STEP = 1;

  /** The significance level of a race's eliminations ({@code execution.racing.alpha}). */
  public static final double RACE_ALPHA = 0.05;
}
