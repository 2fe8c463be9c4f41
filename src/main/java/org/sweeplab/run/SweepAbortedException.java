package org.sweeplab.run;

/**
 * The sweep could not go on, e.g. because its journal could not be written; finished runs are kept.
 */
public class SweepAbortedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SweepAbortedException(String message, Throwable cause) {
    super(message, cause);
  }
}
