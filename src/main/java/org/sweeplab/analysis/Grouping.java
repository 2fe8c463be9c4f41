package org.sweeplab.analysis;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows of a table split into groups by the values of some columns, groups numbered in order of
 * first appearance. Built on the columns' codes (no String per row): one column's codes are the
 * groups; several columns' codes are combined into one number per row. Internal: analyses use it to
 * build their per-group accumulators and their key columns.
 */
final class Grouping {
  private final Runs runs;
  private final List<String> columns;
  private final List<RunColumn.Codes> codes;
  private final int[] groupOfRow;
  private final IntArrayList firstRow;
  private final String[] labels;

  private Grouping(Runs runs, List<String> columns) {
    this.runs = runs;
    this.columns = List.copyOf(columns);
    int n = runs.rowCount();
    codes = new ArrayList<>();
    for (String c : columns) {
      codes.add(runs.codes(c));
    }
    firstRow = new IntArrayList();
    if (codes.size() == 1) {
      // The codes are numbered in order of first appearance already.
      RunColumn.Codes c = codes.get(0);
      groupOfRow = c.ofRow();
      int[] first = new int[c.size()];
      java.util.Arrays.fill(first, -1);
      int found = 0;
      for (int i = 0; i < n && found < first.length; i++) {
        if (first[groupOfRow[i]] < 0) {
          first[groupOfRow[i]] = i;
          found++;
        }
      }
      for (int f : first) {
        firstRow.add(f);
      }
    } else {
      groupOfRow = new int[n];
      long[] radix = new long[codes.size()];
      long product = 1;
      for (int k = codes.size() - 1; k >= 0; k--) {
        radix[k] = product;
        product =
            Math.multiplyHigh(product, codes.get(k).size()) != 0
                ? -1
                : product * codes.get(k).size();
        if (product < 0) {
          throw AnalysisException.of("Too many combinations of %s to group by", columns);
        }
      }
      Long2IntOpenHashMap index = new Long2IntOpenHashMap();
      index.defaultReturnValue(-1);
      for (int i = 0; i < n; i++) {
        long key = 0;
        for (int k = 0; k < radix.length; k++) {
          key += radix[k] * codes.get(k).ofRow()[i];
        }
        int g = index.get(key);
        if (g < 0) {
          g = firstRow.size();
          index.put(key, g);
          firstRow.add(i);
        }
        groupOfRow[i] = g;
      }
    }
    labels = new String[firstRow.size()];
    for (int g = 0; g < labels.length; g++) {
      labels[g] = makeLabel(firstRow.getInt(g));
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

  /**
   * @return the group of every row (do not modify)
   */
  int[] groupOfRows() {
    return groupOfRow;
  }

  /**
   * @return the first row of group g
   */
  int firstRow(int g) {
    return firstRow.getInt(g);
  }

  List<String> columns() {
    return columns;
  }

  /**
   * @return a human label: the value alone for one column, {@code a=1, b=x} for several
   */
  String label(int group) {
    return labels[group];
  }

  /**
   * @return the key columns for these groups, in this order, keeping the source column types
   */
  List<ResultTableColumn> keys(int[] order) {
    List<ResultTableColumn> out = new ArrayList<>();
    for (String name : columns) {
      out.add(Subsets.rows(runs.column(name), order, firstRow).toResultColumn());
    }
    return List.copyOf(out);
  }

  /**
   * @return each group's value in every key column, as text ({@link ResultTableColumn#shown}), in
   *     the order of the key columns' rows
   */
  static List<String> keyText(List<ResultTableColumn> keys, int row) {
    List<String> out = new ArrayList<>(keys.size());
    for (ResultTableColumn c : keys) {
      out.add(c.shown(row));
    }
    return out;
  }

  /**
   * @return 0, 1, ..., size - 1
   */
  int[] natural() {
    int[] o = new int[size()];
    for (int i = 0; i < o.length; i++) {
      o[i] = i;
    }
    return o;
  }

  private String makeLabel(int row) {
    if (columns.size() == 1) {
      return codes.get(0).labels()[codes.get(0).ofRow()[row]];
    }
    StringBuilder b = new StringBuilder();
    for (int c = 0; c < columns.size(); c++) {
      RunColumn.Codes k = codes.get(c);
      b.append(c > 0 ? ", " : "")
          .append(columns.get(c))
          .append('=')
          .append(k.labels()[k.ofRow()[row]]);
    }
    return b.toString();
  }
}
