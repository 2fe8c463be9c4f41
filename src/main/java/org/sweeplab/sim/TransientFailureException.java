package org.sweeplab.sim;

/**
 * Thrown by a simulation for a failure worth retrying (a flaky service, a lost connection): the run
 * is attempted again, with the same seed, up to {@code execution.retries.max_attempts} times with
 * backoff. A command's exit code in {@code transient_exit_codes} is turned into one. When the last
 * attempt fails too, the run is recorded as failed with the error type {@code TransientFailure}
 * (the name such runs have always had in the journal and results).
 */
public class TransientFailureException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public TransientFailureException(String message) {
    super(message);
  }

  public TransientFailureException(String message, Throwable cause) {
    super(message, cause);
  }
}
