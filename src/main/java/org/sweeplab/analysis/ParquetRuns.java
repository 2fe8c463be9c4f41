package org.sweeplab.analysis;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.sweeplab.results.ColumnType;
import org.sweeplab.results.ResultColumn;
import org.sweeplab.results.ResultsContract;

/**
 * The table of runs as Parquet ({@code results.parquet}), written and read with DuckDB's embedded
 * engine.
 *
 * <p>Writing: the rows of {@code results.csv}, each column typed from the results contract ({@code
 * summary.json}): string as UTF-8 text, integer as int32, long as int64, double as double, boolean
 * as boolean; an empty cell is null. A numeric column that also holds text (a metric {@code
 * timeout} in a failed run) stays text, so that nothing is lost; {@link Export#textColumns()} names
 * them. The file is written beside its final name and moved into place.
 *
 * <p>Reading: any Parquet file of flat columns; integers, numbers, booleans and text become the
 * columns of {@link Runs} as {@link RunsReader} makes them from CSV (null is the empty cell, NaN in
 * a number column), with roles from the {@code summary.json} beside the file when it names the same
 * columns, else inferred.
 */
public final class ParquetRuns {
  /** The file name of the Parquet table in a sweep folder. */
  public static final String FILE = "results.parquet";

  private ParquetRuns() {}

  /**
   * What an export wrote.
   *
   * @param file the Parquet file
   * @param rows its rows
   * @param textColumns columns typed as numbers or booleans by the contract that hold text, written
   *     as text
   */
  public record Export(Path file, long rows, List<String> textColumns) {}

  /**
   * Writes {@code DIR/results.parquet} from {@code DIR/results.csv}, typed by {@code
   * DIR/summary.json}.
   *
   * @param dir a finished sweep folder
   * @return what was written
   * @throws AnalysisException when the folder has no results.csv, or no summary.json that matches
   *     it
   */
  public static Export export(Path dir) {
    Path csv = dir.resolve(ResultsContract.RESULTS_FILE);
    if (!Files.isRegularFile(csv)) {
      throw AnalysisException.of(
          "%s has no %s; export a sweep folder whose sweep has run (sweeplab resume %s"
              + " writes it)",
          dir, ResultsContract.RESULTS_FILE, dir);
    }
    List<String> header = RunsReader.header(csv);
    List<ResultColumn> schema =
        ResultsContract.schemaFor(header, dir.resolve(ResultsContract.SUMMARY_FILE));
    if (schema == null) {
      throw AnalysisException.of(
          "%s has no %s that matches the columns of %s, so the column types are unknown;"
              + " run sweeplab resume %s to write it",
          dir, ResultsContract.SUMMARY_FILE, ResultsContract.RESULTS_FILE, dir);
    }
    return write(csv, schema, dir.resolve(FILE));
  }

