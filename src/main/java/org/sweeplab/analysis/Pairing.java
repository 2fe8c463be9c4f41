package org.sweeplab.analysis;

/**
 * Whether two variations are compared run by run (common random numbers) or as independent samples.
 */
public enum Pairing {
  /**
   * Paired when the seed column exists and runs share seeds across variations: every variation
   * holds each seed at most once, and every variation with at least two ok runs shares seeds with
   * the best on at least two runs that cover at least half of its own ok runs (a paired test leaves
   * out at most half of them). A {@link Comparison} of two subsets applies this to both subsets.
   * The default.
   */
  AUTO,
  /** Always paired by seed; fails when the seed column is absent. */
  PAIRED,
  /** Never paired. */
  UNPAIRED
}
