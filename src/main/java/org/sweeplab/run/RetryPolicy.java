package org.sweeplab.run;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Retries of transient failures: up to {@code maxAttempts} attempts in all, waiting an exponentially growing delay
 * (initial × multiplier^(attempt-1), capped at {@code maxDelay}) with "full jitter" between half and all of it.
 */
public record RetryPolicy(int maxAttempts, Duration initialDelay, Duration maxDelay, double multiplier) {

  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("retries.max_attempts must be >= 1, got " + maxAttempts);
    }
    if (initialDelay.isNegative() || maxDelay.isNegative()) {
      throw new IllegalArgumentException("retry delays must be >= 0, got " + initialDelay + " and " + maxDelay);
    }
    if (!(multiplier >= 1)) {
      throw new IllegalArgumentException("retries.multiplier must be >= 1, got " + multiplier);
    }
  }

  /** One attempt, no retries. */
  public static RetryPolicy none() {
    return new RetryPolicy(1, Duration.ZERO, Duration.ZERO, 2);
  }

  /** {@code maxAttempts} attempts with delays from 1 s doubling up to 60 s. */
  public static RetryPolicy of(int maxAttempts) {
    return new RetryPolicy(maxAttempts, Duration.ofSeconds(1), Duration.ofSeconds(60), 2);
  }

  public RetryPolicy withDelays(Duration initial, Duration max) {
    return new RetryPolicy(maxAttempts, initial, max, multiplier);
  }

  /** The wait before attempt {@code attempt + 1}, after {@code attempt} failed attempts (attempt >= 1). */
  public long delayMillis(int attempt, RandomGenerator jitter) {
    double base = initialDelay.toMillis() * Math.pow(multiplier, attempt - 1);
    double capped = Math.min(base, maxDelay.toMillis());
    return (long) (capped * (0.5 + 0.5 * jitter.nextDouble()));
  }
}
