package org.sweeplab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sweeplab.run.Progress;
import picocli.CommandLine;

/** Issue 12, items 6-9 as a user meets them on the command line. */
class WorkflowCliTest {
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

  @Test
  void planRefusesAnUnknownParameterOfABuiltInWithItsLine() throws IOException {
    Path spec =
        Files.writeString(
            tmp.resolve("t.yaml"),
            "name: t\nsimulation: tournament\nparameters:\n"
                + "  strategy: [greedy]\n  tick_budgets: [100, 200]\n");
    Result r = run("plan", spec.toString());
    assertEquals(2, r.code());
    assertEquals(
        "error: "
            + spec
            + ":5:3: parameters.tick_budgets: tournament has no parameter 'tick_budgets' (did"
            + " you mean 'tick_budget'?), so it would be ignored; its parameters are strategy, difficulty, world,"
            + " tick_budget (see `sweeplab simulations`)",
        r.err().strip());
  }

  @Test
  void severalProblemsAreOneLineEach() throws IOException {
    Path spec =
        Files.writeString(
            tmp.resolve("s.yaml"),
            "name: s\nsimulation: bench\nmax_workers: 3\n"
                + "runs_per_variation: 2\nparameters: {x: [1]}\n");
    Result r = run("plan", spec.toString());
    assertEquals(2, r.code());
    List<String> lines = r.err().strip().lines().toList();
    assertEquals(2, lines.size(), r.err());
    assertTrue(lines.get(0).startsWith("error: " + spec + ":3:1: max_workers: "), lines.get(0));
    assertTrue(
        lines
            .get(1)
            .contains(
                ":4:1: runs_per_variation: unknown key 'runs_per_variation' at the top level"
                    + " (did you mean 'replicates'?)"),
        lines.get(1));
  }

  @Test
  void simulationsListsParametersWithTypesAndDefaults() {
    Result r = run("simulations");
    assertEquals(0, r.code());
    assertTrue(r.out().contains("tournament: one game-AI match"), r.out());
    assertTrue(
        r.out().contains("    tick_budget    integer  default 500      ticks the agent may think"),
        r.out());
    assertTrue(
        r.out().contains("    servers        integer  required         the number of servers (c)"),
        r.out());
  }

  @Test
  void resumeSetChangesBudgetAndRecordsItButRefusesPlanChanges() throws IOException {
    Path spec =
        Files.writeString(
            tmp.resolve("b.yaml"),
            "name: b\nsimulation: {command: [/bin/sh, -c,"
                + " \"echo '{\\\"y\\\": 1, \\\"cost\\\": 1.0}'\"]}\nparameters: {x: [1, 2, 3, 4]}\n"
                + "execution: {max_parallel: 1}\nbudget: {total: 2}\n");
    Path out = tmp.resolve("out");
    Result first = run("run", spec.toString(), "--out", out.toString(), "--quiet", "--force");
    assertEquals(1, first.code(), first.err());
    assertTrue(Files.readString(out.resolve("results.csv")).contains("skipped"));

    Result refused = run("resume", out.toString(), "--set", "replicates=3", "--quiet");
    assertEquals(2, refused.code());
    assertTrue(
        refused
            .err()
            .startsWith(
                "error: --set: replicates: resume cannot change 'replicates': only settings"
                    + " that leave the plan as it is may change on resume"),
        refused.err());

    Result raised =
        run(
            "resume",
            out.toString(),
            "--retry-failed",
            "--set",
            "budget.total=10",
            "--set",
            "execution.max_parallel=2",
            "--quiet");
    assertTrue(
        Files.readString(out.resolve("sweep.yaml")).contains("total: 10.0"),
        Files.readString(out.resolve("sweep.yaml")));
    String log = Files.readString(out.resolve("resume-changes.jsonl"));
    assertTrue(log.contains("\"set\":[\"budget.total=10\",\"execution.max_parallel=2\"]"), log);
    assertEquals(1, log.lines().count());
    assertFalse(raised.err().contains("error"), raised.err());
  }

  @Test
  void theProgressLineShowsSuccessRateAndSpendAt80Columns() {
    Progress p =
        new Progress(
            1_000_000,
            412_345,
            400_000,
            12_000,
            300,
            45,
            0,
            17,
            3,
            3,
            Duration.ofSeconds(3725),
            1234.5678,
            5000,
            412_345);
    String line = ProgressText.line("a-rather-long-sweep-name-for-an-llm-study", p, null, 80);
    assertTrue(line.length() <= 80, line.length() + ": " + line);
    // 400000 / (400000 + 12000 + 300 + 45) = 0.97005, floored to 97 % (exact rational arithmetic).
    assertTrue(line.contains("412,345/1,000,000 41% ok 97% spend 1234.57/5000.00"), line);
    String paused = ProgressText.line("llm", p, Duration.ofSeconds(12), 80);
    assertTrue(paused.contains("PAUSED 12s (rate limit)"), paused);
    assertTrue(paused.length() <= 80, paused);
  }

  @Test
  void helpShowsNoNullShard() {
    Result r = run("run", "--help");
    assertFalse(r.out().contains("null/"), r.out());
    assertTrue(r.out().contains("--shard ${SLURM_ARRAY_TASK_ID}/100"), r.out());
  }

  @Test
  void specReferenceClosesEveryCodeBlockAndCallsNothingPlannedThatExists() throws IOException {
    String doc = Files.readString(Path.of("docs/spec-reference.md"));
    assertEquals(
        0, doc.lines().filter(l -> l.startsWith("```")).count() % 2, "unbalanced code fences");
    assertFalse(doc.contains("planned: `budget`"), "budgets, retries and rate limits exist");
    int yamlBlocks = 0;
    boolean open = false;
    for (String l : doc.lines().toList()) {
      if (l.startsWith("```")) {
        // An opening fence names a language; a closing one is bare.
        assertEquals(
            !open,
            l.length() > 3,
            "fence '" + l + "' where a " + (open ? "closing" : "opening") + " one" + " belongs");
        open = !open;
        yamlBlocks++;
      }
    }
    assertTrue(yamlBlocks > 10);
  }
}
