package org.sweeplab.sim.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sweeplab.sim.command.CommandTestSupport.command;
import static org.sweeplab.sim.command.CommandTestSupport.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sweeplab.sim.Metrics;
import org.sweeplab.spec.SimulationSpec;

/**
 * What a command receives: argv verbatim, the SWEEP_* environment, the context on stdin, its
 * working directory.
 */
class CommandInputTest {
  @TempDir Path root;

  private static final List<String> HOSTILE =
      List.of(
          "; rm -rf x",
          "$(touch pwned)",
          "`touch pwned2`",
          "it's \"quoted\"",
          "two\nlines",
          "  spaced  out  ",
          "*",
          "$HOME",
          "a|b && c > d");

  @Test
  void hostileValuesArriveVerbatimAsSingleArgumentsAndNothingRuns() throws Exception {
    Map<String, Object> params = new LinkedHashMap<>();
    String[] args = new String[HOSTILE.size()];
    for (int i = 0; i < HOSTILE.size(); i++) {
      params.put("p" + i, HOSTILE.get(i));
      args[i] = "{p" + i + "}";
    }
    FakeRunContext ctx = new FakeRunContext(root, params);
    Files.createDirectories(ctx.runDirPath());
    Files.writeString(ctx.runDirPath().resolve("x"), "must survive");

    Metrics m =
        sim(
                "for a in \"$@\"; do printf '%s\\0' \"$a\"; done > args.bin; echo \"{\\\"n\\\": $#}\"",
                args)
            .run(ctx);

    assertEquals(Map.of("n", (long) HOSTILE.size()), m.values());
    byte[] got = Files.readAllBytes(ctx.runDirPath().resolve("args.bin"));
    List<String> received = Arrays.asList(new String(got, StandardCharsets.UTF_8).split("\0"));
    assertEquals(HOSTILE, received);
    assertTrue(Files.exists(ctx.runDirPath().resolve("x")), "'; rm -rf x' must not have run");
    try (Stream<Path> all = Files.walk(root)) {
      assertEquals(
          List.of(), all.filter(p -> p.getFileName().toString().startsWith("pwned")).toList());
    }
    assertFalse(Files.exists(Path.of("pwned")) || Files.exists(Path.of("pwned2")));
  }

  @Test
  void environmentCarriesParametersRunIdentityAndExpandedUserVariables() throws Exception {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("alpha", 3L);
    params.put("my-rate", 0.25);
    params.put("label", "x y");
    params.put("on", true);
    FakeRunContext ctx = new FakeRunContext(root, params);
    SimulationSpec.Command spec =
        command(
            Map.of("CUSTOM", "a{alpha}-{{lit}}-{seed}"),
            "stdout",
            4096,
            null,
            "printf '%s\\n' \"$SWEEP_PARAM_ALPHA\" \"$SWEEP_PARAM_MY_RATE\" \"$SWEEP_PARAM_LABEL\" \"$SWEEP_PARAM_ON\""
                + " \"$SWEEP_SEED\" \"$SWEEP_RUN_ID\" \"$SWEEP_VARIATION_ID\" \"$SWEEP_REPLICATE\" \"$SWEEP_RUN_DIR\""
                + " \"$CUSTOM\" \"$(pwd -P)\" > env.txt; echo '{}'");

    CommandSimulation.of(spec, params.keySet()).run(ctx);

    Path dir = ctx.runDirPath();
    assertEquals(
        List.of(
            "3",
            "0.25",
            "x y",
            "true",
            "424242",
            "var-0007-run-002",
            "var-0007",
            "2",
            dir.toString(),
            "a3-{lit}-424242",
            dir.toRealPath().toString()),
        Files.readAllLines(dir.resolve("env.txt")));
  }

  @Test
  void stdinHoldsTheRunContextAsOneJsonObject() throws Exception {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("alpha", 3L);
    params.put("beta", 2.0);
    params.put("name", "a\"b");
    FakeRunContext ctx = new FakeRunContext(root, params);

    sim("cat > stdin.json; echo '{\"ok\": true}'").run(ctx);

    List<String> lines = Files.readAllLines(ctx.runDirPath().resolve("stdin.json"));
    assertEquals(1, lines.size());
    JsonNode json = new ObjectMapper().readTree(lines.get(0));
    assertEquals(
        "{\"run_id\":\"var-0007-run-002\",\"variation_id\":\"var-0007\",\"replicate\":2,\"seed\":424242,"
            + "\"params\":{\"alpha\":3,\"beta\":2.0,\"name\":\"a\\\"b\"},\"run_dir\":"
            + new ObjectMapper().writeValueAsString(ctx.runDirPath().toString())
            + ",\"config\":{\"alpha\":3,\"beta\":2.0,\"name\":\"a\\\"b\"}}",
        json.toString());
  }

  @Test
  void programsThatIgnoreStdinNeitherBlockNorFail() throws Exception {
    CommandSimulation sim = sim("echo '{\"x\": 1}'");
    for (int i = 0; i < 30; i++) {
      assertEquals(
          Metrics.of("x", 1L), sim.run(new FakeRunContext(root.resolve("r" + i), Map.of("a", 1L))));
    }
    Map<String, Object> big = Map.of("blob", "z".repeat(100_000));
    assertEquals(Metrics.of("x", 1L), sim.run(new FakeRunContext(root.resolve("big"), big)));
  }

  @Test
  void workdirIsExpandedAndRelativeToTheCurrentDirectory() throws Exception {
    Path work = Files.createDirectories(root.resolve("w-424242"));
    SimulationSpec.Command spec =
        new SimulationSpec.Command(
            CommandTestSupport.sh("pwd -P > here.txt; echo '{}'"),
            null,
            root.resolve("w-{seed}").toString(),
            "stdout",
            1024,
            null);
    CommandSimulation.of(spec).run(new FakeRunContext(root, Map.of()));
    assertEquals(work.toRealPath().toString(), Files.readString(work.resolve("here.txt")).strip());
  }
}
