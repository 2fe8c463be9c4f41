package org.sweeplab.sim.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sweeplab.sim.command.CommandTestSupport.command;
import static org.sweeplab.sim.command.CommandTestSupport.sim;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sweeplab.sim.Metrics;
import org.sweeplab.sim.RateLimitedException;
import org.sweeplab.sim.TransientFailureException;

/** Results on stdout or in a file, the logs, and how garbage and exit codes fail. */
class CommandOutputTest {
  @TempDir Path root;

  private FakeRunContext ctx() {
    return new FakeRunContext(root, Map.of("alpha", 1L));
  }

  private static String message(Throwable t) {
    return t.getMessage();
  }

  @Test
  void lastJsonObjectLineIsTheResultAndOtherLinesAreLogged() throws Exception {
    FakeRunContext ctx = ctx();
    Metrics m =
        sim("echo starting; echo '{\"score\": 1}'; echo 'oops' >&2;"
                + " echo '{\"score\": 2.5, \"n\": 7, \"name\": \"b\", \"ok\": false, \"gap\": null, \"xs\": [1, {\"a\": 2}]}'")
            .run(ctx);
    assertEquals(
        List.of("score", "n", "name", "ok", "gap", "xs"), List.copyOf(m.values().keySet()));
    assertEquals(2.5, m.values().get("score"));
    assertEquals(7L, m.values().get("n"));
    assertEquals("b", m.values().get("name"));
    assertEquals(false, m.values().get("ok"));
    assertEquals(Double.NaN, m.values().get("gap"));
    assertEquals("[1,{\"a\":2}]", m.values().get("xs"));
    assertTrue(Double.isNaN(m.cost()));
    Path dir = ctx.runDirPath();
    assertEquals("starting\n{\"score\": 1}\n", Files.readString(dir.resolve("stdout.log")));
    assertEquals("oops\n", Files.readString(dir.resolve("stderr.log")));
  }

