package org.sweeplab.run;

import java.time.Duration;

/**
 * A snapshot of a sweep's progress.
 *
 * @param total runs to do in this session
 * @param done runs finished in this session
 * @param ok runs that ended ok
 * @param failed runs that ended failed
 * @param timedOut runs that timed out
 * @param cancelled runs cancelled
 * @param skipped runs skipped
 * @param retries retry attempts made (including rate-limit answers)
 * @param rateWaits run starts that waited for the rate limit or a retry-after hold-off
 * @param inFlight runs running now
 * @param elapsed time since the sweep started
 * @param spend total cost so far (NaN when nothing reported cost)
 * @param budget the total budget, NaN when none
 */
public record Progress(long total, long done, long ok, long failed, long timedOut, long cancelled, long skipped,
    long retries, long rateWaits, int inFlight, Duration elapsed, double spend, double budget) {

  /** Finished runs per second so far. */
  public double runsPerSecond() {
    double s = elapsed.toNanos() / 1e9;
    return s <= 0 ? 0 : done / s;
  }

  /**
   * The estimated time to finish, from the rate of runs that really ran (time spent on retries included; skipped
   * runs, which take no time, are left out); null before the first run finishes.
   */
  public Duration eta() {
    long ran = done - skipped;
    if (ran <= 0) {
      return done >= total ? Duration.ZERO : null;
    }
    double perRun = (double) elapsed.toNanos() / ran;
    return Duration.ofNanos((long) (perRun * Math.max(0, total - done)));
  }

  /** The share of finished runs that ended ok, NaN before any finished. */
  public double successRate() {
    long finished = ok + failed + timedOut + cancelled;
    return finished == 0 ? Double.NaN : (double) ok / finished;
  }
}
