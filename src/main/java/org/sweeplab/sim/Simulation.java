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
 * TransientFailure} asks for a retry. Long simulations should call {@link
 * RunContext#checkCancelled()} now and then so that timeouts and interrupts stop them promptly.
 */
@FunctionalInterface
public interface Simulation {
  Metrics run(RunContext ctx) throws Exception;
}
