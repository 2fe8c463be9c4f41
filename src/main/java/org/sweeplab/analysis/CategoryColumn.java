package org.sweeplab.analysis;

import org.sweeplab.results.ColumnType;

/**
 * A text (or boolean) column: one int code per row into a dictionary of distinct values in order of
 * first appearance; code -1 is the empty cell. Internal.
 */
final class CategoryColumn implements RunColumn {
  private final String name;
  private final ColumnType type;
  private final int[] codes;
  private final String[] levels;
  private RunColumn.Codes withMissing;

  CategoryColumn(String name, ColumnType type, int[] codes, String[] levels) {
    this.name = name;
    this.type = type;
    this.codes = codes;
    this.levels = levels;
  }

  /**
   * @param texts the cells; null or empty is a missing cell
   * @return the column of these cells, codes in order of first appearance
   */
  static CategoryColumn of(String name, ColumnType type, String[] texts) {
    int[] codes = new int[texts.length];
    it.unimi.dsi.fastutil.objects.Object2IntLinkedOpenHashMap<String> index =
        new it.unimi.dsi.fastutil.objects.Object2IntLinkedOpenHashMap<>();
    index.defaultReturnValue(-1);
    for (int i = 0; i < texts.length; i++) {
      String s = texts[i];
      if (s == null || s.isEmpty()) {
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
    return new CategoryColumn(name, type, codes, index.keySet().toArray(String[]::new));
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public ColumnType type() {
    return type;
  }

  @Override
  public int size() {
    return codes.length;
  }

  int code(int row) {
    return codes[row];
  }

  int[] rawCodes() {
    return codes;
  }

  String[] levels() {
    return levels;
  }

  @Override
  public boolean isMissing(int row) {
    return codes[row] < 0;
  }

  @Override
  public String text(int row) {
    int c = codes[row];
    return c < 0 ? "" : levels[c];
  }

  @Override
  public double number(int row) {
    int c = codes[row];
    return c < 0 ? Double.NaN : levelNumbers()[c];
  }

  @Override
  public boolean isNotNumber(int row) {
    int c = codes[row];
    return c >= 0 && Double.isNaN(levelNumbers()[c]) && !isNaNText(levels[c]);
  }

  private double[] numbers;

  /**
   * @return per level, its value as a number (booleans 1 or 0, NaN when not a number)
   */
  synchronized double[] levelNumbers() {
    if (numbers == null) {
      double[] n = new double[levels.length];
      for (int i = 0; i < n.length; i++) {
        n[i] = toNumber(levels[i]);
      }
      numbers = n;
    }
    return numbers;
  }

  static double toNumber(String s) {
    String t = s.strip();
    if (t.equalsIgnoreCase("true")) {
      return 1;
    }
    if (t.equalsIgnoreCase("false")) {
      return 0;
    }
    try {
      return t.isEmpty() ? Double.NaN : Double.parseDouble(t);
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  private static boolean isNaNText(String s) {
    return s.strip().equalsIgnoreCase("nan");
  }

  @Override
  public synchronized RunColumn.Codes codes() {
    if (withMissing == null) {
      boolean anyMissing = false;
      for (int c : codes) {
        if (c < 0) {
          anyMissing = true;
          break;
        }
      }
      if (!anyMissing) {
        withMissing =
            new RunColumn.Codes(codes, levels, type == ColumnType.BOOLEAN ? levelNumbers() : null);
      } else {
        // The empty cell becomes a level of its own, numbered where it first appears.
        int[] remap = new int[levels.length + 1];
        java.util.Arrays.fill(remap, -1);
        int[] out = new int[codes.length];
        String[] labels = new String[levels.length + 1];
        int k = 0;
        for (int i = 0; i < codes.length; i++) {
          int c = codes[i] + 1;
          if (remap[c] < 0) {
            remap[c] = k;
            labels[k++] = c == 0 ? "" : levels[c - 1];
          }
          out[i] = remap[c];
        }
        String[] l = java.util.Arrays.copyOf(labels, k);
        withMissing = new RunColumn.Codes(out, l, null);
      }
    }
    return withMissing;
  }
}
