package org.sweeplab.sim.examples;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Map;
import org.sweeplab.sim.Metrics;
import org.sweeplab.sim.RunContext;
import org.sweeplab.sim.Simulation;

/**
 * A trivial simulation for benchmarks: a few arithmetic operations on its numeric parameters and
 * its seed. Reports {@code value}. With a parameter {@code work_ms}, it first burns that many
 * milliseconds of this thread's CPU time.
 */
public final class BenchSimulation implements Simulation {
  /**
   * The thread bean, only for runs that burn CPU: loading the management classes costs tens of
   * milliseconds at start-up, which a trivial run never needs.
   */
  private static final class Threads {
    static final ThreadMXBean BEAN = ManagementFactory.getThreadMXBean();
  }

  @Override
  public Metrics run(RunContext ctx) {
    double acc = (ctx.seed() % 1000) / 1000.0;
    for (Map.Entry<String, Object> e : ctx.params().entrySet()) {
      if (e.getValue() instanceof Number n && !e.getKey().equals("work_ms")) {
        acc = acc * 1.5 + n.doubleValue();
      }
    }
    Object work = ctx.params().get("work_ms");
    if (work instanceof Number w && w.doubleValue() > 0) {
      acc += burn((long) (w.doubleValue() * 1e6));
    }
    return Metrics.of("value", Math.floor(acc * 1000) / 1000);
  }

  /**
   * Spins until this thread has used {@code nanos} of CPU time; returns a value so the work is not
   * elided.
   */
  private static double burn(long nanos) {
    long end = Threads.BEAN.getCurrentThreadCpuTime() + nanos;
    double x = 0;
    do {
      for (int i = 0; i < 10_000; i++) {
        x += Math.sqrt(i + x) * 1e-9;
      }
    } while (Threads.BEAN.getCurrentThreadCpuTime() < end);
    return x > 1e300 ? 1 : 0;
  }
}
