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
 * @param retries retry attempts made
 * @param inFlight runs running now
 * @param elapsed time since the sweep started
 * @param spend total cost so far (NaN when nothing reported cost)
 * @param budget the total budget, NaN when none
 */
public record Progress(long total, long done, long ok, long failed, long timedOut, long cancelled, long skipped,
    long retries, int inFlight, Duration elapsed, double spend, double budget) {

  /** Finished runs per second so far. */
  public double runsPerSecond() {
    double s = elapsed.toNanos() / 1e9;
    return s <= 0 ? 0 : done / s;
  }

  /** The estimated time to finish, from the rate so far; null before the first run finishes. */
  public Duration eta() {
    if (done == 0) {
      return null;
    }
    double perRun = (double) elapsed.toNanos() / done;
    return Duration.ofNanos((long) (perRun * (total - done)));
  }

  /** The share of finished runs that ended ok, NaN before any finished. */
  public double successRate() {
    long finished = ok + failed + timedOut + cancelled;
    return finished == 0 ? Double.NaN : (double) ok / finished;
  }
}
