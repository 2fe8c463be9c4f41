package org.sweeplab.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.SparkEnv;
import org.sweeplab.sim.Metrics;
import org.sweeplab.sim.RunContext;
import org.sweeplab.sim.Simulation;

/**
 * Ends the JVM it runs in when {@code x} is 1, as a simulation with a fatal native crash or a stray
 * {@code System.exit} would: on a Spark executor, that executor dies with the task. Each such
 * attempt leaves a file in the folder {@code markers} names, so a test can count Spark's attempts.
 * Outside an executor JVM (the local backend, or Spark's local mode, where the executor is the
 * driver) it fails the run instead. Other runs report {@code y = x * x} and a draw of the run's
 * seeded generator.
 */
public final class ExitingSimulation implements Simulation {
  /** The exit status of the executor it ends. */
  static final int EXIT_STATUS = 3;

  @Override
  public Metrics run(RunContext ctx) throws IOException {
    long x = ctx.getLong("x");
    if (x == 1) {
      SparkEnv env = SparkEnv.get();
      if (env == null || "driver".equals(env.executorId())) {
        throw new IllegalStateException("x = 1 ends its JVM, but this JVM is not a Spark executor");
      }
      Files.createTempFile(Path.of(ctx.getString("markers")), ctx.runId() + "-", ".attempt");
      System.exit(EXIT_STATUS);
    }
    return Metrics.builder().put("y", x * x).put("draw", ctx.random().nextDouble()).build();
  }
}
