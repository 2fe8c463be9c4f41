package org.sweeplab.analysis;

/** Which order statistics {@link VariationStatistics} computes beside the counts and moments. */
public enum Quantiles {
  /** Minimum, lower quartile, median, upper quartile and maximum (type 7): the default. */
  FIVE_NUMBERS,
  /**
   * None: those columns are NaN. For callers that need only counts, means and intervals, such as a
   * main-effects figure: selecting the quartiles of millions of values per level costs ten times
   * the moments.
   */
  NONE
}
