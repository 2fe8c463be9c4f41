package org.sweeplab.store;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.sweeplab.results.PlainJson;
import org.sweeplab.run.PlannedRun;
import org.sweeplab.run.RunRecord;
import org.sweeplab.run.RunSink;
import org.sweeplab.run.RunStatus;
import org.sweeplab.sim.CheckedFolder;
import org.sweeplab.sim.FreshFiles;
import org.sweeplab.spec.SimulationSpec;
import org.sweeplab.spec.SweepSpec;

/**
 * Writes {@code result.json} into the folder of every run that started ({@code
 * output.run_records}): parameters, metrics, status, error (type, message and the {@code error.txt}
 * holding its traceback), seed, attempts, cost, timing, a summary of its telemetry, and the sweep's
 * metadata. One self-contained record per run, for people whose tools read one JSON file per run.
 * The journal stays the source of truth: the record is written after the run's journal line, and a
 * failure to write it is not a failure of the run.
 */
public final class RunRecordFiles implements RunSink {
  static final String FILE = "result.json";

  private final RunSink journal;
  private final CheckedFolder runsFolder;
  private final Map<String, Object> metadata;

  private RunRecordFiles(RunSink journal, Path runsRoot, Map<String, Object> metadata) {
    this.journal = journal;
    this.runsFolder = new CheckedFolder(runsRoot.toAbsolutePath());
    this.metadata = metadata;
  }

  /**
   * {@code journal} alone, or with records when the spec asks for them (on by default for
   * commands).
   */
  public static RunSink wrap(RunSink journal, SweepSpec spec, Path runsRoot) {
    return spec.runRecords().enabledFor(runsCommands(spec.simulation()))
        ? new RunRecordFiles(journal, runsRoot, spec.metadata())
        : journal;
  }

  /** True for a command, or a pipeline with a command stage. */
  static boolean runsCommands(SimulationSpec sim) {
    if (sim instanceof SimulationSpec.Command) {
      return true;
    }
    if (sim instanceof SimulationSpec.Pipeline p) {
      return p.stages().stream().anyMatch(RunRecordFiles::runsCommands);
    }
    return false;
  }

  @Override
  public void charged(PlannedRun run, int attempt, double amount) {
    journal.charged(run, attempt, amount);
  }

  @Override
  public void charged(PlannedRun run, int attempt, double amount, String spool, long line) {
    journal.charged(run, attempt, amount, spool, line);
  }

  @Override
  public void accept(RunRecord r) {
    journal.accept(r);
    if (r.status() == RunStatus.SKIPPED) {
      return; // it never started, so it has no folder
    }
    try {
      Path dir = FreshFiles.folder(runsFolder.get().resolve(r.run().runId()));
      byte[] json = PlainJson.indentedBytes(record(r, dir));
      FreshFiles.write(dir.resolve(FILE), json);
    } catch (IOException | RuntimeException e) {
      // The run is in the journal; a missing record (a full disk) is noticed when it is read, not
      // fatal here.
    }
  }

  private Map<String, Object> record(RunRecord r, Path dir) throws IOException {
    Map<String, Object> m = new LinkedHashMap<>();
    PlannedRun run = r.run();
    m.put("run_id", run.runId());
    m.put("variation_id", run.variation().id());
    m.put("variation_key", run.variation().key());
    m.put("replicate", run.replicate());
    m.put("seed", run.seed());
    m.put("status", r.status().label());
    m.put("parameters", new LinkedHashMap<>(run.variation().params()));
    m.put("metrics", r.metrics());
    m.put("cost", Double.isNaN(r.cost()) ? null : r.cost());
    m.put("attempts", r.attempts());
    m.put("started_at", Instant.ofEpochMilli(r.startedAtMillis()).toString());
    m.put("duration_ms", Math.round(r.durationMs() * 1000) / 1000.0);
    if (r.errorType() == null) {
      m.put("error", null);
    } else {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("type", r.errorType());
      e.put("message", r.errorMessage());
      Path trace = dir.resolve("error.txt");
      e.put("traceback", FreshFiles.isPlainFile(trace) ? "error.txt" : null);
      m.put("error", e);
    }
    m.put("telemetry", telemetry(dir.resolve("telemetry.csv")));
    m.put("metadata", metadata);
    return m;
  }

  /**
   * Points, and per name its count, first and last step, last, min and max; null without telemetry.
   */
  static Map<String, Object> telemetry(Path csv) throws IOException {
    if (!FreshFiles.isPlainFile(csv)) {
      return null;
    }
    Map<String, double[]> by =
        new LinkedHashMap<>(); // count, first step, last step, last, min, max
    long points = 0;
    try (BufferedReader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
      in.readLine();
      String line;
      while ((line = in.readLine()) != null) {
        int a = line.indexOf(',');
        int b = line.lastIndexOf(',');
        if (a < 0 || b <= a) {
          continue;
        }
        String name = line.substring(a + 1, b);
        if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
          name = name.substring(1, name.length() - 1).replace("\"\"", "\"");
        }
        long step = Long.parseLong(line.substring(0, a));
        String v = line.substring(b + 1);
        double value = v.isEmpty() ? Double.NaN : Double.parseDouble(v);
        double[] s =
            by.computeIfAbsent(
                name, k -> new double[] {0, step, step, Double.NaN, Double.NaN, Double.NaN});
        s[0]++;
        s[2] = step;
        s[3] = value;
        if (!Double.isNaN(value)) {
          s[4] = Double.isNaN(s[4]) ? value : Math.min(s[4], value);
          s[5] = Double.isNaN(s[5]) ? value : Math.max(s[5], value);
        }
        points++;
      }
    } catch (NumberFormatException e) {
      return Map.of("file", "telemetry.csv", "unreadable", e.getMessage());
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("file", "telemetry.csv");
    out.put("points", points);
    Map<String, Object> names = new LinkedHashMap<>();
    by.forEach(
        (name, s) -> {
          Map<String, Object> n = new LinkedHashMap<>();
          n.put("count", (long) s[0]);
          n.put("first_step", (long) s[1]);
          n.put("last_step", (long) s[2]);
          n.put("last", finite(s[3]));
          n.put("min", finite(s[4]));
          n.put("max", finite(s[5]));
          names.put(name, n);
        });
    out.put("names", names);
    return out;
  }

  private static Double finite(double v) {
    return Double.isFinite(v) ? v : null;
  }
}
