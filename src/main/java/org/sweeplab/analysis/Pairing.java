package org.sweeplab.analysis;

/** Whether two variations are compared run by run (common random numbers) or as independent samples. */
public enum Pairing {
  /**
   * Paired when the seed column exists and runs share seeds across variations: every variation holds each seed at
   * most once, and every variation with at least two ok runs shares seeds with the best on at least two runs and on at
   * least half of the smaller variation's ok runs. The default.
   */
  AUTO,
  /** Always paired by seed; fails when the seed column is absent. */
  PAIRED,
  /** Never paired. */
  UNPAIRED
}
