package org.sweeplab.analysis;

import it.unimi.dsi.fastutil.objects.Object2IntLinkedOpenHashMap;
import java.util.ArrayList;
import java.util.List;
import org.sweeplab.results.ColumnType;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.StringColumn;
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
        int[] codes = new int[n];
        Object2IntLinkedOpenHashMap<String> index = new Object2IntLinkedOpenHashMap<>();
        index.defaultReturnValue(-1);
        for (int i = 0; i < n; i++) {
          String s = c.isMissing(i) ? "" : c.getUnformattedString(i);
          if (s.isEmpty()) {
            codes[i] = -1;
            continue;
          }
          int code = index.getInt(s);
          if (code < 0) {
            code = index.size();
            index.put(s, code);
          }
          codes[i] = code;
        }
        out.add(new CategoryColumn(name, t, codes, index.keySet().toArray(String[]::new)));
      }
    }
    return out;
  }

  private static boolean isIntegral(Column<?> c) {
    String t = c.type().name();
    return t.equals("INTEGER") || t.equals("LONG") || t.equals("SHORT");
  }

  /**
   * @return a Tablesaw table of these columns
   */
  static Table toTable(String name, List<RunColumn> columns) {
    Table t = Table.create(name);
    for (RunColumn c : columns) {
      int n = c.size();
      if (c instanceof NumberColumn num && num.isIntegral()) {
        long[] v = num.longs();
        if (c.type() == ColumnType.INTEGER && fitsInt(v)) {
          IntColumn col = IntColumn.create(c.name(), n);
          for (int i = 0; i < n; i++) {
            if (v[i] == NumberColumn.MISSING_LONG) {
              col.setMissing(i);
            } else {
              col.set(i, (int) v[i]);
            }
          }
          t.addColumns(col);
        } else {
          LongColumn col = LongColumn.create(c.name(), n);
          for (int i = 0; i < n; i++) {
            if (v[i] == NumberColumn.MISSING_LONG) {
              col.setMissing(i);
            } else {
              col.set(i, v[i]);
            }
          }
          t.addColumns(col);
        }
      } else if (c instanceof NumberColumn num) {
        t.addColumns(DoubleColumn.create(c.name(), num.doubles()));
      } else if (c.type() == ColumnType.BOOLEAN) {
        BooleanColumn col = BooleanColumn.create(c.name(), n);
        for (int i = 0; i < n; i++) {
          double d = c.number(i);
          if (Double.isNaN(d)) {
            col.setMissing(i);
          } else {
            col.set(i, d != 0);
          }
        }
        t.addColumns(col);
      } else {
        CategoryColumn cat = (CategoryColumn) c;
        StringColumn col = StringColumn.create(c.name(), n);
        String[] levels = cat.levels();
        for (int i = 0; i < n; i++) {
          int code = cat.code(i);
          if (code >= 0) {
            col.set(i, levels[code]);
          }
        }
        t.addColumns(col);
      }
    }
    return t;
  }

  private static boolean fitsInt(long[] v) {
    for (long x : v) {
      if (x != NumberColumn.MISSING_LONG && (x < Integer.MIN_VALUE || x > Integer.MAX_VALUE)) {
        return false;
      }
    }
    return true;
  }
}
