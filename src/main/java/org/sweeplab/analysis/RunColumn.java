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
