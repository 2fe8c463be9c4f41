package org.sweeplab.sim.examples;

import org.sweeplab.sim.Metrics;
import org.sweeplab.sim.RunContext;
import org.sweeplab.sim.Simulation;

/**
 * The Ishigami function (Ishigami &amp; Homma 1990), a test case of sensitivity analysis whose
 * Sobol indices are known in closed form: {@code y = sin(x1) + a sin(x2)^2 + b x3^4 sin(x1)} with a
 * = 7, b = 0.1, the inputs meant to be uniform on [-π, π]. Reads the numeric parameters {@code x1,
 * x2, x3}; reports {@code y}. Deterministic: the seed plays no part.
 */
public final class IshigamiSimulation implements Simulation {
  /** The constants of the usual benchmark. */
  public static final double A = 7;

  public static final double B = 0.1;

  @Override
  public Metrics run(RunContext ctx) {
    return Metrics.of("y", value(ctx.getDouble("x1"), ctx.getDouble("x2"), ctx.getDouble("x3")));
  }

  /** The function itself. */
  public static double value(double x1, double x2, double x3) {
    double s2 = Math.sin(x2);
    return Math.sin(x1) + A * s2 * s2 + B * Math.pow(x3, 4) * Math.sin(x1);
  }
}
