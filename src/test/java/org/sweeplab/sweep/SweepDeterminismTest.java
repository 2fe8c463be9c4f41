package org.sweeplab.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sweeplab.run.RunStatus;
import org.sweeplab.sim.Metrics;
import org.sweeplab.sim.Simulation;
import org.sweeplab.spec.SweepSpec;
import org.sweeplab.store.TestCsv;
import tech.tablesaw.api.Table;

public class SweepDeterminismTest {
  @TempDir Path tmp;

  static SweepSpec spec(int parallel) {
    return SweepSpec.builder("determinism")
        .simulation("custom")
        .values("strategy", "a", "b", "c")
        .range("budget", 10, 40, 10)
        .uniform("unused", 0, 1)
        .replicates(3)
        .seed(42)
        .maxParallel(parallel)
        .build()
        .withDesign(org.sweeplab.spec.Design.grid());
  }

  static final Simulation SIM =
      ctx -> {
        // Vary the run time so completion order differs from plan order.
        Thread.sleep(ctx.random().nextInt(3));
        if (ctx.getString("strategy").equals("c") && ctx.getLong("budget") == 10) {
          throw new IllegalStateException("stalled at budget " + ctx.getLong("budget"));
        }
        return Metrics.builder()
            .put("score", ctx.random().nextGaussian() + ctx.getLong("budget"))
            .put("win", ctx.random().nextBoolean())
            .put("ticks", ctx.getLong("budget") * 2)
            .cost(0.25)
            .build();
      };

  @ParameterizedTest
  @ValueSource(ints = {1, 8})
  void resultsDoNotDependOnParallelism(int parallel) throws IOException {
    SweepSpec base =
        SweepSpec.builder("determinism")
            .simulation("custom")
            .values("strategy", "a", "b", "c")
            .range("budget", 10, 40, 10)
            .replicates(3)
            .seed(42)
            .build();
    SweepResult one =
        Sweep.of(base.withExecution(base.execution().withMaxParallel(1)))
            .simulation(SIM)
            .output(tmp.resolve("p1"))
            .run();
    SweepResult many =
        Sweep.of(base.withExecution(base.execution().withMaxParallel(parallel)))
            .simulation(SIM)
            .output(tmp.resolve("pn"))
            .run();
    assertEquals(withoutDuration(one.outputDir()), withoutDuration(many.outputDir()));
    assertEquals(36, one.planned());
    assertEquals(3, one.count(RunStatus.FAILED));
    assertEquals(33, one.count(RunStatus.OK));
    Table t = one.table();
    assertEquals(36, t.rowCount());
    assertEquals(
        List.of(
            "run_id",
            "variation_id",
            "replicate",
            "seed",
            "strategy",
            "budget",
            "status",
            "score",
            "win",
            "ticks",
            "cost",
            "duration_ms",
            "error_type",
            "error_message"),
        t.columnNames());
    assertEquals("IllegalStateException", t.stringColumn("error_type").get(24));
    assertTrue(Files.exists(one.outputDir().resolve("runs/var-0009-run-001/error.txt")));
  }

  /**
   * A plan of several chunks of results.csv written while the runs go (ResultsStream), with
   * variations across chunk boundaries and a failure in the middle: the same file at any
   * parallelism, and the same after a resume that finishes an interrupted sweep.
   */
  @ParameterizedTest
  @ValueSource(ints = {2, 4})
  void streamedResultsDoNotDependOnParallelismOrResume(int parallel) throws IOException {
    SweepSpec base =
        SweepSpec.builder("streamed")
            .simulation("custom")
            .values("strategy", "a", "b", "c")
            .replicates(9_000)
            .seed(7)
            .build();
    Simulation sim =
        ctx -> {
          if (ctx.replicate() == 4_321 && ctx.getString("strategy").equals("b")) {
            throw new IllegalStateException("boom");
          }
          return Metrics.of("score", ctx.random().nextDouble(), "n", (long) ctx.replicate());
        };
    SweepResult one =
        Sweep.of(base.withExecution(base.execution().withMaxParallel(1)))
            .simulation(sim)
            .output(tmp.resolve("one"))
            .run();
    SweepResult many =
        Sweep.of(base.withExecution(base.execution().withMaxParallel(parallel)))
            .simulation(sim)
            .output(tmp.resolve("many"))
            .run();
    assertEquals(27_000, one.planned());
    assertEquals(1, one.count(RunStatus.FAILED));
    assertEquals(withoutDuration(one.outputDir()), withoutDuration(many.outputDir()));

    // The second half of the journal lost (a kill): a resume runs it and writes the same file.
    Path cut = tmp.resolve("cut");
    Files.createDirectories(cut);
    Files.copy(one.outputDir().resolve("sweep.yaml"), cut.resolve("sweep.yaml"));
    List<String> lines = Files.readAllLines(one.outputDir().resolve("runs.jsonl"));
    Files.write(cut.resolve("runs.jsonl"), lines.subList(0, 13_000));
    SweepResult resumed = Sweep.resuming(cut).simulation(sim).run();
    assertEquals(14_000, resumed.session().done());
    assertEquals(withoutDuration(one.outputDir()), withoutDuration(cut));
  }

  public static String withoutDuration(Path dir) throws IOException {
    return TestCsv.withoutColumn(dir.resolve("results.csv"), "duration_ms");
  }
}
