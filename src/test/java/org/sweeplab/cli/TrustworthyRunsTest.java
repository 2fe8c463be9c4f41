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

/** Issue 10, "Trustworthy runs": what {@code run} guarantees about paths and the folders it writes. */
class TrustworthyRunsTest {
  @TempDir
  Path tmp;

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

  /** Writes into the run folder it is given as {@code {run_dir}}, the way a real command keeps a trace. */
  private Path traceSpec() throws IOException {
    Path f = tmp.resolve("trace.yaml");
    Files.writeString(f, "name: trace\n"
        + "simulation: {command: [/bin/sh, -c, 'echo d > \"$1/trace.csv\" && echo d > \"$SWEEP_RUN_DIR/env.csv\""
        + " && echo \"{\\\"ok\\\": 1}\"', sh, '{run_dir}']}\n"
        + "parameters: {x: [1, 2, 3, 4, 5, 6]}\n"
        + "execution: {max_parallel: 1}\n");
    return f;
  }

  /** Defect 1: with a relative --out, every run (not only the first) gets an absolute, existing run folder. */
  @Test
  void runDirIsAbsoluteWhenTheOutputFolderIsRelative() throws IOException {
    Path relative = Path.of("target", "trust-rd-" + System.nanoTime());
    try {
      Outcome o = cli("run", "--quiet", "--out", relative.toString(), traceSpec().toString());
      assertEquals(0, o.code(), o.err());
      assertTrue(o.out().contains("6 of 6 planned runs done"), o.out());
      assertTrue(o.out().contains("ok 6  failed 0"), o.out());
      try (Stream<Path> runs = Files.list(relative.resolve("runs"))) {
        assertEquals(6, runs.filter(r -> Files.isRegularFile(r.resolve("trace.csv"))
            && Files.isRegularFile(r.resolve("env.csv"))).count());
      }
    } finally {
      deleteTree(relative);
    }
  }

  /**
   * Defect 2: every attempt charges 1 (a cost line, appended first to a ledger outside the sweep, so the real spend
   * is known); the first attempt of each run then asks for a retry, by a transient exit or a rate-limit answer.
   * costs.json must show the real spend, in total and by attempt, and the budget must stop on it.
   */
  @ParameterizedTest
  @ValueSource(strings = {"exit 75", "echo \"{\\\"retry_after\\\": 0.01}\"; exit 75"})
  void chargesOfRetriedAttemptsAreRecordedAndCountAgainstTheBudget(String retry) throws IOException {
    Path ledger = tmp.resolve("ledger.txt");
    Path f = tmp.resolve("retry.yaml");
    Files.writeString(f, "name: retry\n"
        + "simulation: {command: [/bin/sh, -c, 'echo 1 >> \"$1\"; echo \"{\\\"cost\\\": 1}\";"
        + " if [ ! -e first ]; then touch first; " + retry + "; fi; echo \"{\\\"y\\\": 1}\"', sh, '" + ledger
        + "']}\n"
        + "parameters: {x: {type: range, start: 1, stop: 20}}\n"
        + "execution: {max_parallel: 1, retries: {max_attempts: 3, initial_delay: 1ms, max_delay: 1ms}}\n"
        + "budget: {total: 10}\n"
        + "output: {dir: '" + tmp.resolve("out") + "'}\n");
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
