package org.sweeplab.sim;

/** Thrown by a simulation for a failure worth retrying (a flaky service, a lost connection). */
public class TransientFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public TransientFailure(String message) {
    super(message);
  }

  public TransientFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
