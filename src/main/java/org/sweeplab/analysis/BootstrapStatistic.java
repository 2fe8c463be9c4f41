package org.sweeplab.analysis;

/**
 * The statistic whose percentile bootstrap interval is added to the variation statistics, if any.
 */
public enum BootstrapStatistic {
  /** No bootstrap interval (the default). */
  NONE,
  /** The mean. */
  MEAN,
  /** The median. */
  MEDIAN
}
