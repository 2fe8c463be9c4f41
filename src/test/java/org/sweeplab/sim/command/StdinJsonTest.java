package org.sweeplab.sim.command;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A command's stdin without config or upstream outputs is written straight, byte for byte what the
 * tree it replaced writes (the tree still serves the other cases).
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
    assertArrayEquals(sim.stdinJsonTree(ctx, runDir), fast);
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
      assertArrayEquals(
          sim.stdinJsonTree(ctx, runDir),
          sim.stdinJson(ctx, runDir),
          () -> new String(sim.stdinJsonTree(ctx, runDir), StandardCharsets.UTF_8));
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
