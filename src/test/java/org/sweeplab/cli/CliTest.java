package org.sweeplab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/**
 * The command line as a user meets it: exit codes, and one clear line per error (no stack trace).
 */
class CliTest {
  @TempDir Path tmp;

  record Result(int code, String out, String err) {}

  Result run(String... args) {
    CommandLine cl = Main.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int code = cl.execute(args);
    return new Result(code, out.toString(), err.toString());
  }

  Path spec(String name, String yaml) throws IOException {
    Path p = tmp.resolve(name);
    Files.writeString(p, yaml);
    return p;
  }

  static final String GOOD =
      "name: small\nsimulation: tournament\nparameters:\n  strategy: [greedy, mcts]\n"
          + "  difficulty: [easy]\n  tick_budget: [200]\nreplicates: 2\nseed: 1\n";

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "unknown key | name: s\\nsimulation: bench\\nparameters: {x: [1]}\\nreplicats: 2\\n"
            + " | bad.yaml:4:1: replicats: unknown key 'replicats' at the top level (did you mean 'replicates'?)",
        "unknown simulation | name: s\\nsimulation: tournamnet\\nparameters: {x: [1]}\\n"
            + " | bad.yaml:2:1: simulation: unknown simulation 'tournamnet' (did you mean 'tournament'?)",
        "wrong step sign | name: s\\nsimulation: bench\\nparameters:\\n  x: {type: range, start: 10, stop: 1, step: 2}\\n"
            + " | bad.yaml:4:46: parameters.x.step: Parameter 'x' range step 2 has the wrong sign",
        "java tag | name: s\\nsimulation: bench\\nparameters: {x: !!java.io.File [/etc/passwd]}\\n"
            + " | bad.yaml:3",
        "lhs needs a distribution | name: s\\nsimulation: bench\\nparameters: {x: [1, 2]}\\ndesign: {type: lhs, samples: 4}\\n"
            + " | bad.yaml:4:10: design.type: design 'lhs' needs at least one distribution parameter",
        "too many samples | name: s\\nsimulation: bench\\nparameters: {x: [1, 2]}\\ndesign: {type: random, samples: 5}\\n"
            + " | bad.yaml:4:24: design.samples",
        "empty list | name: s\\nsimulation: bench\\nparameters: {x: []}\\n | bad.yaml:3:",
        "wrong type | name: s\\nsimulation: bench\\nparameters: {x: [1]}\\nreplicates: three\\n"
            + " | bad.yaml:4:13: replicates: expected an integer"
      })
  void badSpecsGiveOneClearLineAndExitCode2(String what, String yaml, String expected)
      throws IOException {
    Path bad = spec("bad.yaml", yaml.replace("\\n", "\n"));
    Result r = run("run", bad.toString(), "--out", tmp.resolve("out").toString(), "--quiet");
    assertEquals(2, r.code(), r.err());
    String line = r.err().strip();
    assertTrue(line.startsWith("error: " + tmp + "/"), what + ": " + line);
    assertTrue(line.contains(expected.strip()), what + ": " + line);
    assertFalse(line.contains("\tat "), "no stack trace: " + line);
    assertEquals(1, line.lines().count(), "one line: " + line);
  }

  @Test
  void onlyTheInvokedSubcommandIsBuiltAndEveryOtherStartBuildsAll() {
    for (var e : SweeplabCommand.SUBCOMMANDS.entrySet()) {
      var only = Main.commandLine(e.getKey()).getSubcommands();
      assertEquals(List.of(e.getKey()), List.copyOf(only.keySet()), "the names agree");
    }
    List<String> all = List.copyOf(SweeplabCommand.SUBCOMMANDS.keySet());
    for (String first : new String[] {null, "--help", "rn", "-V"}) {
      assertEquals(all, List.copyOf(Main.commandLine(first).getSubcommands().keySet()), first);
    }
  }

  @Test
  void resumingASweepOfCodeSaysWhatToPass() {
    Path out = tmp.resolve("code");
    org.sweeplab.sweep.Sweep.of(
            org.sweeplab.spec.SweepSpec.builder("notebook").range("x", 1, 2, 1).build(),
            ctx -> org.sweeplab.sim.Metrics.of("y", 1.0))
        .output(out)
        .run();
    Result r = run("resume", out.toString(), "--quiet");
    assertEquals(2, r.code(), r.err());
    assertEquals(
        "error: sweep 'notebook' in "
            + out
            + " ran a simulation given in code (lambda), which sweep.yaml cannot hold; resume it"
            + " from Java with Sweep.resuming(Path.of(\""
            + out
            + "\")).simulation(...), passing the same code\n",
        r.err());
  }

  @Test
  void outputFolderThatIsAFileIsRefused() throws IOException {
    Path file = Files.writeString(tmp.resolve("taken"), "x");
    Result r = run("run", spec("ok.yaml", GOOD).toString(), "--out", file.toString(), "--quiet");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("is an existing file, not a folder"), r.err());
  }

  @Test
  void outputFolderOfAnotherSweepIsRefused() throws IOException {
    Path out = tmp.resolve("out");
    assertEquals(
        0, run("run", spec("ok.yaml", GOOD).toString(), "--out", out.toString(), "--quiet").code());
    Result r =
        run(
            "run",
            spec("other.yaml", GOOD.replace("name: small", "name: other")).toString(),
            "--out",
            out.toString(),
            "--quiet");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("belongs to a different sweep, 'small'"), r.err());
  }

  @Test
  void runThenRunAgainSaysHowToResume() throws IOException {
    Path out = tmp.resolve("out");
    Path ok = spec("ok.yaml", GOOD);
    Result first = run("run", ok.toString(), "--out", out.toString(), "--quiet");
    assertEquals(0, first.code(), first.err());
    assertTrue(first.out().contains("4 of 4 planned runs done"), first.out());
    Result again = run("run", ok.toString(), "--out", out.toString(), "--quiet");
    assertEquals(2, again.code());
    assertTrue(again.err().contains("sweeplab resume " + out), again.err());
    Result resume = run("resume", out.toString(), "--quiet");
    assertEquals(0, resume.code(), resume.err());
    Result status = run("status", out.toString());
    assertEquals(0, status.code());
    assertTrue(status.out().contains("planned 4  finished 4  missing 0"), status.out());
  }

  @Test
  void failedRunsGiveExitCode1AndSaySo() throws IOException {
    Path s =
        spec(
            "harsh.yaml",
            GOOD.replace("difficulty: [easy]", "difficulty: [extreme]")
                .replace("tick_budget: [200]", "tick_budget: [50]")
                .replace("replicates: 2", "replicates: 10"));
    Result r = run("run", s.toString(), "--out", tmp.resolve("out").toString(), "--quiet");
    assertEquals(1, r.code());
    assertTrue(
        r.out().contains("runs did not end ok; see error_type and error_message in results.csv"),
        r.out());
  }

  @Test
  void overridesAndPlan() throws IOException {
    Result r =
        run(
            "plan",
            spec("ok.yaml", GOOD).toString(),
            "--set",
            "replicates=3",
            "--set",
            "parameters.strategy=[a,b,c]");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("3 variations x 3 replicates = 9 runs"), r.out());
    Result bad = run("plan", spec("ok2.yaml", GOOD).toString(), "--set", "replicatse=3");
    assertEquals(2, bad.code());
    assertTrue(bad.err().contains("did you mean 'replicates'"), bad.err());
  }

  @Test
  void usageErrorsQuoteTheToken() {
    Result r = run("plan", "data/examples/mmc.yaml", "--frobnicate");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("Unknown option: '--frobnicate'"), r.err());
    Result missing = run("resume", tmp.resolve("nowhere").toString());
    assertEquals(2, missing.code());
    assertTrue(missing.err().contains("is not a sweep output folder"), missing.err());
  }

  @Test
  void everyExampleSpecPlans() throws IOException {
    List<Path> examples = new ArrayList<>();
    try (var s = Files.list(Path.of("data/examples"))) {
      s.filter(p -> p.toString().endsWith(".yaml")).forEach(examples::add);
    }
    assertTrue(examples.size() >= 5);
    for (Path p : examples) {
      Result r = run("plan", p.toString());
      assertEquals(0, r.code(), p + ": " + r.err());
    }
  }

  @Test
  void everyExampleSpecRuns() throws IOException {
    try (var s = Files.list(Path.of("data/examples"))) {
      for (Path p : s.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
        List<String> args =
            new ArrayList<>(
                List.of(
                    "run",
                    p.toString(),
                    "--quiet",
                    "--out",
                    tmp.resolve(p.getFileName().toString()).toString()));
        if (p.getFileName().toString().equals("bench.yaml")) {
          // The million-run benchmark, cut to a thousand runs here.
          args.addAll(
              List.of(
                  "--set",
                  "parameters.x={type: range, start: 1, stop: 10}",
                  "--set",
                  "parameters.y={type: linspace, start: 0.0, stop: 1.0, num: 100}"));
        }
        Result r = run(args.toArray(new String[0]));
        assertTrue(r.code() == 0 || r.code() == 1, p + " exited " + r.code() + ": " + r.err());
        assertTrue(r.out().contains(" planned runs done"), p + ": " + r.out());
        assertTrue(
            Files.size(tmp.resolve(p.getFileName().toString()).resolve("results.csv")) > 100,
            p.toString());
      }
    }
  }

  @Test
  void shardsRunSeparatelyAndMergeIntoTheWholeSweep() throws IOException {
    Path spec = spec("ok.yaml", GOOD.replace("replicates: 2", "replicates: 3"));
    Path base = tmp.resolve("sharded");
    for (int i = 0; i < 2; i++) {
      // One folder per shard, as a job array's tasks would give with --out DIR/shard-$TASK.
      Result r =
          run(
              "run",
              spec.toString(),
              "--out",
              base.resolve("shard-" + i + "-of-2").toString(),
              "--shard",
              i + "/2",
              "--quiet");
      assertEquals(0, r.code(), r.err());
      assertTrue(r.out().contains("3 of 3 planned runs done"), r.out());
    }
    Path merged = tmp.resolve("merged");
    Result m =
        run(
            "merge",
            merged.toString(),
            base.resolve("shard-0-of-2").toString(),
            base.resolve("shard-1-of-2").toString());
    assertEquals(0, m.code(), m.err());
    Result whole = run("run", spec.toString(), "--out", tmp.resolve("whole").toString(), "--quiet");
    assertEquals(0, whole.code(), whole.err());
    assertEquals(
        org.sweeplab.store.TestCsv.withoutColumn(tmp.resolve("whole/results.csv"), "duration_ms"),
        org.sweeplab.store.TestCsv.withoutColumn(merged.resolve("results.csv"), "duration_ms"));
    Result status = run("status", merged.toString());
    assertTrue(status.out().contains("planned 6  finished 6  missing 0"), status.out());

    Result bad = run("run", spec.toString(), "--shard", "2/2", "--quiet");
    assertEquals(2, bad.code());
    assertFalse(bad.err().isBlank());
  }
}
