package org.sweeplab.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sweeplab.spec.SpecLoader;
import tech.tablesaw.api.Table;

/** Issue 12, item 10: the workflow examples run as documented, with /bin/sh (and awk) only. */
class WorkflowExamplesTest {
  @TempDir Path tmp;

  @Test
  void llmScenarioRunsWithinItsBudgetAndHonoursRetryAfter() throws IOException {
    SweepResult r =
        Sweep.of(SpecLoader.load(Path.of("data/examples/llm-scenario.yaml")))
            .output(tmp.resolve("llm"))
            .run();
    assertTrue(r.allOk(), r.toString());
    Table t = r.table();
    assertEquals(12, t.rowCount());
    // The stand-in read the models from config.json: the columns it printed match the swept
    // parameters.
    assertEquals(
        t.stringColumn("actors.regulator.model").asList(), t.stringColumn("regulator").asList());
    assertEquals(t.stringColumn("actors.firm.model").asList(), t.stringColumn("firm").asList());
    assertTrue(r.session().retries() > 0, "some runs were asked to retry after 0.2 s");
    JsonNode config =
        new ObjectMapper().readTree(tmp.resolve("llm/runs/var-0003-run-001/config.json").toFile());
    assertEquals("claude-3-haiku", config.at("/actors/regulator/model").asText());
    assertEquals(
        "ambitious",
        config.at("/actors/firm/persona").asText(),
        "the base file's other keys are kept");
    assertTrue(r.totalCost() < 0.5);
  }

  @Test
  void forecastCommandPipelinePassesOutputsAndTelemetry() {
    SweepResult r =
        Sweep.of(SpecLoader.load(Path.of("data/examples/forecast-commands.yaml")))
            .output(tmp.resolve("fc"))
            .run();
    Table t = r.table();
    assertEquals(
        List.of("ok", "ok", "failed", "failed", "ok", "ok"), t.stringColumn("status").asList());
    // simulate: h <- 0.9 h + 0.08, five times from 0.6 gives 0.681902 (exact rational arithmetic),
    // printed as 0.6819.
    assertEquals(0.6819, t.doubleColumn("final_hope").get(0), 0);
    // forecast from 0.6819: p <- 0.95 p + 0.04 five times gives 0.7086164... (exact rational
    // arithmetic, Python fractions), printed as 0.7086; score |a - p|.
    assertEquals(0.7086, t.doubleColumn("predicted").get(0), 0);
    assertEquals(0.0267, t.doubleColumn("abs_error").get(0), 1e-12);
    Table tel = r.telemetry();
    assertEquals(
        4 * 20 + 2 * 8,
        tel.rowCount()); // 5 hope + 15 forecast points per ok run; 8 hope per failed run
  }
}
