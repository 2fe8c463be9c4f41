package org.sweeplab.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sweeplab.analysis.Runs;
import org.sweeplab.results.ResultColumn;
import org.sweeplab.results.ResultsContract;
import org.sweeplab.run.PlannedRun;
import org.sweeplab.run.RunRecord;
import org.sweeplab.run.RunStatus;
import org.sweeplab.sim.Metrics;
import org.sweeplab.sim.Simulation;
import org.sweeplab.space.Variation;
import org.sweeplab.space.VariationKeys;
import org.sweeplab.spec.BudgetSpec;
import org.sweeplab.spec.SweepSpec;
import org.sweeplab.sweep.Sweep;
import org.sweeplab.sweep.SweepDeterminismTest;
import org.sweeplab.sweep.SweepResult;

/**
 * Seals the machine-readable output formats against golden files in src/test/resources/golden. To
 * change a format on purpose, run with -Dsweeplab.updateGolden=true, review the diff, and update
 * docs/output-format.md.
 */
class GoldenFormatTest {
  @TempDir Path tmp;

  static final Simulation SIM =
      ctx -> {
        long b = ctx.getLong("budget");
        if (b == 20 && ctx.getString("strategy").equals("b, \"quoted\"")) {
          throw new IllegalArgumentException("bad budget 20\nsecond line");
        }
        return Metrics.builder()
            .put("score", b * 1.5 + ctx.replicate())
            .put("win", b > 10)
            .put("ticks", b)
            .put("label", "s," + ctx.getString("strategy"))
            .cost(0.125 * b)
            .build();
      };

  @Test
  void resultsCsv() throws IOException {
    SweepSpec spec =
        SweepSpec.builder("golden")
            .simulation("custom")
            .values("strategy", "a", "b, \"quoted\"")
            .range("budget", 10, 20, 10)
            .values("flag", true)
            .replicates(2)
            .seed(7)
            .maxParallel(2)
            .build();
    SweepResult r = Sweep.of(spec).simulation(SIM).output(tmp.resolve("out")).run();
    compare("results.csv", SweepDeterminismTest.withoutDuration(r.outputDir()));
    Map<String, Object> summary = Summary.read(r.outputDir().resolve("summary.json"));
    assertEquals(
        List.of(
            "sweep",
            "config_hash",
            "complete",
            "runs",
            "duration_ms",
            "total_cost",
            "started_at",
            "finished_at",
            "elapsed_ms",
            "environment",
            "journal_lines",
            "columns",
            "warnings"),
        new ArrayList<>(summary.keySet()));
    assertEquals(10.0, (Double) summary.get("total_cost"), 1e-12);
    compare("summary.json", masked(Files.readString(r.outputDir().resolve("summary.json"))));
    // The analysis reads the schema the store wrote: one contract, typed alike on both sides.
    List<ResultColumn> schema = ResultsContract.readSchema(r.outputDir().resolve("summary.json"));
    Runs runs = r.runs();
    assertEquals(runs.columnNames(), schema.stream().map(ResultColumn::name).toList());
    assertEquals(List.of("strategy", "budget", "flag"), runs.parameters());
    assertEquals(List.of("score", "win", "ticks", "label"), runs.metrics());
  }

  /**
   * summary.json with what differs between machines and runs (times, host, versions) replaced by
   * placeholders.
   */
  static String masked(String json) {
    String s = json;
    for (String key :
        List.of(
            "started_at",
            "finished_at",
            "elapsed_ms",
            "total",
            "mean",
            "max",
            "tool",
            "java",
            "host",
            "git_commit")) {
      s = s.replaceAll("(\"" + key + "\" : )(\"[^\"]*\"|[-0-9.eE]+|null)", "$1\"<" + key + ">\"");
    }
    return s;
  }

  /**
   * One worker, so the budget stop is deterministic: 4 runs spend 7.5 USD at a mean of 1.875, so a
   * fifth would pass the total of 8 and the last 4 runs are skipped.
   */
  @Test
  void costsJson() throws IOException {
    SweepSpec spec =
        SweepSpec.builder("golden")
            .simulation("custom")
            .values("strategy", "a", "b, \"quoted\"")
            .range("budget", 10, 20, 10)
            .values("flag", true)
            .replicates(2)
            .seed(7)
            .maxParallel(1)
            .budget(new BudgetSpec(8, 3, "USD", 1.0, BudgetSpec.InFlight.FINISH, null))
            .build();
    SweepResult r = Sweep.of(spec).simulation(SIM).output(tmp.resolve("out")).run();
    assertEquals(4, r.count(RunStatus.SKIPPED));
    compare(
        "costs.json",
        Files.readString(r.outputDir().resolve("costs.json"), StandardCharsets.UTF_8));
  }

  @Test
  void noCostsJsonWithoutBudgetOrCosts() {
    SweepSpec spec = SweepSpec.builder("free").simulation("custom").values("a", 1, 2).build();
    SweepResult r =
        Sweep.of(spec).simulation(ctx -> Metrics.of("y", 1.0)).output(tmp.resolve("free")).run();
    assertFalse(Files.exists(r.outputDir().resolve("costs.json")));
  }

  @Test
  void journalLine() throws IOException {
    List<String> names = List.of("strategy", "budget", "alpha", "flag");
    Object[] values = {"greedy \"x\"", 100L, 0.25, true};
    Variation v = new Variation(0, "var-0001", VariationKeys.key(names, values), names, values);
    PlannedRun run = new PlannedRun(v, 3, 123456789L, "var-0001-run-003", 2);
    ByteLine sb = new ByteLine();
    JournalFormat.TimeFormat time = new JournalFormat.TimeFormat();
    JournalFormat.encode(
        sb,
        new RunRecord(
            run,
            RunStatus.OK,
            Metrics.of("score", 1.5, "win", false, "n", 3L, "note", "tab\there").values(),
            0.5,
            1_795_000_000_000L,
            12_345_678L,
            1,
            null,
            null),
        time);
    JournalFormat.encode(
        sb,
        new RunRecord(
            run,
            RunStatus.FAILED,
            Map.of(),
            Double.NaN,
            1_795_000_000_123L,
            1_000L,
            2,
            "IllegalStateException",
            "stalled\nat tick 5"),
        time);
    compare("runs.jsonl", new String(sb.toBytes(), StandardCharsets.UTF_8));
  }

  private static void compare(String name, String actual) throws IOException {
    Path golden = Path.of("src/test/resources/golden", name);
    if (Boolean.getBoolean("sweeplab.updateGolden")) {
      Files.writeString(golden, actual, StandardCharsets.UTF_8);
    }
    assertEquals(Files.readString(golden, StandardCharsets.UTF_8), actual, "golden file " + golden);
  }
}
