package org.sweeplab.spec;

import java.time.Duration;

/**
 * The spec's {@code execution.retries}: how often a transiently failing run is tried, and the exponential backoff
 * between attempts (the delay before attempt n+1 is initialDelay × multiplier^(n-1), at most maxDelay, with jitter).
 *
 * @param maxAttempts attempts in all, {@code >= 1}
 * @param initialDelay the delay after the first failed attempt, {@code >= 0}
 * @param maxDelay the largest delay, {@code >= initialDelay}
 * @param multiplier the growth of the delay per attempt, {@code >= 1}
 * @throws IllegalArgumentException naming the bad value
 */
public record Retries(int maxAttempts, Duration initialDelay, Duration maxDelay, double multiplier) {

  public Retries {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("execution.retries.max_attempts must be >= 1, got " + maxAttempts);
    }
    initialDelay = initialDelay == null ? Defaults.RETRY_INITIAL_DELAY : initialDelay;
    maxDelay = maxDelay == null ? Defaults.RETRY_MAX_DELAY : maxDelay;
    if (initialDelay.isNegative()) {
      throw new IllegalArgumentException("execution.retries.initial_delay must be >= 0, got " + initialDelay);
    }
    if (maxDelay.compareTo(initialDelay) < 0) {
      throw new IllegalArgumentException("execution.retries.max_delay (" + maxDelay
          + ") must not be shorter than initial_delay (" + initialDelay + ")");
    }
    if (!(multiplier >= 1) || Double.isInfinite(multiplier)) {
      throw new IllegalArgumentException("execution.retries.multiplier must be a finite number >= 1, got "
          + multiplier);
    }
  }

  /** {@code maxAttempts} attempts with the default delays ({@link Defaults#RETRY_INITIAL_DELAY} doubling up to
   * {@link Defaults#RETRY_MAX_DELAY}). */
  public static Retries of(int maxAttempts) {
    return new Retries(maxAttempts, Defaults.RETRY_INITIAL_DELAY, Defaults.RETRY_MAX_DELAY,
        Defaults.RETRY_MULTIPLIER);
  }

  public Retries withDelays(Duration initial, Duration max) {
    return new Retries(maxAttempts, initial, max, multiplier);
  }

  public Retries withMultiplier(double m) {
    return new Retries(maxAttempts, initialDelay, maxDelay, m);
  }
}