  @Test
  void oneSimulationServesASweepInThePlaceOfARemovedOne() throws Exception {
    CommandSimulation sim = sim("echo '{\"x\": 1}'");
    Path sweep = root.resolve("sweep");
    assertEquals(Metrics.of("x", 1L), sim.run(new FakeRunContext(sweep, Map.of())));
    assertTrue(Files.isDirectory(sweep.resolve("var-0007").resolve(Spool.FOLDER)));
    try (var all = Files.walk(sweep)) { // the folder removed, spool folder and all
      for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
    assertEquals(Metrics.of("x", 1L), sim.run(new FakeRunContext(sweep, Map.of())));
  }

  @Test
  void quietRunLeavesNoLogs() throws Exception {
    FakeRunContext ctx = ctx();
    assertEquals(Metrics.of("x", 1L), sim("echo '{\"x\": 1}'").run(ctx));
    try (var files = Files.list(ctx.runDirPath())) {
      assertEquals(List.of(), files.toList());
    }
  }

  @Test
  void logsAreCappedWithATruncationMarker() throws Exception {
    FakeRunContext ctx = ctx();
    CommandSimulation sim =
        CommandSimulation.of(
            command(
                null,
                "stdout",
                1000,
                null,
                "head -c 5000 /dev/zero | tr '\\0' e >&2; i=0; while [ $i -lt 300 ]; do echo line$i; i=$((i+1)); done;"
                    + " echo '{\"x\": 1}'"));
    assertEquals(Metrics.of("x", 1L), sim.run(ctx));
    assertEquals(
        "e".repeat(1000) + "\n…[truncated 4000 bytes]\n",
        Files.readString(ctx.runDirPath().resolve("stderr.log")));
    String out = Files.readString(ctx.runDirPath().resolve("stdout.log"));
    assertTrue(out.startsWith("line0\nline1\n"), out);
    long all = 10 * 6 + 90 * 7 + 200 * 8; // "line0\n".."line299\n"
    assertTrue(out.endsWith("\n…[truncated " + (all - 1000) + " bytes]\n"), out.substring(900));
  }

  @Test
  void resultFileInTheRunFolder() throws Exception {
    FakeRunContext ctx = ctx();
    CommandSimulation sim =
        CommandSimulation.of(
            command(
                null,
                "file:out/result.json",
                4096,
                null,
                "mkdir -p out; echo '{\"a\": 2, \"cost\": 0.25}' > out/result.json; echo '{\"ignored\": 1}'"));
    Metrics m = sim.run(ctx);
    assertEquals(Metrics.of("a", 2L).withCost(0.25), m);
    assertEquals(0.25, ctx.cost());
    assertEquals("{\"ignored\": 1}\n", Files.readString(ctx.runDirPath().resolve("stdout.log")));
  }

  @Test
  void resultFileProblemsAreClear() throws Exception {
    FakeRunContext none = new FakeRunContext(root.resolve("none"), Map.of());
    CommandFailedException missing =
        assertThrows(
            CommandFailedException.class,
            () -> CommandSimulation.of(command(null, "file:r.json", 4096, null, "true")).run(none));
    assertEquals(
        "result file 'r.json' was not written in " + none.runDirPath(), missing.getMessage());

    Path outside = Files.writeString(root.resolve("outside.json"), "{\"secret\": 1}");
    FakeRunContext link =
        new FakeRunContext(root.resolve("link"), Map.of("target", outside.toString()));
    CommandFailedException escape =
        assertThrows(
            CommandFailedException.class,
            () ->
                CommandSimulation.of(
                        command(null, "file:r.json", 4096, null, "ln -s \"$1\" r.json", "{target}"))
                    .run(link));
    assertTrue(
        escape
            .getMessage()
            .startsWith(
                "result file 'r.json' resolves to "
                    + outside.toRealPath()
                    + ", outside the run folder"),
        escape.getMessage());
    assertEquals("{\"secret\": 1}", Files.readString(outside));

    FakeRunContext array = new FakeRunContext(root.resolve("array"), Map.of());
    assertEquals(
        "result file 'r.json' holds a JSON array, not a JSON object",
        message(
            assertThrows(
                CommandFailedException.class,
                () ->
                    CommandSimulation.of(
                            command(null, "file:r.json", 4096, null, "echo '[1, 2]' > r.json"))
                        .run(array))));
  }

  @Test
  void garbageOnStdoutFailsClearly() {
    assertEquals(
        "no JSON object on stdout (last line: 'world')",
        message(
            assertThrows(
                CommandFailedException.class,
                () -> sim("echo hello; echo world; echo").run(ctx()))));
    assertEquals(
        "no JSON object on stdout (stdout was empty)",
        message(assertThrows(CommandFailedException.class, () -> sim("true").run(ctx()))));
    assertEquals(
        "no JSON object on stdout (last line: '\\x01\\x02\uFFFD\uFFFD{')",
        message(
            assertThrows(
                CommandFailedException.class,
                () -> sim("printf '\\001\\002\\377\\376{\\n'").run(ctx()))));
    String truncated =
        message(
            assertThrows(
                CommandFailedException.class,
                () -> sim("printf '{\"score\": 1.5, \"name\": \"ab'").run(ctx())));
    assertTrue(
        truncated.startsWith(
            "no JSON object on stdout (last line: '{\"score\": 1.5, \"name\": \"ab'): it starts"
                + " like JSON but does not parse: Unexpected end-of-input"),
        truncated);
    String trailing =
        message(
            assertThrows(
                CommandFailedException.class, () -> sim("echo '{\"a\": 1} junk'").run(ctx())));
    assertTrue(trailing.contains("it starts like JSON but does not parse"), trailing);
  }

  @Test
  void hundredMegabyteLineFailsWithoutHoldingIt() throws Exception {
    FakeRunContext ctx = ctx();
    long before = usedHeap();
    CommandFailedException e =
        assertThrows(
            CommandFailedException.class,
            () ->
                CommandSimulation.of(
                        command(
                            null,
                            "stdout",
                            1 << 16,
                            null,
                            "echo '{\"early\": 1}' >&2; head -c 104857600 /dev/zero | tr '\\0' '{'"))
                    .run(ctx));
    assertTrue(
        e.getMessage().startsWith("no JSON object on stdout (last line: '{{{{"), e.getMessage());
    assertTrue(
        e.getMessage()
            .endsWith(
                "…'): a line of 104857600 bytes, longer than the 1048576-byte limit for a"
                    + " result"),
        e.getMessage());
    assertTrue(usedHeap() - before < 64L << 20, "heap grew by " + (usedHeap() - before));
    assertTrue(Files.size(ctx.runDirPath().resolve("stdout.log")) < (1 << 16) + 100);
  }

  private static long usedHeap() {
    System.gc();
    return Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
  }

  @Test
  void nonZeroExitFailsWithTheTailOfStderr() {
    CommandFailedException e =
        assertThrows(
            CommandFailedException.class,
            () -> sim("echo '{\"x\": 1}'; echo first >&2; echo oops >&2; exit 3").run(ctx()));
    assertEquals("exit code 3: first\noops", e.getMessage());
    assertEquals(3, e.exitCode());
    CommandFailedException longTail =
        assertThrows(
            CommandFailedException.class,
            () ->
                sim("i=0; while [ $i -lt 100 ]; do echo line$i >&2; i=$((i+1)); done; exit 1")
                    .run(ctx()));
    assertTrue(
        longTail.getMessage().startsWith("exit code 1: line80\nline81\n"), longTail.getMessage());
    assertTrue(longTail.getMessage().endsWith("\nline99"), longTail.getMessage());
    assertEquals(
        "exit code 137 (killed by signal 9): (no stderr output)",
        message(assertThrows(CommandFailedException.class, () -> sim("kill -9 $$").run(ctx()))));
  }

  @Test
  void transientExitCodesAskForARetry() {
    TransientFailureException t =
        assertThrows(
            TransientFailureException.class, () -> sim("echo busy >&2; exit 75").run(ctx()));
    assertFalse(t instanceof RateLimitedException);
    assertEquals("exit code 75 (transient): busy", t.getMessage());
    RateLimitedException r =
        assertThrows(
            RateLimitedException.class,
            () -> sim("echo '{\"retry_after\": 1.5}'; exit 75").run(ctx()));
    assertEquals(Duration.ofMillis(1500), r.retryAfter());
    CommandSimulation custom =
        CommandSimulation.of(command(null, "stdout", 4096, List.of(75, 99), "exit 99"));
    assertInstanceOf(
        TransientFailureException.class,
        assertThrows(RuntimeException.class, () -> custom.run(ctx())));
    assertEquals(List.of(75), CommandTestSupport.command("true").transientExitCodes());
  }
}
