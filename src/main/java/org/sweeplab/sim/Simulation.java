package org.sweeplab.sim;

/**
 * One run of a model: takes the run's context (parameters, seed, random generator, artifact folder)
 * and returns its metrics. A lambda is enough:
 *
 * <pre>{@code
 * Simulation sim = ctx -> Metrics.of("score", ctx.getDouble("alpha") * ctx.random().nextGaussian());
 * }</pre>
 *
 * <p>Throwing marks the run {@code failed} (its type and message go in the table); throwing {@link
 * TransientFailureException} asks for a retry. Long simulations should call {@link
 * RunContext#checkCancelled()} now and then so that timeouts and interrupts stop them promptly.
 */
@FunctionalInterface
public interface Simulation {
  Metrics run(RunContext ctx) throws Exception;

  /**
   * How a failure of this simulation is classified: the {@code error_type} of its run in the
   * journal and results. By default {@link #typeName(Throwable)}; a simulation that wraps the
   * errors of others names theirs ({@link Pipeline} names the failing stage's error, a scenario
   * wrapper its inner simulation's). Never null or blank.
   *
   * @param error what {@link #run} threw (after its retries)
   */
  default String errorType(Throwable error) {
    return typeName(error);
  }

  /**
   * The default error type: the exception's simple class name (its full name for an anonymous
   * class), and for sweeplab's own signals the name of what happened: {@code BudgetExceeded} for
   * {@link BudgetExceededException}, {@code TransientFailure} for {@link TransientFailureException}
   * (its subclasses keep their own names).
   */
  static String typeName(Throwable error) {
    if (error instanceof BudgetExceededException) {
      return "BudgetExceeded";
    }
    if (error.getClass() == TransientFailureException.class) {
      return "TransientFailure";
    }
    String n = error.getClass().getSimpleName();
    return n.isEmpty() ? error.getClass().getName() : n;
  }
}
