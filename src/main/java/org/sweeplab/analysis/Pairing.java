package org.sweeplab.analysis;

/** Whether two variations are compared run by run (common random numbers) or as independent samples. */
public enum Pairing {
  /**
   * Paired when the seed column exists and runs share seeds across variations: every variation holds each seed at
   * most once, and the two variations compared have at least two ok runs with a common seed. The default.
   */
  AUTO,
  /** Always paired by seed; fails when the seed column is absent. */
  PAIRED,
  /** Never paired. */
  UNPAIRED
}
