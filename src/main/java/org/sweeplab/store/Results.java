package org.sweeplab.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.io.csv.CsvReadOptions;

/** Loads sweep results into Tablesaw tables. */
public final class Results {
  private Results() {}

  /**
   * The table of runs of an output folder (its results.csv, typed by the schema in summary.json), or of any CSV file
   * (types inferred).
   *
   * @throws IllegalArgumentException when there is no such folder or file
   */
  public static Table load(Path dirOrCsv) {
    Path csv = Files.isDirectory(dirOrCsv) ? dirOrCsv.resolve(OutputFolder.RESULTS) : dirOrCsv;
    if (!Files.isRegularFile(csv)) {
      throw new IllegalArgumentException(Files.isDirectory(dirOrCsv)
          ? dirOrCsv + " has no " + OutputFolder.RESULTS + "; is it a sweep output folder whose sweep has finished?"
          : "no such file or folder: " + dirOrCsv);
    }
    List<ColumnSchema> schema = Summary.columns(csv.resolveSibling(OutputFolder.SUMMARY));
    String name = csv.getParent() == null ? csv.getFileName().toString()
        : csv.getParent().getFileName() + "/" + csv.getFileName();
    CsvReadOptions.Builder options = CsvReadOptions.builder(csv.toFile()).tableName(name)
        .maxCharsPerColumn(1 << 16).maxNumberOfColumns(100_000);
    if (schema != null && matchesHeader(csv, schema)) {
      ColumnType[] types = new ColumnType[schema.size()];
      for (int i = 0; i < types.length; i++) {
        types[i] = schema.get(i).kind().tablesaw();
      }
      options.columnTypes(types);
    }
    try {
      return Table.read().usingOptions(options.build());
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("cannot read " + csv + " as a table: " + e.getMessage(), e);
    }
  }

  /**
   * Every run's telemetry ({@code runs/RUN_ID/telemetry.csv}) as one long table with columns run_id, the run's
   * parameters, step, name and value. Empty (with those columns) when no run recorded telemetry.
   */
  public static Table telemetry(Path dir) {
    Table runs = load(dir);
    List<String> params = new ArrayList<>();
    List<ColumnSchema> schema = Summary.columns(dir.resolve(OutputFolder.SUMMARY));
    if (schema != null) {
      for (ColumnSchema c : schema) {
        if (c.role() == ColumnSchema.Role.PARAMETER) {
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
      Table t = Table.read().usingOptions(CsvReadOptions.builder(file.toFile())
          .columnTypes(new ColumnType[] {ColumnType.LONG, ColumnType.STRING, ColumnType.DOUBLE}));
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
      out = Table.create("telemetry", StringColumn.create("run_id"), tech.tablesaw.api.LongColumn.create("step"),
          StringColumn.create("name"), tech.tablesaw.api.DoubleColumn.create("value"));
    }
    return out;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static void copyCell(Column src, int row, Column dst, int i) {
    dst.set(i, src.get(row));
  }

  private static boolean matchesHeader(Path csv, List<ColumnSchema> schema) {
    try (var r = Files.newBufferedReader(csv)) {
      String header = r.readLine();
      if (header == null) {
        return false;
      }
      String[] names = header.split(",", -1);
      if (names.length != schema.size()) {
        return false;
      }
      for (int i = 0; i < names.length; i++) {
        if (!names[i].equals(schema.get(i).name())) {
          return false;
        }
      }
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
