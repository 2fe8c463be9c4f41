package org.sweeplab.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sweeplab.sim.Metrics;
import org.sweeplab.spec.SpecException;
import org.sweeplab.spec.SpecLoader;
import org.sweeplab.spec.SweepSpec;
import tech.tablesaw.api.Table;

/**
 * Issue 12, items 1-4: a run sees its merged scenario, command stages see earlier stages, commands
 * record telemetry, each run folder gets result.json, metadata reaches summary.json.
 */
class WorkflowSweepTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  static final String LLM =
      """
      name: llm
      simulation:
        command: [/bin/sh, -c, "m=$(sed -n 's/.*\\"model\\" : \\"\\\\([^\\"]*\\\\)\\".*/\\\\1/p' {config} | head -n 1); \
      cat > stdin.json; printf '{\\"first_model\\": \\"%s\\"}\\n' \\"$m\\""]
      base:
        actors:
          regulator: {model: gpt-4o-mini, temperature: 0.2}
        rounds: 10
      parameters:
        actors.regulator.model: [gpt-4o-mini, claude-3-haiku]
      replicates: 2
      seed: 7
      metadata: {study: actors, owner: lab}
      """;

  @Test
  void aCommandGetsTheMergedScenarioAsAFileAndOnStdin() throws IOException {
    SweepSpec spec = SpecLoader.parse(LLM, "llm.yaml");
    SweepResult r = Sweep.of(spec).output(tmp.resolve("llm")).run();
    assertTrue(r.allOk(), r.toString());
    Table t = r.table();
    assertEquals(
        List.of("gpt-4o-mini", "gpt-4o-mini", "claude-3-haiku", "claude-3-haiku"),
        t.stringColumn("first_model").asList());
    Path run = tmp.resolve("llm/runs/var-0002-run-001");
    JsonNode config = JSON.readTree(run.resolve("config.json").toFile());
    assertEquals(
        "{\"actors\":{\"regulator\":{\"model\":\"claude-3-haiku\",\"temperature\":0.2}},\"rounds\":10}",
        config.toString());
    assertEquals(config, JSON.readTree(run.resolve("stdin.json").toFile()).get("config"));

    // result.json (on by default for commands): parameters, metrics, status, seed, attempts,
    // metadata.
    JsonNode rec = JSON.readTree(run.resolve("result.json").toFile());
    assertEquals("ok", rec.get("status").asText());
    assertEquals("claude-3-haiku", rec.get("parameters").get("actors.regulator.model").asText());
    assertEquals("claude-3-haiku", rec.get("metrics").get("first_model").asText());
    assertEquals(t.longColumn("seed").get(2), rec.get("seed").asLong());
    assertEquals(1, rec.get("attempts").asInt());
    assertTrue(rec.get("error").isNull());
    assertEquals("{\"study\":\"actors\",\"owner\":\"lab\"}", rec.get("metadata").toString());
    // metadata also in summary.json, as the last key.
    JsonNode summary = JSON.readTree(tmp.resolve("llm/summary.json").toFile());
    assertEquals(rec.get("metadata"), summary.get("metadata"));
  }

  @Test
  void javaSimulationsSeeTheMergedScenarioAndSeedsFollowTheMergedValues() {
    SweepSpec spec =
        SpecLoader.parse(LLM, "llm.yaml")
            .withSimulation(new org.sweeplab.spec.SimulationSpec.Named("mine"));
    Map<String, Object> seen = new ConcurrentHashMap<>();
    SweepResult r =
        Sweep.of(spec)
            .simulation(
                ctx -> {
                  seen.put(ctx.runId(), ctx.config());
                  return Metrics.of("rounds", ((Number) ctx.config().get("rounds")).longValue());
                })
            .output(tmp.resolve("java"))
            .run();
    assertTrue(r.allOk());
    assertEquals(
        "{actors={regulator={model=claude-3-haiku, temperature=0.2}}, rounds=10}",
        seen.get("var-0002-run-001").toString());
    // Same spec, same seeds as the command sweep: seeds come from the merged values, not from the
    // simulation.
    SweepResult again =
        Sweep.of(SpecLoader.parse(LLM, "llm.yaml")).output(tmp.resolve("cmd")).run();
    assertEquals(r.table().longColumn("seed").asList(), again.table().longColumn("seed").asList());
  }

  @Test
  void resumeRefusesAChangedBase() {
    SweepSpec spec = SpecLoader.parse(LLM, "llm.yaml");
    Sweep.of(spec).output(tmp.resolve("r")).run();
    SweepSpec changed = SpecLoader.parse(LLM.replace("rounds: 10", "rounds: 11"), "llm.yaml");
    assertThrows(
        SpecException.class,
        () -> Sweep.of(changed).output(tmp.resolve("r")).ifExists(ExistingOutput.RESUME).run());
    SweepResult resumed = Sweep.resuming(tmp.resolve("r")).run();
    assertEquals(4, resumed.planned());
    assertTrue(resumed.allOk());
  }

  static final String PIPELINE =
      """
      name: pipe
      simulation:
        pipeline:
          - stage: simulate
            command: [/bin/sh, -c, "echo '{\\"telemetry\\": {\\"step\\": 0, \\"hope\\": 0.5} }'; \
      echo '{\\"telemetry\\": {\\"hope\\": 0.7, \\"fear\\": 0.1} }'; echo '{\\"final_hope\\": 0.7}'"]
          - stage: forecast
            command: [/bin/sh, -c, "cat > stdin.json; printf 'step,name,value\\n5,level,2.5\\n' > telemetry.csv; \
      echo \\"{\\\\\\"arg\\\\\\": $1, \\\\\\"env\\\\\\": $SWEEP_UPSTREAM_SIMULATE_FINAL_HOPE}\\"", sh, "{simulate.final_hope}"]
      parameters: {k: [1]}
      """;

  @Test
  void commandStagesSeeEarlierOutputsAndRecordTelemetry() throws IOException {
    SweepSpec spec = SpecLoader.parse(PIPELINE, "pipe.yaml");
    SweepResult r = Sweep.of(spec).output(tmp.resolve("p")).run();
    assertTrue(r.allOk(), r.toString() + r.table().print());
    Table t = r.table();
    assertEquals(0.7, t.doubleColumn("arg").get(0), 0);
    assertEquals(0.7, t.doubleColumn("env").get(0), 0);
    JsonNode stdin = JSON.readTree(tmp.resolve("p/runs/var-0001-run-001/stdin.json").toFile());
    assertEquals("{\"simulate\":{\"final_hope\":0.7}}", stdin.get("upstream").toString());
    Table tel = r.telemetry();
    assertEquals("[0:hope=0.5, 1:hope=0.7, 1:fear=0.1, 5:level=2.5]", points(tel));
    JsonNode rec = JSON.readTree(tmp.resolve("p/runs/var-0001-run-001/result.json").toFile());
    assertEquals(4, rec.get("telemetry").get("points").asInt());
    assertEquals(0.7, rec.get("telemetry").get("names").get("hope").get("last").asDouble(), 0);
    assertEquals(0.5, rec.get("telemetry").get("names").get("hope").get("min").asDouble(), 0);
  }

  private static String points(Table tel) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < tel.rowCount(); i++) {
      sb.append(i == 0 ? "" : ", ")
          .append(tel.longColumn("step").get(i))
          .append(':')
          .append(tel.stringColumn("name").get(i))
          .append('=')
          .append(tel.doubleColumn("value").get(i));
    }
    return sb.append(']').toString();
  }

  @Test
  void placeholdersAreCheckedAtPlanNamingTheStageAndKey() {
    SweepSpec spec =
        SpecLoader.parse(PIPELINE.replace("{simulate.final_hope}", "{final_hope}"), "pipe.yaml");
    SpecException e =
        assertThrows(
            SpecException.class, () -> Sweep.of(spec).output(tmp.resolve("x")).preflight());
    assertEquals(
        "simulation.pipeline[1].command: stage 'forecast' uses unknown placeholder '{final_hope}'; valid"
            + " names are seed, run_id, variation_id, replicate, run_dir, config, k; an earlier stage's output is"
            + " written {STAGE.KEY}, e.g. {simulate.final_hope} (earlier stages: simulate) (write '{{' and '}}' for"
            + " literal braces)",
        e.getMessage());
    assertFalse(Files.exists(tmp.resolve("x")), "nothing written");
    SweepSpec later =
        SpecLoader.parse(PIPELINE.replace("{simulate.final_hope}", "{forecast.x}"), "pipe.yaml");
    assertThrows(SpecException.class, () -> Sweep.of(later).output(tmp.resolve("y")).preflight());
  }

  @Test
  void aBuiltInStageOutputIsCheckedAgainstItsDeclaredMetrics() {
    SweepSpec spec =
        SpecLoader.parse(
            """
        name: f
        simulation:
          pipeline:
            - forecast-simulate
            - {stage: report, command: [echo, "{forecast-simulate.series_rsm}"]}
        parameters: {phi: [0.5]}
        """,
            "f.yaml");
    SpecException e =
        assertThrows(
            SpecException.class, () -> Sweep.of(spec).output(tmp.resolve("f")).preflight());
    assertTrue(
        e.getMessage()
            .contains(
                "stage 'forecast-simulate' gives no output 'series_rsm' (did you mean"
                    + " 'series_rms'?)"),
        e.getMessage());
  }

  @Test
  void badTelemetryFailsTheRunWithTheLine() {
    SweepSpec spec =
        SpecLoader.parse(
            """
        name: bad
        simulation: {command: [/bin/sh, -c, "echo '{\\"telemetry\\": {\\"hope\\": \\"high\\"} }'; echo '{\\"y\\": 1}'"]}
        parameters: {k: [1]}
        """,
            "b.yaml");
    SweepResult r = Sweep.of(spec).output(tmp.resolve("b")).run();
    Table t = r.table();
    assertEquals("failed", t.stringColumn("status").get(0));
    assertTrue(
        t.stringColumn("error_message")
            .get(0)
            .contains("telemetry line 1 on stdout: 'hope' is \"high\"," + " not a number"),
        t.stringColumn("error_message").get(0));
    assertEquals("IllegalArgumentException", t.stringColumn("error_type").get(0));
  }

  @Test
  void runRecordsFollowTheSetting() throws IOException {
    SweepSpec java = SweepSpec.builder("j").simulation("m").values("x", 1L).build();
    Sweep.of(java).simulation(ctx -> Metrics.of("y", 1)).output(tmp.resolve("off")).run();
    assertFalse(
        Files.exists(tmp.resolve("off/runs/var-0001-run-001/result.json")),
        "off by default for Java");
    Sweep.of(java.withRunRecords(org.sweeplab.spec.RunRecords.ON))
        .simulation(
            ctx -> {
              throw new IllegalStateException("boom");
            })
        .output(tmp.resolve("on"))
        .run();
    JsonNode rec = JSON.readTree(tmp.resolve("on/runs/var-0001-run-001/result.json").toFile());
    assertEquals("failed", rec.get("status").asText());
    assertEquals("IllegalStateException", rec.get("error").get("type").asText());
    assertEquals("error.txt", rec.get("error").get("traceback").asText());
    assertNull(rec.get("metrics").get("y"));
  }
}
