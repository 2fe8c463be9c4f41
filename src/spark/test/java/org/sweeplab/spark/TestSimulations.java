package org.sweeplab.spark;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import org.sweeplab.sim.Metrics;
import org.sweeplab.sim.RunContext;
import org.sweeplab.sim.Simulation;
import org.sweeplab.sim.TransientFailureException;

/** Simulations for the Spark tests; public so that executors can create them by class name. */
public final class TestSimulations {
  private TestSimulations() {}

  /**
   * The metrics every test simulation reports: they depend on the parameters and the run's seed
   * only.
   */
  static Metrics score(RunContext ctx) {
    long b = ctx.getLong("budget");
    return Metrics.builder()
        .put("score", ctx.random().nextGaussian() + b)
        .put("win", ctx.random().nextBoolean())
        .put("ticks", b * 2)
        .cost(0.25)
        .build();
  }

  /**
   * Not serializable, so the executors create it from the spec's {@code {class: ...}}. One point
   * fails, one run sleeps past any short timeout.
   */
  public static final class Scored implements Simulation {
    @Override
    public Metrics run(RunContext ctx) throws Exception {
      if (ctx.getString("strategy").equals("c") && ctx.getLong("budget") == 10) {
        throw new IllegalStateException("stalled at budget 10");
      }
      if (ctx.getString("strategy").equals("b")
          && ctx.getLong("budget") == 40
          && ctx.replicate() == 1) {
        Thread.sleep(4_000);
      }
      return score(ctx);
    }
  }

  /** How {@link Flaky} fails the first attempt of some runs. */
  enum Crash {
    /** A transient failure: the local backend retries the run. */
    TRANSIENT,
    /** A fatal JVM error: the Spark task fails and Spark retries it. */
    FATAL
  }

  /**
   * Fails the first attempt of replicate 1 of every third budget value, once per run (a marker file
   * per run remembers it), then succeeds with the same metrics as a run that never failed.
   */
  static final class Flaky implements Simulation, Serializable {
    private static final long serialVersionUID = 1L;
    private final String markers;
    private final Crash crash;

    Flaky(Path markers, Crash crash) {
      this.markers = markers.toString();
      this.crash = crash;
    }

    static boolean failsFirst(RunContext ctx) {
      return ctx.getLong("budget") % 30 == 0 && ctx.replicate() == 1;
    }

    @Override
    public Metrics run(RunContext ctx) throws IOException {
      if (failsFirst(ctx)) {
        Path marker = Path.of(markers, ctx.runId());
        if (!Files.exists(marker)) {
          Files.createFile(marker);
          if (crash == Crash.FATAL) {
            throw new InternalError("simulated executor crash in " + ctx.runId());
          }
          throw new TransientFailureException("simulated transient failure in " + ctx.runId());
        }
      }
      return score(ctx);
    }
  }

  /** Costs 1.0 per run. */
  static final class Costly implements Simulation, Serializable {
    private static final long serialVersionUID = 1L;

    @Override
    public Metrics run(RunContext ctx) {
      return Metrics.builder().put("x", ctx.getLong("budget") * 1.5).cost(1.0).build();
    }
  }

  /**
   * Hits a fatal JVM error in every attempt of one run (strategy b, budget 20, replicate 2); the
   * others score.
   */
  static final class Doomed implements Simulation, Serializable {
    private static final long serialVersionUID = 1L;

    static boolean doomed(RunContext ctx) {
      return ctx.getString("strategy").equals("b")
          && ctx.getLong("budget") == 20
          && ctx.replicate() == 2;
    }

    @Override
    public Metrics run(RunContext ctx) {
      if (doomed(ctx)) {
        throw new InternalError("simulated fatal error in " + ctx.runId());
      }
      return score(ctx);
    }
  }
}
