package org.sweeplab.analysis;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * The rows of a table split into groups by the values of some columns, groups numbered in order of first
 * appearance. Internal: analyses use it to build their per-group accumulators and their key columns.
 */
final class Grouping {
  private final Runs runs;
  private final List<String> columns;
  private final int[] groupOfRow;
  private final IntArrayList firstRow;
  private final List<String> labels;

  private Grouping(Runs runs, List<String> columns) {
    this.runs = runs;
    this.columns = List.copyOf(columns);
    int n = runs.rowCount();
    List<String[]> cells = new ArrayList<>();
    for (String c : columns) {
      cells.add(runs.text(c));
    }
    groupOfRow = new int[n];
    firstRow = new IntArrayList();
    labels = new ArrayList<>();
    Object2IntOpenHashMap<String> index = new Object2IntOpenHashMap<>();
    index.defaultReturnValue(-1);
    StringBuilder key = new StringBuilder();
    for (int i = 0; i < n; i++) {
      key.setLength(0);
      for (int c = 0; c < cells.size(); c++) {
        if (c > 0) {
          key.append('\u0001');
        }
        key.append(cells.get(c)[i]);
      }
      String k = key.toString();
      int g = index.getInt(k);
      if (g < 0) {
        g = firstRow.size();
        index.put(k, g);
        firstRow.add(i);
        labels.add(label(cells, i));
      }
      groupOfRow[i] = g;
    }
  }

  static Grouping of(Runs runs, List<String> columns) {
    return new Grouping(runs, columns);
  }

  int size() {
    return firstRow.size();
  }

  int groupOf(int row) {
    return groupOfRow[row];
  }

  List<String> columns() {
    return columns;
  }

  /** @return a human label: the value alone for one column, {@code a=1, b=x} for several */
  String label(int group) {
    return labels.get(group);
  }

  /** @return the key columns for these groups, in this order, keeping the source column types */
  Table keys(int[] order) {
    Table t = Table.create();
    for (String name : columns) {
      @SuppressWarnings("unchecked")
      Column<Object> src = (Column<Object>) runs.column(name);
      Column<Object> out = src.emptyCopy();
      for (int g : order) {
        out.append(src, firstRow.getInt(g));
      }
      t.addColumns(out);
    }
    return t;
  }

  /** @return 0, 1, ..., size - 1 */
  int[] natural() {
    int[] o = new int[size()];
    for (int i = 0; i < o.length; i++) {
      o[i] = i;
    }
    return o;
  }

  private String label(List<String[]> cells, int row) {
    if (columns.size() == 1) {
      return cells.get(0)[row];
    }
    StringBuilder b = new StringBuilder();
    for (int c = 0; c < columns.size(); c++) {
      b.append(c > 0 ? ", " : "").append(columns.get(c)).append('=').append(cells.get(c)[row]);
    }
    return b.toString();
  }
}
