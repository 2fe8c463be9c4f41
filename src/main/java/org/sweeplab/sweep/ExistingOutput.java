package org.sweeplab.sweep;

/**
 * What {@link Sweep#run()} does when the output folder already holds runs of the same sweep (a
 * folder of another sweep is always refused). No policy but {@link #REPLACE} ever deletes a run.
 */
public enum ExistingOutput {
  /**
   * Resume when the folder's {@code sweep.yaml} is the same spec as this one (a notebook cell run
   * again: a finished sweep returns its result at once, an interrupted one runs what is missing);
   * when the spec changed, refuse with one line naming what changed and the choices ({@link
   * #REPLACE}, {@link #RESUME} when the change lets finished runs stand, or another folder). The
   * default of {@link Sweep}.
   */
  RESUME_IF_UNCHANGED,
  /**
   * Refuse, and say how to resume ({@code sweeplab resume DIR}) or choose another folder ({@code
   * --out}): the choice of {@code sweeplab run}.
   */
  FAIL,
  /**
   * Carry on: run only what is missing, as {@link Sweep#resume(java.nio.file.Path)} does; allowed
   * changes of the spec (more replicates, other parameter values, execution settings) apply.
   */
  RESUME,
  /** Delete the folder's sweep files and start again. */
  REPLACE
}
