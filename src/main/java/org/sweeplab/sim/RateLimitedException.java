package org.sweeplab.sim;

import java.time.Duration;
import java.util.Objects;

/**
 * Thrown by a simulation that was told to slow down: every worker holds off for {@link
 * #retryAfter()}.
 */
public class RateLimitedException extends TransientFailureException {
  private static final long serialVersionUID = 1L;

  private final Duration retryAfter;

  public RateLimitedException(Duration retryAfter) {
    super("rate limited; retry after " + retryAfter.toMillis() + " ms");
    this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
  }

  public Duration retryAfter() {
    return retryAfter;
  }
}
