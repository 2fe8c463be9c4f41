package org.sweeplab.store;

import java.nio.file.Path;
import org.sweeplab.sim.Metrics;
import org.sweeplab.sim.Simulation;
import org.sweeplab.spec.SweepSpec;

/** A sweep run in a child JVM by {@link CrashResumeTest}, which kills it with SIGKILL part-way. */
public final class KillableSweepMain {
  private KillableSweepMain() {}

  static SweepSpec spec() {
    return SweepSpec.builder("crash").simulation("slow").values("a", "x", "y", "z").range("b", 1, 20, 1)
        .replicates(4).seed(99).maxParallel(4).build();
  }

  static final Simulation SIM = ctx -> {
    Thread.sleep(2 + ctx.random().nextInt(4));
    if (ctx.getLong("b") == 13 && ctx.replicate() == 2) {
      throw new IllegalStateException("unlucky 13");
    }
    return Metrics.builder().put("y", ctx.random().nextDouble() * ctx.getLong("b")).put("label", ctx.getString("a"))
        .cost(0.01 * ctx.getLong("b")).build();
  };

  public static void main(String[] args) {
    Sweep.of(spec()).simulation(SIM).output(Path.of(args[0])).ifExists(ExistingOutput.RESUME).run();
  }
}
