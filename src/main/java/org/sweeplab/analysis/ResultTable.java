package org.sweeplab.analysis;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.function.IntPredicate;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * The table of an analysis result: a name and named, typed {@link ResultTableColumn columns} of one
 * length (text, integers, longs, doubles, booleans), held as primitive arrays. Immutable. It is
 * what the report renders (report.md, report.html) and writes (its CSV and JSON files), with no
 * Tablesaw table on the way; {@link #toTable()} is the Tablesaw view for notebooks, and the one
 * place where a result becomes a Tablesaw table.
 *
 * <p>Missing cells are as {@link ResultTableColumn} says: NaN doubles and empty texts are missing.
 * A table may have no rows, and no columns.
 */
public final class ResultTable implements TabularResult {
  private final String name;
  private final List<ResultTableColumn> columns;
  private final int rowCount;

  /**
   * @throws IllegalArgumentException if two columns share a name or differ in length
   */
  ResultTable(String name, List<ResultTableColumn> columns) {
    this.name = name;
    this.columns = List.copyOf(columns);
    this.rowCount = columns.isEmpty() ? 0 : columns.get(0).size();
    java.util.Set<String> names = new HashSet<>();
    for (ResultTableColumn c : columns) {
      if (!names.add(c.name())) {
        throw new IllegalArgumentException(
            String.format(Locale.ROOT, "Table %s has two columns named %s", name, c.name()));
      }
      if (c.size() != rowCount) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "Column %s has %d rows, but table %s has %d",
                c.name(),
                c.size(),
                name,
                rowCount));
      }
    }
  }

  static ResultTable of(String name, ResultTableColumn... columns) {
    return new ResultTable(name, List.of(columns));
  }

  public String name() {
    return name;
  }

  public int rowCount() {
    return rowCount;
  }

  public int columnCount() {
    return columns.size();
  }

  /**
   * @return the columns in order
   */
  public List<ResultTableColumn> columns() {
    return columns;
  }

  public List<String> columnNames() {
    return columns.stream().map(ResultTableColumn::name).toList();
  }

  /**
   * @throws AnalysisException if there is no column of that name
   */
  public ResultTableColumn column(String column) {
    for (ResultTableColumn c : columns) {
      if (c.name().equals(column)) {
        return c;
      }
    }
    throw AnalysisException.of(
        "Column %s is not present in table %s; columns are %s", column, name, columnNames());
  }

  /**
   * @return a table of these columns, in this order
   * @throws AnalysisException if one is not present
   */
  public ResultTable select(String... names) {
    List<ResultTableColumn> out = new ArrayList<>();
    for (String n : names) {
      out.add(column(n));
    }
    return new ResultTable(name, out);
  }

  /**
   * @return a table of the rows the predicate keeps (given row indices), in order
   */
  public ResultTable where(IntPredicate keep) {
    int[] rows = java.util.stream.IntStream.range(0, rowCount).filter(keep).toArray();
    return new ResultTable(name, columns.stream().map(c -> c.rows(rows)).toList());
  }

  /**
   * @return this table with a column inserted at an index
   */
  ResultTable withColumn(int index, ResultTableColumn column) {
    List<ResultTableColumn> out = new ArrayList<>(columns);
    out.add(index, column);
    return new ResultTable(name, out);
  }

  /** This table. */
  @Override
  public ResultTable resultTable() {
    return this;
  }

  /**
   * @return a new Tablesaw table of the same name, columns and cells: text as {@code StringColumn},
   *     integers as {@code IntColumn}, longs as {@code LongColumn}, doubles as {@code
   *     DoubleColumn}, booleans as {@code BooleanColumn}; missing cells missing
   */
  @Override
  public Table toTable() {
    return View.of(this);
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT, "%s: %d rows, columns %s", name, rowCount, String.join(", ", columnNames()));
  }

  /**
   * The conversion to Tablesaw, in a class of its own: it is loaded (and Tablesaw with it) only
   * when a view is asked for, never by the report's path.
   */
  private static final class View {
    private View() {}

    static Table of(ResultTable r) {
      Table t = Table.create(r.name);
      for (ResultTableColumn c : r.columns) {
        t.addColumns(view(c));
      }
      return t;
    }

    private static Column<?> view(ResultTableColumn c) {
      int n = c.size();
      switch (c.type()) {
        case INTEGER -> {
          IntColumn col = IntColumn.create(c.name(), n);
          for (int i = 0; i < n; i++) {
            if (c.isMissing(i)) {
              col.setMissing(i);
            } else {
              col.set(i, (int) c.longValue(i));
            }
          }
          return col;
        }
        case LONG -> {
          LongColumn col = LongColumn.create(c.name(), n);
          for (int i = 0; i < n; i++) {
            if (c.isMissing(i)) {
              col.setMissing(i);
            } else {
              col.set(i, c.longValue(i));
            }
          }
          return col;
        }
        case DOUBLE -> {
          double[] v = new double[n];
          for (int i = 0; i < n; i++) {
            v[i] = c.number(i);
          }
          return DoubleColumn.create(c.name(), v);
        }
        case BOOLEAN -> {
          BooleanColumn col = BooleanColumn.create(c.name(), n);
          for (int i = 0; i < n; i++) {
            if (c.isMissing(i)) {
              col.setMissing(i);
            } else {
              col.set(i, c.number(i) != 0);
            }
          }
          return col;
        }
        default -> {
          StringColumn col = StringColumn.create(c.name(), n);
          for (int i = 0; i < n; i++) {
            if (!c.isMissing(i)) {
              col.set(i, c.text(i));
            }
          }
          return col;
        }
      }
    }
  }
}
