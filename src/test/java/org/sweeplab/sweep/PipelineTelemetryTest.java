package org.sweeplab.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sweeplab.sim.Metrics;
import org.sweeplab.sim.Pipeline;
import org.sweeplab.spec.SpecLoader;
import org.sweeplab.spec.SweepSpec;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;

class PipelineTelemetryTest {
  @TempDir Path tmp;

  @Test
  void forecastPipelineKeepsTelemetryAsOneLongTable() {
    SweepSpec spec =
        SpecLoader.load(
            Path.of("data/examples/forecast.yaml"),
            List.of("replicates=1", "parameters.phi=[0.5]", "parameters.length=20"));
    SweepResult r = Sweep.of(spec).output(tmp.resolve("f")).run();
    assertTrue(r.allOk(), r.toString());
    Table runs = r.table();
    assertEquals(5, runs.rowCount());
    assertEquals(ColumnType.DOUBLE, runs.column("rmse").type());
    assertEquals(ColumnType.LONG, runs.column("length").type());
    assertEquals(ColumnType.INTEGER, runs.column("replicate").type());
    assertEquals(ColumnType.LONG, runs.column("seed").type());
    Table t = r.telemetry();
    assertEquals(
        List.of("run_id", "phi", "alpha", "length", "step", "name", "value"), t.columnNames());
    // Each run records the series (y) and the forecast, 20 steps each.
    assertEquals(5 * 40, t.rowCount());
    assertEquals(
        20,
        t.where(
                t.stringColumn("run_id")
                    .isEqualTo("var-0001-run-001")
                    .and(t.stringColumn("name").isEqualTo("y")))
            .rowCount());
    assertEquals(0.5, t.doubleColumn("phi").get(0), 0);
  }

  @Test
  void aMetricNamedLikeAParameterGetsItsOwnColumn() {
    SweepSpec spec = SweepSpec.builder("clash").simulation("c").values("n", 1L, 2L).build();
    SweepResult r =
        Sweep.of(spec)
            .simulation(ctx -> Metrics.of("n", ctx.getLong("n") * 10, "status", "fine"))
            .output(tmp.resolve("c"))
            .run();
    Table t = r.table();
    assertEquals(
        List.of(
            "run_id",
            "variation_id",
            "replicate",
            "seed",
            "n",
            "status",
            "metric.n",
            "metric.status",
            "cost",
            "duration_ms",
            "error_type",
            "error_message"),
        t.columnNames());
    assertEquals(20L, t.longColumn("metric.n").get(1));
    assertTrue(r.warnings().get(0).contains("its column is 'metric.n'"), r.warnings().toString());
  }

  @Test
  void aFailingStageIsNamedAndKeepsItsErrorType() {
    Pipeline p =
        Pipeline.of("simulate", ctx -> Metrics.of("x", ctx.getDouble("a")))
            .then(
                "score",
                ctx -> {
                  if (((Double) ctx.upstream().get("x")) > 1) {
                    throw new ArithmeticException("x too large");
                  }
                  return Metrics.of("score", 1.0);
                });
    SweepSpec spec = SweepSpec.builder("pipe").simulation("p").values("a", 0.5, 2.0).build();
    Table t = Sweep.of(spec).simulation(p).output(tmp.resolve("p")).run().table();
    assertEquals("ok", t.stringColumn("status").get(0));
    assertEquals(1.0, t.doubleColumn("score").get(0), 0);
    assertEquals("failed", t.stringColumn("status").get(1));
    assertEquals("ArithmeticException", t.stringColumn("error_type").get(1));
    assertEquals(
        "stage 'score' failed: ArithmeticException: x too large",
        t.stringColumn("error_message").get(1));
  }
}
