package org.sweeplab.sim;

import java.util.Map;

/**
 * A trivial simulation for benchmarks: a few arithmetic operations on its numeric parameters and its seed. Reports
 * {@code value}.
 */
public final class BenchSimulation implements Simulation {
  @Override
  public Metrics run(RunContext ctx) {
    double acc = (ctx.seed() % 1000) / 1000.0;
    for (Map.Entry<String, Object> e : ctx.params().entrySet()) {
      if (e.getValue() instanceof Number n) {
        acc = acc * 1.5 + n.doubleValue();
      }
    }
    return Metrics.of("value", Math.floor(acc * 1000) / 1000);
  }
}
