package org.sweeplab.spec;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Retries of transient failures, as the spec's {@code execution.retries} gives them and the
 * backends apply them: how often a transiently failing run is tried, and the exponential backoff
 * between attempts (the delay before attempt n+1 is initialDelay × multiplier^(n-1), at most
 * maxDelay, with "full jitter" between half and all of it).
 *
 * @param maxAttempts attempts in all, {@code >= 1}
 * @param initialDelay the delay after the first failed attempt, {@code >= 0}
 * @param maxDelay the largest delay, {@code >= initialDelay}
 * @param multiplier the growth of the delay per attempt, {@code >= 1}
 * @throws IllegalArgumentException naming the bad value
 */
public record Retries(
    int maxAttempts, Duration initialDelay, Duration maxDelay, double multiplier) {

  public Retries {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException(
          "execution.retries.max_attempts must be >= 1, got " + maxAttempts);
    }
    initialDelay = initialDelay == null ? Defaults.RETRY_INITIAL_DELAY : initialDelay;
    maxDelay = maxDelay == null ? Defaults.RETRY_MAX_DELAY : maxDelay;
    if (initialDelay.isNegative()) {
      throw new IllegalArgumentException(
          "execution.retries.initial_delay must be >= 0, got " + initialDelay);
    }
    if (maxDelay.compareTo(initialDelay) < 0) {
      throw new IllegalArgumentException(
          "execution.retries.max_delay ("
              + maxDelay
              + ") must not be shorter than initial_delay ("
              + initialDelay
              + ")");
    }
    if (!(multiplier >= 1) || Double.isInfinite(multiplier)) {
      throw new IllegalArgumentException(
          "execution.retries.multiplier must be a finite number >= 1, got " + multiplier);
    }
  }

  /** One attempt, no retries. */
  public static Retries none() {
    return new Retries(1, Duration.ZERO, Duration.ZERO, Defaults.RETRY_MULTIPLIER);
  }

  /**
   * {@code maxAttempts} attempts with the default delays ({@link Defaults#RETRY_INITIAL_DELAY}
   * doubling up to {@link Defaults#RETRY_MAX_DELAY}).
   */
  public static Retries of(int maxAttempts) {
    return new Retries(
        maxAttempts,
        Defaults.RETRY_INITIAL_DELAY,
        Defaults.RETRY_MAX_DELAY,
        Defaults.RETRY_MULTIPLIER);
  }

  public Retries withDelays(Duration initial, Duration max) {
    return new Retries(maxAttempts, initial, max, multiplier);
  }

  public Retries withMultiplier(double m) {
    return new Retries(maxAttempts, initialDelay, maxDelay, m);
  }

  /**
   * The wait before attempt {@code attempt + 1}, after {@code attempt} failed attempts (attempt >=
   * 1).
   */
  public long delayMillis(int attempt, RandomGenerator jitter) {
    double base = initialDelay.toMillis() * Math.pow(multiplier, attempt - 1);
    double capped = Math.min(base, maxDelay.toMillis());
    return (long) (capped * (0.5 + 0.5 * jitter.nextDouble()));
  }
}
