package org.sweeplab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * Issue 10, "Trustworthy runs": what {@code run} guarantees about paths and the folders it writes.
 */
class TrustworthyRunsTest {
  @TempDir Path tmp;

  private record Outcome(int code, String out, String err) {}

  private static Outcome cli(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int code = cl.execute(args);
    return new Outcome(code, out.toString(), err.toString());
  }

  /**
   * Writes into the run folder it is given as {@code {run_dir}}, the way a real command keeps a
   * trace.
   */
  private Path traceSpec() throws IOException {
    Path f = tmp.resolve("trace.yaml");
    Files.writeString(
        f,
        "name: trace\n"
            + "simulation: {command: [/bin/sh, -c, 'echo d > \"$1/trace.csv\" && echo d > \"$SWEEP_RUN_DIR/env.csv\""
            + " && echo \"{\\\"ok\\\": 1}\"', sh, '{run_dir}']}\n"
            + "parameters: {x: [1, 2, 3, 4, 5, 6]}\n"
            + "execution: {max_parallel: 1}\n");
    return f;
  }

  /**
   * Defect 1: with a relative --out, every run (not only the first) gets an absolute, existing run
   * folder.
   */
  @Test
  void runDirIsAbsoluteWhenTheOutputFolderIsRelative() throws IOException {
    Path relative = Path.of("target", "trust-rd-" + System.nanoTime());
    try {
      Outcome o = cli("run", "--quiet", "--out", relative.toString(), traceSpec().toString());
      assertEquals(0, o.code(), o.err());
      assertTrue(o.out().contains("6 of 6 planned runs done"), o.out());
      assertTrue(o.out().contains("ok 6  failed 0"), o.out());
      try (Stream<Path> runs = Files.list(relative.resolve("runs"))) {
        assertEquals(
            6,
            runs.filter(
                    r ->
                        Files.isRegularFile(r.resolve("trace.csv"))
                            && Files.isRegularFile(r.resolve("env.csv")))
                .count());
      }
    } finally {
      deleteTree(relative);
    }
  }

  /**
   * Defect 2: every attempt charges 1 (a cost line, appended first to a ledger outside the sweep,
   * so the real spend is known); the first attempt of each run then asks for a retry, by a
   * transient exit or a rate-limit answer. costs.json must show the real spend, in total and by
   * attempt, and the budget must stop on it.
   */
  @ParameterizedTest
  @ValueSource(strings = {"exit 75", "echo \"{\\\"retry_after\\\": 0.01}\"; exit 75"})
  void chargesOfRetriedAttemptsAreRecordedAndCountAgainstTheBudget(String retry)
      throws IOException {
    Path ledger = tmp.resolve("ledger.txt");
    Path f = tmp.resolve("retry.yaml");
    Files.writeString(
        f,
        "name: retry\n"
            + "simulation: {command: [/bin/sh, -c, 'echo 1 >> \"$1\"; echo \"{\\\"cost\\\": 1}\";"
            + " if [ ! -e first ]; then touch first; "
            + retry
            + "; fi; echo \"{\\\"y\\\": 1}\"', sh, '"
            + ledger
            + "']}\n"
            + "parameters: {x: {type: range, start: 1, stop: 20}}\n"
            + "execution: {max_parallel: 1, retries: {max_attempts: 3, initial_delay: 1ms, max_delay: 1ms}}\n"
            + "budget: {total: 10}\n"
            + "output: {dir: '"
            + tmp.resolve("out")
            + "'}\n");
    Outcome o = cli("run", "--quiet", f.toString());
    assertEquals(1, o.code(), o.err()); // the budget skipped runs
    long real = Files.readAllLines(ledger).size();
    JsonNode costs = new ObjectMapper().readTree(tmp.resolve("out/costs.json").toFile());
    assertEquals(real, costs.at("/totals/total_cost").asDouble(), 0, costs.toPrettyString());
    assertEquals(10 - real, costs.at("/remaining").asDouble(), 0, costs.toPrettyString());
    // Two attempts of 1 each per run that ran: the budget of 10 lets 5 runs run.
    assertEquals(10, real, o.out());
    assertEquals(real / 2.0, costs.at("/by_attempt/0/cost").asDouble(), 0, costs.toPrettyString());
    assertEquals(real / 2.0, costs.at("/by_attempt/1/cost").asDouble(), 0, costs.toPrettyString());
    assertEquals(2, costs.at("/by_attempt/1/attempt").asInt(), costs.toPrettyString());
  }

