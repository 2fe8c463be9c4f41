package org.sweeplab.analysis;

import java.util.ArrayList;
import java.util.List;
import org.sweeplab.results.ColumnType;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** Converts between Tablesaw tables and the columns of {@link Runs}. Internal. */
final class TableColumns {
  private TableColumns() {}

  /**
   * @return the table's columns: integers as longs, other numbers as doubles, booleans and text as
   *     codes
   */
  static List<RunColumn> from(Table table) {
    List<RunColumn> out = new ArrayList<>();
    int n = table.rowCount();
    for (Column<?> c : table.columns()) {
      String name = c.name();
      if (c instanceof NumericColumn<?> num && isIntegral(c)) {
        long[] v = new long[n];
        for (int i = 0; i < n; i++) {
          v[i] = c.isMissing(i) ? NumberColumn.MISSING_LONG : (long) num.getDouble(i);
        }
        ColumnType t = c instanceof LongColumn ? ColumnType.LONG : ColumnType.INTEGER;
        out.add(NumberColumn.ofLongs(name, t, v, new int[0], new String[0]));
      } else if (c instanceof NumericColumn<?> num) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
          v[i] = c.isMissing(i) ? Double.NaN : num.getDouble(i);
        }
        out.add(NumberColumn.ofDoubles(name, v, new int[0], new String[0]));
      } else {
        ColumnType t = c instanceof BooleanColumn ? ColumnType.BOOLEAN : ColumnType.STRING;
        String[] texts = new String[n];
        for (int i = 0; i < n; i++) {
          texts[i] = c.isMissing(i) ? "" : c.getUnformattedString(i);
        }
        out.add(CategoryColumn.of(name, t, texts));
      }
    }
    return out;
  }

  private static boolean isIntegral(Column<?> c) {
    String t = c.type().name();
    return t.equals("INTEGER") || t.equals("LONG") || t.equals("SHORT");
  }

  /**
   * @return a Tablesaw table of these columns, through {@link ResultTable#toTable()}
   */
  static Table toTable(String name, List<RunColumn> columns) {
    return new ResultTable(name, columns.stream().map(RunColumn::toResultColumn).toList())
        .toTable();
  }
}
