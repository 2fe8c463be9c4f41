package org.sweeplab.spec;

import java.time.Duration;
import java.util.Locale;

/**
 * The spec's {@code execution.rate_limit}: at most {@code runs} run starts per second or per
 * minute, shared by every worker, on top of {@code max_parallel}, and the longest wait a "retry
 * after T" answer may impose. Written {@code {runs: 500, per: second, max_wait: 2m}}, {@code
 * {max_wait: 2m}} (no pacing) or {@code "500/s"}.
 *
 * @param runs starts allowed per period, {@code >= 1}, or 0 for no pacing
 * @param per the period
 * @param maxWait the longest hold-off of one retry-after answer (longer ones are cut to it, with a
 *     warning)
 * @throws IllegalArgumentException naming the bad value
 */
public record RateLimit(long runs, Per per, Duration maxWait) {

  /** The period of a rate limit. */
  public enum Per {
    SECOND(1),
    MINUTE(60);

    private final int seconds;

    Per(int seconds) {
      this.seconds = seconds;
    }

    /** The spec spelling: {@code second} or {@code minute}. */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public RateLimit {
    if (runs < 0) {
      throw new IllegalArgumentException("execution.rate_limit.runs must be >= 1, got " + runs);
    }
    per = per == null ? Per.SECOND : per;
    maxWait = maxWait == null ? Defaults.RATE_LIMIT_MAX_WAIT : maxWait;
    if (maxWait.isNegative()) {
      throw new IllegalArgumentException(
          "execution.rate_limit.max_wait must be >= 0, got " + maxWait);
    }
  }

  /** A pace with the default longest retry-after wait. */
  public RateLimit(long runs, Per per) {
    this(runs, per, Defaults.RATE_LIMIT_MAX_WAIT);
  }

  /** No pacing, only a cap on retry-after waits. */
  public static RateLimit maxWaitOnly(Duration maxWait) {
    return new RateLimit(0, Per.SECOND, maxWait);
  }

  public RateLimit withMaxWait(Duration d) {
    return new RateLimit(runs, per, d);
  }

  public static RateLimit perSecond(long runs) {
    return new RateLimit(runs, Per.SECOND);
  }

  public static RateLimit perMinute(long runs) {
    return new RateLimit(runs, Per.MINUTE);
  }

  /** Starts per second. */
  public double startsPerSecond() {
    return (double) runs / per.seconds;
  }
}
