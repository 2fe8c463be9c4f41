package org.sweeplab.analysis;

/** Which end of a metric is better. */
public enum Direction {
  /** Larger values are better (scores, throughput). The default. */
  HIGHER_IS_BETTER,
  /** Smaller values are better (latency, error, cost). */
  LOWER_IS_BETTER;

  /**
   * @return +1 when higher is better, -1 otherwise: multiply a difference by it to make "better"
   *     positive
   */
  public int sign() {
    return this == HIGHER_IS_BETTER ? 1 : -1;
  }
}
