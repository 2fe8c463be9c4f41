package org.sweeplab.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.sweeplab.analysis.Runs;
import org.sweeplab.results.ColumnRole;
import org.sweeplab.results.ResultColumn;
import org.sweeplab.results.ResultsContract;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.io.csv.CsvReadOptions;

/** Loads sweep results into Tablesaw tables. */
public final class Results {
  private Results() {}

  /**
   * The table of runs of an output folder (its results.csv, typed by the schema in summary.json),
   * or of any CSV file (types inferred): the Tablesaw view of {@link Runs#read(Path)}, so both type
   * every column alike.
   *
   * @throws IllegalArgumentException when there is no such folder or file, or it cannot be read as
   *     a table
   */
  public static Table load(Path dirOrCsv) {
    return Runs.read(dirOrCsv).table();
  }

  /**
   * Every run's telemetry ({@code runs/RUN_ID/telemetry.csv}) as one long table with columns
   * run_id, the run's parameters, step, name and value. Empty (with those columns) when no run
   * recorded telemetry.
   */
  public static Table telemetry(Path dir) {
    Table runs = load(dir);
    List<String> params = new ArrayList<>();
    List<ResultColumn> schema =
        ResultsContract.readSchema(dir.resolve(ResultsContract.SUMMARY_FILE));
    if (schema != null) {
      for (ResultColumn c : schema) {
        if (c.role() == ColumnRole.PARAMETER) {
          params.add(c.name());
        }
      }
    }
    Table out = null;
    StringColumn runIds = runs.stringColumn("run_id");
    for (int row = 0; row < runs.rowCount(); row++) {
      Path file = dir.resolve(OutputFolder.RUNS).resolve(runIds.get(row)).resolve("telemetry.csv");
      if (!Files.isRegularFile(file)) {
        continue;
      }
      Table t =
          Table.read()
              .usingOptions(
                  CsvReadOptions.builder(file.toFile())
                      .columnTypes(
                          new ColumnType[] {
                            ColumnType.LONG, ColumnType.STRING, ColumnType.DOUBLE
                          }));
      Table withRun = Table.create("telemetry");
      withRun.addColumns(StringColumn.create("run_id", t.rowCount()).setMissingTo(runIds.get(row)));
      for (String p : params) {
        Column<?> src = runs.column(p);
        Column<?> col = src.emptyCopy(t.rowCount());
        for (int i = 0; i < t.rowCount(); i++) {
          copyCell(src, row, col, i);
        }
        withRun.addColumns(col);
      }
      withRun.addColumns(t.columns().toArray(new Column<?>[0]));
      out = out == null ? withRun : out.append(withRun);
    }
    if (out == null) {
      out =
          Table.create(
              "telemetry",
              StringColumn.create("run_id"),
              tech.tablesaw.api.LongColumn.create("step"),
              StringColumn.create("name"),
              tech.tablesaw.api.DoubleColumn.create("value"));
    }
    return out;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static void copyCell(Column src, int row, Column dst, int i) {
    dst.set(i, src.get(row));
  }
}
