package org.sweeplab.analysis;

import java.nio.file.Path;
import java.util.List;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Where the runs of an analysis of several folders came from: per input, the value of its {@code
 * sweep} column, its path, and how many of its runs were read and were ok. The report's "Sources"
 * section and {@code sources.csv}.
 */
public final class SweepSources {
  private SweepSources() {}

  /**
   * @param options the options that read the runs (their inputs and labels)
   * @param runs the runs they read
   * @return {@code sweep, path, runs, ok_runs}, one row per input; empty for a single input
   */
  public static Table of(AnalysisOptions options, Runs runs) {
    StringColumn sweep = StringColumn.create(RunsUnion.SWEEP);
    StringColumn path = StringColumn.create("path");
    IntColumn count = IntColumn.create("runs");
    IntColumn ok = IntColumn.create("ok_runs");
    List<String> labels = options.sweepLabels();
    if (options.inputs().size() > 1 && runs.columnNames().contains(RunsUnion.SWEEP)) {
      int[] n = new int[labels.size()];
      int[] good = new int[labels.size()];
      RunColumn.Codes codes = runs.codes(RunsUnion.SWEEP);
      boolean[] isOk = runs.ok();
      for (int row = 0; row < codes.ofRow().length; row++) {
        int at = labels.indexOf(codes.labels()[codes.ofRow()[row]]);
        n[at]++;
        good[at] += isOk[row] ? 1 : 0;
      }
      for (int i = 0; i < labels.size(); i++) {
        Path p = options.inputs().get(i);
        sweep.append(labels.get(i));
        path.append(p.toString());
        count.append(n[i]);
        ok.append(good[i]);
      }
    }
    return Table.create("sources", sweep, path, count, ok);
  }

  /**
   * Writes the sources as CSV.
   *
   * @throws java.io.UncheckedIOException if the file cannot be written
   */
  public static void write(Table sources, Path file) {
    try {
      java.nio.file.Files.createDirectories(file.toAbsolutePath().getParent());
      ReportWriter.csvFile(sources, file);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("Cannot write " + file, e);
    }
  }

  /**
   * @return the report section for these sources; empty when there is one input
   */
  public static java.util.List<ReportModel.Section> sections(Table sources) {
    if (sources.rowCount() == 0) {
      return java.util.List.of();
    }
    return java.util.List.of(
        new ReportModel.Section(
            "Sources",
            2,
            java.util.List.of(
                new ReportModel.Text(
                    "The runs come from "
                        + sources.rowCount()
                        + " folders, named in the `sweep` column (group by it with `--by"
                        + " sweep`); `variation_id` is prefixed with the sweep, so variations of different folders stay apart."
                        + " Parameters a folder lacks are empty in its runs."),
                new ReportModel.TableBlock(sources))));
  }
}
