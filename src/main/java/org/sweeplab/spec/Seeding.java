package org.sweeplab.spec;

import java.util.Locale;

/** How run seeds relate across variations. */
public enum Seeding {
  /** Every run gets its own seed, derived from (sweep seed, variation key, replicate). */
  INDEPENDENT,
  /**
   * Common random numbers: replicate r gets the same seed in every variation, for paired
   * comparisons.
   */
  COMMON;

  /** The lower-case name used in specs. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
