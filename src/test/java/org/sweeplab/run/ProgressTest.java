package org.sweeplab.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The ETA counts retries (they are in the elapsed time) and leaves out runs that will be, or were,
 * skipped.
 */
class ProgressTest {
  private static Progress p(
      long total,
      long done,
      long skipped,
      long retries,
      int inFlight,
      double spend,
      double budget,
      long costed) {
    return new Progress(
        total,
        done,
        done - skipped,
        0,
        0,
        0,
        skipped,
        retries,
        0,
        inFlight,
        Duration.ofSeconds(10),
        spend,
        budget,
        costed);
  }

  @Test
  void etaIsTheWallTimePerRunThatRanTimesTheRunsLeft() {
    // 10 runs took 10 s (retries included): 90 left -> 90 s.
    assertEquals(Duration.ofSeconds(90), p(100, 10, 0, 7, 0, Double.NaN, Double.NaN, 0).eta());
  }

  @Test
  void skippedRunsTakeNoTime() {
    // 5 of the 10 done were skipped: 5 runs in 10 s, 2 s each, 90 left -> 180 s.
    assertEquals(Duration.ofSeconds(180), p(100, 10, 5, 0, 0, Double.NaN, Double.NaN, 0).eta());
  }

  @Test
  void onlyRunsTheRemainingBudgetPaysForCount() {
    // Spent 10 on 10 runs (mean 1), budget 25: 15 more runs (plus the 2 in flight) will run, the
    // rest be skipped.
    assertEquals(Duration.ofSeconds(17), p(100, 10, 0, 0, 2, 10, 25, 10).eta());
    assertEquals(17, p(100, 10, 0, 0, 2, 10, 25, 10).runsToRun());
    // A budget with room for more than what is left changes nothing.
    assertEquals(Duration.ofSeconds(90), p(100, 10, 0, 0, 2, 10, 1e9, 10).eta());
  }

  @Test
  void noEtaBeforeTheFirstRunAndZeroWhenAllWereSkipped() {
    assertNull(p(100, 0, 0, 0, 4, Double.NaN, Double.NaN, 0).eta());
    assertEquals(Duration.ZERO, p(10, 10, 10, 0, 0, Double.NaN, Double.NaN, 0).eta());
  }
}