  /**
   * Defect 3: a non-empty folder that holds no sweep.yaml is refused with exit 2, and nothing in it
   * is touched.
   */
  @Test
  void runRefusesAFolderThatIsNotASweepFolder() throws IOException {
    Path u = Files.createDirectory(tmp.resolve("u"));
    Files.writeString(u.resolve("results.csv"), "precious\n");
    Files.writeString(u.resolve("summary.json"), "{}\n");
    Outcome o = cli("run", "--quiet", "--out", u.toString(), traceSpec().toString());
    assertEquals(2, o.code(), o.err());
    assertTrue(
        o.err().contains("error: output folder " + u + " is not empty and holds no sweep.yaml"),
        o.err());
    assertEquals("precious\n", Files.readString(u.resolve("results.csv")));
    assertEquals("{}\n", Files.readString(u.resolve("summary.json")));
    try (Stream<Path> files = Files.list(u)) {
      assertEquals(2, files.count(), "nothing may be added");
    }
    // An empty folder, and a folder of this sweep (resumed or rerun), are fine.
    Path empty = Files.createDirectory(tmp.resolve("empty"));
    assertEquals(
        0, cli("run", "--quiet", "--out", empty.toString(), traceSpec().toString()).code());
    assertEquals(0, cli("resume", "--quiet", empty.toString()).code());
  }

  /** Run x=3 fails (and writes error.txt); the others write a trace into their run folder. */
  private Path failingSpec(Path out) throws IOException {
    Path f = tmp.resolve("fail.yaml");
    Files.writeString(
        f,
        "name: fail\n"
            + "simulation: {command: [/bin/sh, -c, 'echo d > trace.csv; [ $1 = 3 ] && exit 1; echo \"{\\\"y\\\": $1,"
            + " \\\"cost\\\": 1}\"', sh, '{x}']}\n"
            + "parameters: {x: [1, 2, 3]}\n"
            + "execution: {max_parallel: 1}\n"
            + "output: {dir: '"
            + out
            + "'}\n");
    return f;
  }

  /** Defect 4: planted symlinks in a sweep folder never make a write land outside it. */
  @Test
  void writesNeverFollowPlantedSymlinks() throws IOException {
    Path out = tmp.resolve("out");
    Path spec = failingSpec(out);
    assertEquals(1, cli("run", "--quiet", spec.toString()).code());
    Path victims = Files.createDirectory(tmp.resolve("victims"));
    String[] planted = {
      "results.csv.tmp",
      "summary.json.tmp",
      "costs.json.tmp",
      "runs/var-0003-run-001/error.txt",
      "runs/var-0003-run-001/stdout.log",
      "runs/var-0003-run-001/stderr.log"
    };
    for (int i = 0; i < planted.length; i++) {
      Path victim = Files.writeString(victims.resolve("v" + i), "precious\n");
      Files.deleteIfExists(out.resolve(planted[i]));
      Files.createSymbolicLink(out.resolve(planted[i]), victim);
    }
    Outcome o = cli("resume", "--quiet", "--retry-failed", out.toString());
    assertEquals(1, o.code(), o.err());
    for (int i = 0; i < planted.length; i++) {
      assertEquals("precious\n", Files.readString(victims.resolve("v" + i)), planted[i]);
    }
    assertTrue(Files.readString(out.resolve("results.csv")).contains("failed"));

    // A symlinked runs/ (or run folder) is refused, and nothing is written through it.
    Path elsewhere = Files.createDirectory(tmp.resolve("elsewhere"));
    deleteTree(out.resolve("runs"));
    Files.createSymbolicLink(out.resolve("runs"), elsewhere);
    o = cli("resume", "--quiet", "--retry-failed", out.toString());
    assertEquals(2, o.code(), o.err());
    assertTrue(o.err().contains("is a symbolic link"), o.err());
    try (Stream<Path> files = Files.list(elsewhere)) {
      assertEquals(0, files.count());
    }
  }

