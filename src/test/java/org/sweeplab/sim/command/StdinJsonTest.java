package org.sweeplab.sim.command;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sweeplab.sim.RunContext;

/**
 * A command's stdin is written straight by a generator, byte for byte what a tree of nodes (the way
 * it was written before, kept here as the reference) writes: odd and random parameters, merged
 * scenarios of any shape, upstream outputs; and one line checked against its text.
 */
class StdinJsonTest {
  @TempDir Path tmp;

  private static final Object[] ODD =
      new Object[] {
        0L,
        -1L,
        Long.MIN_VALUE,
        Long.MAX_VALUE,
        0.0,
        -0.0,
        1e-300,
        Double.MAX_VALUE,
        Double.NaN,
        Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY,
        0.1 + 0.2,
        true,
        false,
        null,
        "",
        "plain",
        "quote \" backslash \\ slash / tab \t newline \n nul \0 bell \u0007",
        "é ☃ 𝄞 \u2028 \ud800", // a lone surrogate too
        42, // an Integer: written as a string, like any other type
        java.math.BigDecimal.ONE
      };

  @Test
  void oddValuesAreWrittenAsTheTreeWritesThem() {
    CommandSimulation sim = CommandSimulation.of(CommandTestSupport.command("true"));
    Map<String, Object> params = new LinkedHashMap<>();
    for (int i = 0; i < ODD.length; i++) {
      params.put("p" + i + (i % 3 == 0 ? " \"odd\" name é" : ""), ODD[i]);
    }
    FakeRunContext ctx = new FakeRunContext(tmp, params);
    Path runDir = tmp.resolve("runs").resolve("run \"1\" é");
    byte[] fast = sim.stdinJson(ctx, runDir);
    assertArrayEquals(tree(ctx, runDir), fast);
    assertEquals('\n', fast[fast.length - 1]);
  }

  @Test
  void randomParametersAreWrittenAsTheTreeWritesThem() {
    CommandSimulation sim = CommandSimulation.of(CommandTestSupport.command("true"));
    SplittableRandom random = new SplittableRandom(20261201L);
    for (int round = 0; round < 200; round++) {
      Map<String, Object> params = new LinkedHashMap<>();
      int n = random.nextInt(0, 6);
      for (int i = 0; i < n; i++) {
        Object v =
            switch (random.nextInt(4)) {
              case 0 -> random.nextLong();
              case 1 -> Double.longBitsToDouble(random.nextLong());
              case 2 -> random.nextBoolean();
              default -> randomString(random);
            };
        params.put(randomString(random) + i, v);
      }
      FakeRunContext ctx = new FakeRunContext(tmp, params);
      Path runDir = tmp.resolve(randomString(random).replace('\0', '_') + "x");
      assertWrittenAsTheTree(sim, ctx, runDir);
    }
  }

  @Test
  void scenariosAndUpstreamOutputsAreWrittenAsTheTreeWritesThem() {
    CommandSimulation sim = CommandSimulation.of(CommandTestSupport.command("true"));
    Map<String, Object> inner = new LinkedHashMap<>();
    for (int i = 0; i < ODD.length; i++) {
      inner.put("v" + i, ODD[i]);
    }
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("actors", Map.of("regulator", inner));
    config.put("list", java.util.Arrays.asList(1, 2.5f, null, List.of(), Map.of(), inner));
    config.put("empty", Map.of());
    config.put("big", new java.math.BigInteger("123456789012345678901234567890"));
    Map<String, Map<String, Object>> upstream = new LinkedHashMap<>();
    upstream.put("simulate", inner);
    upstream.put("score \"it\"", Map.of("final", 0.7));
    for (Map<String, Map<String, Object>> up :
        List.of(Map.<String, Map<String, Object>>of(), upstream)) {
      FakeRunContext ctx =
          new FakeRunContext(tmp, Map.of("alpha", 3L)).withConfig(config).withUpstream(up);
      Path runDir = tmp.resolve("run");
      assertWrittenAsTheTree(sim, ctx, runDir);
    }
  }

  private static void assertWrittenAsTheTree(
      CommandSimulation sim, FakeRunContext ctx, Path runDir) {
    assertArrayEquals(
        tree(ctx, runDir),
        sim.stdinJson(ctx, runDir),
        () -> new String(tree(ctx, runDir), StandardCharsets.UTF_8));
  }

  /** The line of docs/commands.md, written out: the order of the fields and their form. */
  @Test
  void aRunsLineReadsAsDocumented() {
    CommandSimulation sim = CommandSimulation.of(CommandTestSupport.command("true"));
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("model.size", 3L);
    params.put("rate", 0.5);
    params.put("name", "a\"b");
    FakeRunContext ctx = new FakeRunContext(tmp, params);
    assertEquals(
        "{\"run_id\":\"var-0007-run-002\",\"variation_id\":\"var-0007\",\"replicate\":2,"
            + "\"seed\":424242,\"params\":{\"model.size\":3,\"rate\":0.5,\"name\":\"a\\\"b\"},"
            + "\"run_dir\":\"/r\",\"config\":{\"model\":{\"size\":3},\"rate\":0.5,\"name\":\"a\\\"b\"}}\n",
        new String(sim.stdinJson(ctx, Path.of("/r")), StandardCharsets.UTF_8));
  }

  /** The stdin line through a tree of nodes, as sweeplab wrote it before (the reference). */
  private static byte[] tree(RunContext ctx, Path runDir) {
    ObjectNode o = CommandStdout.MAPPER.createObjectNode();
    o.put("run_id", ctx.runId());
    o.put("variation_id", ctx.variationId());
    o.put("replicate", ctx.replicate());
    o.put("seed", ctx.seed());
    ObjectNode p = o.putObject("params");
    ctx.params()
        .forEach(
            (name, v) -> {
              if (v instanceof Long l) {
                p.put(name, l);
              } else if (v instanceof Double d) {
                p.put(name, d);
              } else if (v instanceof Boolean b) {
                p.put(name, b);
              } else {
                p.put(name, v == null ? null : String.valueOf(v));
              }
            });
    o.put("run_dir", runDir.toString());
    o.set("config", CommandStdout.MAPPER.valueToTree(ctx.config()));
    if (!ctx.upstreamByStage().isEmpty()) {
      o.set("upstream", CommandStdout.MAPPER.valueToTree(ctx.upstreamByStage()));
    }
    try {
      byte[] json = CommandStdout.MAPPER.writeValueAsBytes(o);
      byte[] line = java.util.Arrays.copyOf(json, json.length + 1);
      line[json.length] = '\n';
      return line;
    } catch (JsonProcessingException e) {
      throw new AssertionError(e);
    }
  }

  private static String randomString(SplittableRandom random) {
    StringBuilder b = new StringBuilder();
    int n = random.nextInt(0, 8);
    for (int i = 0; i < n; i++) {
      int kind = random.nextInt(4);
      b.appendCodePoint(
          switch (kind) {
            case 0 -> random.nextInt(0, 0x20); // control characters
            case 1 -> random.nextInt(0x20, 0x7f);
            case 2 -> random.nextInt(0x80, 0xd800);
            default -> random.nextInt(0x10000, 0x10ffff);
          });
    }
    return b.toString();
  }
}
