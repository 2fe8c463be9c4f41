package org.sweeplab.sim.examples;

import java.util.List;
import org.sweeplab.sim.Metrics;
import org.sweeplab.sim.RunContext;
import org.sweeplab.sim.Simulation;

/**
 * Sobol's g-function (Sobol' 1993; Saltelli &amp; Sobol' 1995), a test case of sensitivity analysis
 * with indices known in closed form: {@code y = prod_i (|4 x_i - 2| + a_i) / (1 + a_i)} with a =
 * (0, 1, 4.5, 9, 99, 99, 99, 99), the inputs meant to be uniform on [0, 1]; the smaller a_i, the
 * more x_i matters. Reads the numeric parameters {@code x1 … x8}; reports {@code y}. Deterministic:
 * the seed plays no part.
 */
public final class SobolGSimulation implements Simulation {
  /** The a_i of the usual eight-factor benchmark. */
  public static final List<Double> A = List.of(0.0, 1.0, 4.5, 9.0, 99.0, 99.0, 99.0, 99.0);

  @Override
  public Metrics run(RunContext ctx) {
    double[] x = new double[A.size()];
    for (int i = 0; i < x.length; i++) {
      x[i] = ctx.getDouble("x" + (i + 1));
    }
    return Metrics.of("y", value(x));
  }

  /** The function itself, for the first {@code x.length} a_i. */
  public static double value(double... x) {
    double y = 1;
    for (int i = 0; i < x.length; i++) {
      double a = A.get(i);
      y *= (Math.abs(4 * x[i] - 2) + a) / (1 + a);
    }
    return y;
  }
}