  /**
   * Defect 7: a retry_after of 1e9 s must not freeze the sweep: the wait is capped by {@code
   * execution.rate_limit.max_wait}, with a warning, and the run goes on.
   */
  @Test
  void anUnboundedRetryAfterIsCappedByMaxWait() throws IOException {
    Path f = tmp.resolve("limited.yaml");
    Files.writeString(
        f,
        "name: limited\n"
            + "simulation: {command: [/bin/sh, -c, 'if [ ! -e first ]; then touch first;"
            + " echo \"{\\\"retry_after\\\": 1e9}\"; exit 75; fi; echo \"{\\\"y\\\": $1}\"', sh, '{x}']}\n"
            + "parameters: {x: [1, 2]}\n"
            + "execution: {max_parallel: 1, rate_limit: {max_wait: 200ms}}\n"
            + "output: {dir: '"
            + tmp.resolve("out")
            + "'}\n");
    Outcome o =
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
            java.time.Duration.ofSeconds(20), () -> cli("run", "--quiet", f.toString()));
    assertEquals(0, o.code(), o.err());
    assertTrue(o.out().contains("ok 2  failed 0"), o.out());
    assertTrue(
        o.err()
            .contains(
                "warning: run var-0001-run-001 asked to retry after 1000000000 s; waiting 0.2 s"
                    + " instead (execution.rate_limit.max_wait)"),
        o.err());
  }

  /**
   * Defect 7: the default cap, its round trip through sweep.yaml, and the progress display during a
   * pause.
   */
  @Test
  void maxWaitDefaultsToTenMinutesAndSurvivesTheSpecRoundTrip() {
    assertEquals(
        java.time.Duration.ofMinutes(10),
        org.sweeplab.run.LocalBackend.withDefaults().maxRetryWait());
    org.sweeplab.spec.SweepSpec spec =
        org.sweeplab.spec.SweepSpec.builder("w")
            .simulation("x")
            .values("a", 1)
            .rateLimit(org.sweeplab.spec.RateLimit.maxWaitOnly(java.time.Duration.ofSeconds(90)))
            .build();
    org.sweeplab.spec.SweepSpec back =
        org.sweeplab.spec.SpecLoader.parse(org.sweeplab.spec.SpecWriter.toYaml(spec), "sweep.yaml");
    assertEquals(spec.execution().rateLimit(), back.execution().rateLimit());
    assertEquals(
        java.time.Duration.ofSeconds(90),
        org.sweeplab.run.LocalBackend.of(back.execution()).maxRetryWait());
    assertEquals(
        "paused 2 s for retry-after", StderrProgress.paused(java.time.Duration.ofSeconds(2)));
    assertEquals(
        "paused 0.5 s for retry-after", StderrProgress.paused(java.time.Duration.ofMillis(500)));
  }

  private Path specWith(String simulation, Path out) throws IOException {
    Path f = tmp.resolve("pre.yaml");
    Files.writeString(
        f,
        "name: pre\nsimulation: "
            + simulation
            + "\nparameters: {x: [1, 2]}\n"
            + "output: {dir: '"
            + out
            + "'}\n");
    return f;
  }

  /**
   * Defect 10: plan and --dry-run find what run would refuse, before the first run; run refuses it
   * up front.
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "no_such_sim",
        "{command: [/bin/echo, '{y}']}",
        "{command: [/bin/echo, '{\"y\": 1}'], result: 'file:../x'}",
        "OUTPUT_IS_A_FILE"
      })
  void planAndDryRunFindWhatRunWouldRefuse(String simulation) throws IOException {
    Path out = tmp.resolve("out");
    if (simulation.equals("OUTPUT_IS_A_FILE")) {
      Files.writeString(out, "a file\n");
      simulation = "{command: [/bin/echo, '{\"y\": 1}']}";
    }
    Path spec = specWith(simulation, out);
    for (String[] args :
        new String[][] {
          {"plan", spec.toString()},
          {"run", "--dry-run", spec.toString()},
          {"run", "--quiet", spec.toString()}
        }) {
      Outcome o = cli(args);
      assertEquals(2, o.code(), String.join(" ", args) + ": " + o.out() + o.err());
      assertTrue(o.err().startsWith("error: "), o.err());
      assertTrue(o.err().lines().count() == 1, o.err());
    }
    assertTrue(!Files.isDirectory(out), "nothing may be written");
  }

  /**
   * Defect 10: a run refused after its plan (too many runs to tabulate) writes nothing, not even
   * sweep.yaml.
   */
  @Test
  void aRefusedRunWritesNothing() throws IOException {
    Path out = tmp.resolve("huge");
    Path f = tmp.resolve("huge.yaml");
    Files.writeString(
        f,
        "name: huge\nsimulation: {command: [/bin/echo, '{\"y\": 1}']}\n"
            + "parameters: {a: {type: range, start: 1, stop: 60000}, b: {type: range, start: 1, stop: 60000}}\n"
            + "execution: {max_runs: 4000000000}\n"
            + "output: {dir: '"
            + out
            + "'}\n");
    Outcome o = cli("run", "--quiet", f.toString());
    assertEquals(2, o.code(), o.err());
    assertTrue(o.err().contains("too large"), o.err());
    assertTrue(!Files.exists(out.resolve("sweep.yaml")), "a refused run wrote sweep.yaml");
  }

  /**
   * Defect 10: duplicate keys in a command's JSON result fail that run instead of a silent
   * last-one-wins.
   */
  @Test
  void duplicateKeysInAResultFailTheRun() throws IOException {
    Path out = tmp.resolve("dup");
    Path spec = specWith("{command: [/bin/sh, -c, 'echo \"{\\\"y\\\": 1, \\\"y\\\": 2}\"']}", out);
    Outcome o = cli("run", "--quiet", spec.toString());
    assertEquals(1, o.code(), o.out() + o.err());
    assertTrue(o.out().contains("ok 0  failed 2"), o.out());
    assertTrue(
        Files.readString(out.resolve("runs.jsonl")).contains("Duplicate field 'y'"),
        Files.readString(out.resolve("runs.jsonl")));
  }

  /**
   * Defect 9: a plan whose columns cannot fit this JVM is refused up front with its size and the
   * -Xmx hint.
   */
  @Test
  void aPlanTooLargeForTheHeapIsRefusedUpFrontWithTheXmxHint() throws IOException {
    Path out = tmp.resolve("giant");
    Path f = tmp.resolve("giant.yaml");
    Files.writeString(
        f,
        "name: giant\nsimulation: {command: [/bin/echo, '{\"y\": 1}']}\n"
            + "parameters: {a: {type: range, start: 1, stop: 50000}, b: {type: range, start: 1, stop: 40000}}\n"
            + "execution: {max_runs: 3000000000}\n"
            + "output: {dir: '"
            + out
            + "'}\n");
    Outcome o = cli("run", "--quiet", f.toString());
    assertEquals(2, o.code(), o.err());
    assertTrue(
        o.err().startsWith("error: a sweep of 2,000,000,000 runs needs at least 46.6 GiB"),
        o.err());
    assertTrue(o.err().contains("SWEEPLAB_JAVA_OPTS=-Xmx"), o.err());
    assertEquals(1, o.err().lines().count(), o.err());
    assertTrue(!Files.exists(out), "nothing may be written");
  }

  static void deleteTree(Path p) throws IOException {
    if (!Files.exists(p)) {
      return;
    }
    try (Stream<Path> all = Files.walk(p)) {
      for (Path q : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(q);
      }
    }
  }
}
