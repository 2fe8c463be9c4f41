package org.sweeplab.sweep;

import java.nio.file.Path;
import org.sweeplab.sim.Metrics;
import org.sweeplab.sim.Simulation;
import org.sweeplab.spec.SweepSpec;

/** A sweep run in a child JVM by {@link CrashResumeTest}, which kills it with SIGKILL part-way. */
public final class KillableSweepMain {
  private KillableSweepMain() {}

  static SweepSpec spec() {
    return SweepSpec.builder("crash")
        .simulation("slow")
        .values("a", "x", "y", "z")
        .range("b", 1, 20, 1)
        .replicates(4)
        .seed(99)
        .maxParallel(4)
        .build();
  }

  static final Simulation SIM =
      ctx -> {
        Thread.sleep(2 + ctx.random().nextInt(4));
        if (ctx.getLong("b") == 13 && ctx.replicate() == 2) {
          throw new IllegalStateException("unlucky 13");
        }
        return Metrics.builder()
            .put("y", ctx.random().nextDouble() * ctx.getLong("b"))
            .put("label", ctx.getString("a"))
            .cost(0.01 * ctx.getLong("b"))
            .build();
      };

  /**
   * 8 runs, 4 at a time, of a command that spends 1 (appending a line to {@code ledger}, outside
   * the sweep), says so on a cost line, then works for {@code $WORK_SECONDS} (default 0) before its
   * result.
   */
  static SweepSpec streamingCosts(Path ledger) {
    return SweepSpec.builder("streaming")
        .command(
            "/bin/sh",
            "-c",
            "echo 1 >> \"$1\"; echo '{\"cost\": 1}';"
                + " sleep $((WORK_SECONDS + 0)); echo '{\"y\": 1}'",
            "sh",
            ledger.toString())
        .range("x", 1, 8, 1)
        .maxParallel(4)
        .budget(org.sweeplab.spec.BudgetSpec.total(100, ""))
        .build();
  }

  /** {@code FOLDER} runs {@link #spec()}; {@code FOLDER LEDGER} runs {@link #streamingCosts}. */
  public static void main(String[] args) {
    if (args.length == 2) {
      Sweep.of(streamingCosts(Path.of(args[1])))
          .output(Path.of(args[0]))
          .ifExists(ExistingOutput.RESUME)
          .run();
      return;
    }
    Sweep.of(spec()).simulation(SIM).output(Path.of(args[0])).ifExists(ExistingOutput.RESUME).run();
  }
}