  /**
   * Writes a results CSV as Parquet.
   *
   * @param csv the CSV file, with a header line
   * @param schema one column per CSV column, in order
   * @param target the Parquet file (replaced)
   * @return what was written
   */
  public static Export write(Path csv, List<ResultColumn> schema, Path target) {
    Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      StringBuilder columns = new StringBuilder();
      for (ResultColumn col : schema) {
        columns
            .append(columns.length() == 0 ? "" : ", ")
            .append(literal(col.name()))
            .append(": 'VARCHAR'");
      }
      s.execute(
          "CREATE VIEW raw AS SELECT * FROM read_csv("
              + literal(csv.toString())
              + ", header = true,"
              + " auto_detect = false, delim = ',', quote = '\"', escape = '\"', nullstr = '', columns = {"
              + columns
              + "})");
      List<String> text = textColumns(s, schema);
      StringBuilder select = new StringBuilder();
      for (ResultColumn col : schema) {
        String sqlType = text.contains(col.name()) ? null : sqlType(col.type());
        select
            .append(select.length() == 0 ? "" : ", ")
            .append(
                sqlType == null
                    ? identifier(col.name())
                    : "CAST("
                        + identifier(col.name())
                        + " AS "
                        + sqlType
                        + ") AS "
                        + identifier(col.name()));
      }
      Files.deleteIfExists(tmp);
      s.execute(
          "COPY (SELECT "
              + select
              + " FROM raw) TO "
              + literal(tmp.toString())
              + " (FORMAT parquet, COMPRESSION zstd)");
      long rows;
      try (ResultSet rs = s.executeQuery("SELECT count(*) FROM raw")) {
        rs.next();
        rows = rs.getLong(1);
      }
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return new Export(target, rows, text);
    } catch (SQLException e) {
      throw AnalysisException.of("Cannot write %s from %s: %s", target, csv, firstLine(e));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + target + ": " + e.getMessage(), e);
    }
  }

  /** The columns typed as non-text whose cells do not all convert. */
  private static List<String> textColumns(Statement s, List<ResultColumn> schema)
      throws SQLException {
    List<ResultColumn> typed = schema.stream().filter(c -> sqlType(c.type()) != null).toList();
    List<String> out = new ArrayList<>();
    if (typed.isEmpty()) {
      return out;
    }
    StringBuilder q = new StringBuilder("SELECT ");
    for (int i = 0; i < typed.size(); i++) {
      String id = identifier(typed.get(i).name());
      q.append(i == 0 ? "" : ", ")
          .append("count(*) FILTER (WHERE ")
          .append(id)
          .append(" IS NOT NULL AND TRY_CAST(")
          .append(id)
          .append(" AS ")
          .append(sqlType(typed.get(i).type()))
          .append(") IS NULL)");
    }
    try (ResultSet rs = s.executeQuery(q.append(" FROM raw").toString())) {
      rs.next();
      for (int i = 0; i < typed.size(); i++) {
        if (rs.getLong(i + 1) > 0) {
          out.add(typed.get(i).name());
        }
      }
    }
    return out;
  }

  private static String sqlType(ColumnType t) {
    return switch (t) {
      case STRING -> null;
      case INTEGER -> "INTEGER";
      case LONG -> "BIGINT";
      case DOUBLE -> "DOUBLE";
      case BOOLEAN -> "BOOLEAN";
    };
  }

  /**
   * Reads a Parquet file into runs.
   *
   * @param file the Parquet file
   * @return the runs, with roles from a matching summary.json beside the file, else inferred
   * @throws AnalysisException if the file cannot be read as Parquet, has no rows or more than a
   *     Runs can hold
   */
  public static Runs read(Path file) {
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      String source = "read_parquet(" + literal(file.toString()) + ")";
      long total;
      try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + source)) {
        rs.next();
        total = rs.getLong(1);
      }
      if (total > Integer.MAX_VALUE - 8) {
        throw AnalysisException.of(
            "%s has %,d rows; sweeplab analyses at most %,d rows of one file",
            file, total, Integer.MAX_VALUE - 8);
      }
      int rows = (int) total;
      try (ResultSet rs = s.executeQuery("SELECT * FROM " + source)) {
        ResultSetMetaData md = rs.getMetaData();
        int n = md.getColumnCount();
        List<String> header = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
          header.add(md.getColumnName(i));
        }
        List<ResultColumn> schema =
            ResultsContract.schemaFor(header, file.resolveSibling(ResultsContract.SUMMARY_FILE));
        Sink[] sinks = new Sink[n];
        for (int i = 0; i < n; i++) {
          sinks[i] =
              Sink.of(
                  header.get(i),
                  md.getColumnType(i + 1),
                  schema == null ? null : schema.get(i).type(),
                  rows);
        }
        int row = 0;
        while (rs.next()) {
          for (int i = 0; i < n; i++) {
            sinks[i].take(rs, i + 1, row);
          }
          row++;
        }
        List<RunColumn> columns = new ArrayList<>();
        for (Sink k : sinks) {
          columns.add(k.build(row));
        }
        return Runs.of(file.getFileName().toString(), columns, schema);
      }
    } catch (SQLException e) {
      throw AnalysisException.of("Cannot read %s as Parquet: %s", file, firstLine(e));
    }
  }

  /** One column being filled from the rows of a result set. */
  private abstract static class Sink {
    final String name;

    Sink(String name) {
      this.name = name;
    }

    static Sink of(String name, int sqlType, ColumnType contract, int rows) {
      return switch (sqlType) {
        case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT ->
            new Longs(
                name,
                contract == ColumnType.INTEGER || sqlType != Types.BIGINT && contract == null
                    ? ColumnType.INTEGER
                    : ColumnType.LONG,
                rows);
        case Types.FLOAT, Types.DOUBLE, Types.DECIMAL, Types.NUMERIC, Types.REAL ->
            new Doubles(name, rows);
        case Types.BOOLEAN -> new Texts(name, ColumnType.BOOLEAN, rows);
        default -> new Texts(name, contract, rows);
      };
    }

    abstract void take(ResultSet rs, int column, int row) throws SQLException;

    abstract RunColumn build(int rows);
  }

  private static final class Longs extends Sink {
    private final ColumnType type;
    private final long[] values;

    Longs(String name, ColumnType type, int rows) {
      super(name);
      this.type = type;
      this.values = new long[rows];
    }

    @Override
    void take(ResultSet rs, int column, int row) throws SQLException {
      long v = rs.getLong(column);
      values[row] = rs.wasNull() ? NumberColumn.MISSING_LONG : v;
    }

    @Override
    RunColumn build(int rows) {
      return NumberColumn.ofLongs(
          name, type, java.util.Arrays.copyOf(values, rows), new int[0], new String[0]);
    }
  }

  private static final class Doubles extends Sink {
    private final double[] values;

    Doubles(String name, int rows) {
      super(name);
      this.values = new double[rows];
    }

    @Override
    void take(ResultSet rs, int column, int row) throws SQLException {
      double v = rs.getDouble(column);
      values[row] = rs.wasNull() ? Double.NaN : v;
    }

    @Override
    RunColumn build(int rows) {
      return NumberColumn.ofDoubles(
          name, java.util.Arrays.copyOf(values, rows), new int[0], new String[0]);
    }
  }

  /**
   * Text, booleans, and numeric columns written as text because some cells are not numbers. Without
   * a contract, the column is typed from its first rows as {@link RunsReader} types a CSV column.
   */
  private static final class Texts extends Sink {
    private static final int SAMPLE_ROWS = 10_000;
    private final ColumnType contract;
    private final int[] codes;
    private final Object2IntOpenHashMap<String> index = new Object2IntOpenHashMap<>();
    private final List<String> levels = new ArrayList<>();

    Texts(String name, ColumnType contract, int rows) {
      super(name);
      this.contract = contract;
      this.codes = new int[rows];
      index.defaultReturnValue(-1);
    }

    @Override
    void take(ResultSet rs, int column, int row) throws SQLException {
      String v = rs.getString(column);
      if (v == null || v.isEmpty()) {
        codes[row] = -1;
        return;
      }
      int code = index.getInt(v);
      if (code < 0) {
        code = levels.size();
        index.put(v, code);
        levels.add(v);
      }
      codes[row] = code;
    }

    @Override
    RunColumn build(int rows) {
      int[] own = java.util.Arrays.copyOf(codes, rows);
      ColumnType type = contract != null ? contract : inferred(own);
      if (!type.isNumeric()) {
        return new CategoryColumn(name, type, own, levels.toArray(String[]::new));
      }
      // A numeric column that holds some text (written so by write()): numbers, with the text kept
      // per cell.
      double[] values = new double[rows];
      IntArrayList oddRows = new IntArrayList();
      List<String> oddTexts = new ArrayList<>();
      boolean anyNumber = false;
      for (int r = 0; r < rows; r++) {
        if (own[r] < 0) {
          values[r] = Double.NaN;
          continue;
        }
        String t = levels.get(own[r]);
        double v = CsvRangeParser.parseNumber(t);
        values[r] = v;
        if (Double.isNaN(v)) {
          oddRows.add(r);
          oddTexts.add(t);
        } else {
          anyNumber = true;
        }
      }
      if (!anyNumber && !oddRows.isEmpty()) {
        return new CategoryColumn(name, ColumnType.STRING, own, levels.toArray(String[]::new));
      }
      if (type != ColumnType.DOUBLE && oddRows.isEmpty() && integral(values)) {
        long[] longs = new long[rows];
        for (int r = 0; r < rows; r++) {
          longs[r] = Double.isNaN(values[r]) ? NumberColumn.MISSING_LONG : (long) values[r];
        }
        return NumberColumn.ofLongs(name, type, longs, new int[0], new String[0]);
      }
      return NumberColumn.ofDoubles(
          name, values, oddRows.toIntArray(), oddTexts.toArray(String[]::new));
    }

    private ColumnType inferred(int[] own) {
      List<String[]> sample = new ArrayList<>();
      sample.add(new String[] {name});
      for (int r = 0; r < Math.min(own.length, SAMPLE_ROWS); r++) {
        sample.add(new String[] {own[r] < 0 ? "" : levels.get(own[r])});
      }
      return RunsReader.infer(sample, 0);
    }

    private static boolean integral(double[] values) {
      for (double v : values) {
        if (!Double.isNaN(v) && (v != Math.rint(v) || Math.abs(v) > 9.0e15)) {
          return false;
        }
      }
      return true;
    }
  }

  private static Connection connect() throws SQLException {
    try {
      Class.forName("org.duckdb.DuckDBDriver");
    } catch (ClassNotFoundException e) {
      throw new SQLException(
          "DuckDB's JDBC driver (org.duckdb:duckdb_jdbc) is not on the class path", e);
    }
    return DriverManager.getConnection("jdbc:duckdb:");
  }

  /** A SQL string literal. */
  static String literal(String s) {
    return "'" + s.replace("'", "''") + "'";
  }

  /** A SQL identifier. */
  static String identifier(String s) {
    return "\"" + s.replace("\"", "\"\"") + "\"";
  }

  private static String firstLine(SQLException e) {
    String m = e.getMessage() == null ? e.toString() : e.getMessage();
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }
}
