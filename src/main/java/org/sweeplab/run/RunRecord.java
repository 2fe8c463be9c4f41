package org.sweeplab.run;

import java.util.Map;

/**
 * A finished run, as written to the journal.
 *
 * @param run the planned run
 * @param status how it ended
 * @param metrics the metric values (String, Long, Double or Boolean), empty unless ok
 * @param cost the run's cost, NaN when none was reported
 * @param startedAtMillis wall-clock start (epoch milliseconds)
 * @param durationNanos wall-clock duration
 * @param attempts attempts made (1 unless retried)
 * @param errorType the error's type, or null
 * @param errorMessage the error's message, or null
 */
public record RunRecord(
    PlannedRun run,
    RunStatus status,
    Map<String, Object> metrics,
    double cost,
    long startedAtMillis,
    long durationNanos,
    int attempts,
    String errorType,
    String errorMessage)
    implements java.io.Serializable {

  /**
   * A run skipped because the budget is spent, now: no metrics, no cost, no attempt, error type
   * {@code Budget} with {@code why}.
   */
  public static RunRecord skippedForBudget(PlannedRun run, String why) {
    return new RunRecord(
        run,
        RunStatus.SKIPPED,
        Map.of(),
        Double.NaN,
        System.currentTimeMillis(),
        0,
        0,
        "Budget",
        why);
  }

  /** The duration in milliseconds. */
  public double durationMs() {
    return durationNanos / 1e6;
  }
}
