package org.sweeplab.sim;

/**
 * The former name of {@link TransientFailureException}, kept only until the command simulations
 * ({@code org.sweeplab.sim.command}) throw the new one; it is one, and is retried and recorded the
 * same way.
 *
 * @deprecated throw {@link TransientFailureException}
 */
@Deprecated(forRemoval = true)
public class TransientFailure extends TransientFailureException {
  private static final long serialVersionUID = 1L;

  public TransientFailure(String message) {
    super(message);
  }

  public TransientFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
