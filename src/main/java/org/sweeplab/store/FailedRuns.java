package org.sweeplab.store;

/** Whether a resume runs again the runs that ended failed or timed out. */
public enum FailedRuns {
  /** Keep them as they are (the default). */
  KEEP,
  /**
   * Run them again; the new outcome replaces the old one in results.csv (the journal keeps both).
   */
  RETRY
}
