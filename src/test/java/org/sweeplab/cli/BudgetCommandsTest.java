package org.sweeplab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code plan} shows the estimated cost; {@code run} refuses a sweep estimated over its budget
 * unless --force.
 */
class BudgetCommandsTest {
  @TempDir Path tmp;

  /**
   * 4 variations x 3 replicates = 12 runs; estimates 0.5 for n=1 and 1.5 otherwise: 3 x (0.5 + 3 x
   * 1.5) = 15.
   */
  private Path spec(double total) throws IOException {
    Path f = tmp.resolve("paid.yaml");
    Files.writeString(
        f,
        "name: paid\n"
            + "simulation: {command: [/bin/sh, -c, 'echo \"{\\\"y\\\": $1, \\\"cost\\\": 0.25}\"', sh, '{n}']}\n"
            + "parameters: {n: [1, 2, 3, 4]}\n"
            + "replicates: 3\n"
            + "execution: {max_parallel: 2}\n"
            + "budget: {total: "
            + total
            + ", unit: USD, estimate_per_run: 1.5,"
            + " estimate_by: {parameter: n, costs: {1: 0.5}}}\n"
            + "output: {dir: '"
            + tmp.resolve("out")
            + "'}\n");
    return f;
  }

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

  @Test
  void planShowsTheEstimatedCostAndWhetherItPassesTheBudget() throws IOException {
    Outcome o = cli("plan", spec(10).toString());
    assertEquals(0, o.code());
    assertTrue(
        o.out().contains("estimated cost: 15.0000 USD (12 runs at 1.2500 USD on average)"),
        o.out());
    assertTrue(
        o.out().contains("total budget: 10.0000 USD (the estimate passes it: `run` needs --force)"),
        o.out());
  }

  @Test
  void runRefusesAnEstimateOverTheBudgetWithExitTwo() throws IOException {
    Outcome o = cli("run", "--quiet", spec(10).toString());
    assertEquals(2, o.code());
    assertTrue(
        o.err()
            .contains(
                "error: sweep 'paid' is estimated to cost 15.0000 USD (12 runs at 1.2500 USD on"
                    + " average), more than its total budget of 10.0000 USD;"),
        o.err());
    assertTrue(o.err().contains("--force"), o.err());
    assertFalse(Files.exists(tmp.resolve("out/runs.jsonl")), "nothing may run");
  }

  @Test
  void forceRunsItAndTheBudgetStillApplies() throws IOException {
    // Real costs are 0.25 a run, so 12 runs cost 3 and fit a budget of 10 the estimate says is too
    // small.
    Outcome o = cli("run", "--quiet", "--force", spec(10).toString());
    assertEquals(0, o.code(), o.err());
    assertTrue(o.out().contains("total cost 3.0000"), o.out());
    String costs = Files.readString(tmp.resolve("out/costs.json"));
    assertTrue(costs.contains("\"remaining\" : 7.0"), costs);
    assertTrue(costs.contains("\"estimated_total\" : 15.0"), costs);
  }

  @Test
  void aBudgetTheEstimateFitsRunsWithoutForce() throws IOException {
    Outcome o = cli("run", "--quiet", spec(20).toString());
    assertEquals(0, o.code(), o.err());
    assertTrue(o.out().contains("12 of 12 planned runs done"), o.out());
  }
}
