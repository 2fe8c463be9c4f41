package org.sweeplab.sim;

/**
 * Thrown when a run's cost crosses its per-run cap; the run ends failed with error type {@code
 * BudgetExceeded}.
 */
public class BudgetExceededException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public BudgetExceededException(String message) {
    super(message);
  }
}
