package org.sweeplab.sweep;

/** What {@link Sweep#run()} does when the output folder already holds runs of the same sweep. */
public enum ExistingOutput {
  /**
   * Refuse, and say how to resume or choose another folder (the default: nothing is ever
   * overwritten by accident).
   */
  FAIL,
  /** Carry on: run only what is missing, as {@link Sweep#resume(java.nio.file.Path)} does. */
  RESUME,
  /** Delete the folder's sweep files and start again. */
  REPLACE
}
