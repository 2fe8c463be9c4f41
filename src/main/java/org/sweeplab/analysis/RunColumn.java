package org.sweeplab.analysis;

import org.sweeplab.results.ColumnType;

/**
 * One column of {@link Runs}, held as primitive arrays: numbers as {@code double[]} or {@code
 * long[]}, text as int codes into a small dictionary. Immutable once built; internal.
 */
sealed interface RunColumn permits NumberColumn, CategoryColumn {

  String name();

  ColumnType type();

  int size();

  /**
   * @return whether the cell was empty
   */
  boolean isMissing(int row);

  /**
   * @return the cell as text, the empty string when missing
   */
  String text(int row);

  /**
   * @return the cell as a number: NaN when missing or not a number; booleans are 1 or 0
   */
  double number(int row);

  /**
   * @return whether the cell holds text that is not a number (always false for an empty cell)
   */
  boolean isNotNumber(int row);

  /**
   * The distinct values as codes 0, 1, ... in order of first appearance, the empty cell included as
   * a value.
   *
   * @return the codes of every row and the text of each code
   */
  Codes codes();

  /**
   * @return the column as a result's column: integers as ints when the column is {@code INTEGER}
   *     and every value fits, else as longs; other numbers as doubles; booleans; text
   */
  default ResultTableColumn toResultColumn() {
    RunColumn c = this;
    int n = c.size();
    if (c instanceof NumberColumn num && num.isIntegral()) {
      long[] v = num.longs();
      if (c.type() == ColumnType.INTEGER && fitsInt(v)) {
        int[] ints = new int[n];
        for (int i = 0; i < n; i++) {
          ints[i] = v[i] == NumberColumn.MISSING_LONG ? ResultTableColumn.MISSING_INT : (int) v[i];
        }
        return ResultTableColumn.ofInts(c.name(), ints);
      }
      // NumberColumn marks a missing long as ResultTableColumn does (Long.MIN_VALUE).
      return ResultTableColumn.ofLongs(c.name(), v);
    } else if (c instanceof NumberColumn num) {
      return ResultTableColumn.ofDoubles(c.name(), num.doubles());
    } else if (c.type() == ColumnType.BOOLEAN) {
      byte[] b = new byte[n];
      for (int i = 0; i < n; i++) {
        double d = c.number(i);
        b[i] = (byte) (Double.isNaN(d) ? -1 : d != 0 ? 1 : 0);
      }
      return ResultTableColumn.ofBooleans(c.name(), b);
    }
    CategoryColumn cat = (CategoryColumn) c;
    String[] levels = cat.levels();
    String[] text = new String[n];
    for (int i = 0; i < n; i++) {
      int code = cat.code(i);
      text[i] = code >= 0 ? levels[code] : null;
    }
    return ResultTableColumn.ofText(c.name(), text);
  }

  private static boolean fitsInt(long[] v) {
    for (long x : v) {
      if (x != NumberColumn.MISSING_LONG && (x < Integer.MIN_VALUE || x > Integer.MAX_VALUE)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Distinct values of a column as small integers.
   *
   * @param ofRow per row, the code of its value
   * @param labels per code, its text ({@code ""} for the empty cell)
   * @param numbers per code, its value as a number (NaN when not a number); null for a text column
   */
  record Codes(int[] ofRow, String[] labels, double[] numbers) {
    int size() {
      return labels.length;
    }
  }
}
