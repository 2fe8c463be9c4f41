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
 * @param costedRuns runs that reported a cost (earlier sessions included, as in {@code spend}); 0
 *     when unknown
 */
public record Progress(
    long total,
    long done,
    long ok,
    long failed,
    long timedOut,
    long cancelled,
    long skipped,
    long retries,
    long rateWaits,
    int inFlight,
    Duration elapsed,
    double spend,
    double budget,
    long costedRuns) {

  /** The progress of {@code total} runs before any ran: all counts zero, no spend, no budget. */
  public static Progress none(long total) {
    return new Progress(total, 0, 0, 0, 0, 0, 0, 0, 0, 0, Duration.ZERO, Double.NaN, Double.NaN, 0);
  }

  /** Finished runs per second so far. */
  public double runsPerSecond() {
    double s = elapsed.toNanos() / 1e9;
    return s <= 0 ? 0 : done / s;
  }

  /**
   * The estimated time to finish: the wall time per run that really ran so far (retries, backoff
   * and rate-limit waits included, since they are part of the elapsed time; skipped runs, which
   * take no time, left out) times the runs still to run. With a total budget and observed costs,
   * only the runs the remaining money pays for at the mean cost so far count: the rest will be
   * skipped at once. Null before the first run finishes.
   */
  public Duration eta() {
    long ran = done - skipped;
    if (ran <= 0) {
      return done >= total ? Duration.ZERO : null;
    }
    double perRun = (double) elapsed.toNanos() / ran;
    return Duration.ofNanos((long) (perRun * runsToRun()));
  }

  /**
   * The runs still expected to run: those not done, at most as many as the remaining budget pays
   * for.
   */
  public long runsToRun() {
    long left = Math.max(0, total - done);
    if (!Double.isNaN(budget) && !Double.isNaN(spend) && costedRuns > 0 && spend > 0) {
      double mean = spend / costedRuns;
      long affordable = (long) Math.max(0, Math.floor((budget - spend) / mean));
      left = Math.min(left, affordable + inFlight);
    }
    return left;
  }

  /** The share of finished runs that ended ok, NaN before any finished. */
  public double successRate() {
    long finished = ok + failed + timedOut + cancelled;
    return finished == 0 ? Double.NaN : (double) ok / finished;
  }
}
