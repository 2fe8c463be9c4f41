package org.sweeplab.analysis;

import java.nio.file.Path;
import java.util.List;

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
  public static ResultTable of(AnalysisOptions options, Runs runs) {
    List<String> labels = options.sweepLabels();
    boolean several = options.inputs().size() > 1 && runs.columnNames().contains(RunsUnion.SWEEP);
    int k = several ? labels.size() : 0;
    String[] sweep = new String[k];
    String[] path = new String[k];
    int[] n = new int[k];
    int[] good = new int[k];
    if (several) {
      RunColumn.Codes codes = runs.codes(RunsUnion.SWEEP);
      boolean[] isOk = runs.ok();
      for (int row = 0; row < codes.ofRow().length; row++) {
        int at = labels.indexOf(codes.labels()[codes.ofRow()[row]]);
        n[at]++;
        good[at] += isOk[row] ? 1 : 0;
      }
      for (int i = 0; i < k; i++) {
        sweep[i] = labels.get(i);
        path[i] = options.inputs().get(i).toString();
      }
    }
    return ResultTable.of(
        "sources",
        ResultTableColumn.ofText(RunsUnion.SWEEP, sweep),
        ResultTableColumn.ofText("path", path),
        ResultTableColumn.ofInts("runs", n),
        ResultTableColumn.ofInts("ok_runs", good));
  }

  /**
   * Writes the sources as CSV.
   *
   * @throws java.io.UncheckedIOException if the file cannot be written
   */
  public static void write(ResultTable sources, Path file) {
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
  public static java.util.List<ReportModel.Section> sections(ResultTable sources) {
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
