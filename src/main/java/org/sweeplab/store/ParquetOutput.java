package org.sweeplab.store;

import java.nio.file.Path;
import java.util.List;
import org.sweeplab.analysis.ParquetRuns;
import org.sweeplab.results.ResultColumn;

/**
 * {@code output.formats: [csv, parquet]}: {@code results.parquet} beside {@code results.csv}, the
 * same rows, typed.
 */
final class ParquetOutput {
  private ParquetOutput() {}

  /**
   * Writes results.parquet from the results.csv just written; text found in numeric columns becomes
   * a warning.
   */
  static void write(Path resultsCsv, List<ResultColumn> schema, List<String> warnings) {
    ParquetRuns.Export e =
        ParquetRuns.write(resultsCsv, schema, resultsCsv.resolveSibling(ParquetRuns.FILE));
    if (!e.textColumns().isEmpty()) {
      warnings.add(
          "results.parquet: column(s) "
              + String.join(", ", e.textColumns())
              + " hold text as well as"
              + " numbers, so they are written as text");
    }
  }
}
