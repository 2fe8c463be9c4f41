package org.sweeplab.spec;

import java.util.Locale;

/**
 * The spec's {@code execution.rate_limit}: at most {@code runs} run starts per second or per minute, shared by every
 * worker, on top of {@code max_parallel}. Written {@code {runs: 500, per: second}} or {@code "500/s"}.
 *
 * @param runs starts allowed per period, {@code >= 1}
 * @param per the period
 * @throws IllegalArgumentException naming the bad value
 */
public record RateLimit(long runs, Per per) {

  /** The period of a rate limit. */
  public enum Per {
    SECOND(1), MINUTE(60);

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
    if (runs < 1) {
      throw new IllegalArgumentException("execution.rate_limit.runs must be >= 1, got " + runs);
    }
    per = per == null ? Per.SECOND : per;
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
