package org.sweeplab.analysis;

/**
 * What to do with a NaN or empty metric value in an ok run. Runs that are not ok never enter the
 * metric statistics, whatever the policy.
 */
public enum NaNPolicy {
  /**
   * Leave the value out of the metric statistics and count it in {@code nan_count} (the default).
   */
  EXCLUDE,
  /** Keep the value, so every statistic of its group that depends on it becomes NaN. */
  INCLUDE,
  /** Throw an {@link AnalysisException} naming the row and the column. */
  ERROR
}
