package org.sweeplab.analysis;

import it.unimi.dsi.fastutil.ints.IntArrayList;

/** Columns of selected rows. Internal. */
final class Subsets {
  private Subsets() {}

  /**
   * @return a column holding, for each group in {@code order}, the cell of its first row
   */
  static RunColumn rows(RunColumn c, int[] order, IntArrayList firstRow) {
    int[] rows = new int[order.length];
    for (int i = 0; i < order.length; i++) {
      rows[i] = firstRow.getInt(order[i]);
    }
    return rows(c, rows);
  }

  /**
   * @return a column of these rows of c, in this order
   */
  static RunColumn rows(RunColumn c, int[] rows) {
    if (c instanceof NumberColumn n && n.isIntegral()) {
      long[] v = new long[rows.length];
      for (int i = 0; i < rows.length; i++) {
        v[i] = n.longs()[rows[i]];
      }
      return NumberColumn.ofLongs(c.name(), c.type(), v, new int[0], new String[0]);
    }
    if (c instanceof NumberColumn) {
      double[] v = new double[rows.length];
      for (int i = 0; i < rows.length; i++) {
        v[i] = c.number(rows[i]);
      }
      return NumberColumn.ofDoubles(c.name(), v, new int[0], new String[0]);
    }
    CategoryColumn cat = (CategoryColumn) c;
    int[] codes = new int[rows.length];
    for (int i = 0; i < rows.length; i++) {
      codes[i] = cat.code(rows[i]);
    }
    return new CategoryColumn(c.name(), c.type(), codes, cat.levels());
  }
}
