package org.sweeplab.analysis;

import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.sweeplab.results.ColumnType;

/**
 * A numeric column: integers as {@code long[]} (missing is {@link Long#MIN_VALUE}), other numbers
 * as {@code double[]} (missing is NaN). The few cells that hold text which is not a number (a
 * metric {@code timeout} in a failed run, say) are kept aside with their text, sorted by row; their
 * value is NaN. Internal.
 */
final class NumberColumn implements RunColumn {
  static final long MISSING_LONG = Long.MIN_VALUE;

  private final String name;
  private final ColumnType type;
  private final long[] longs;
  private final double[] doubles;
  private final int[] oddRows;
  private final String[] oddTexts;
  private RunColumn.Codes codes;

  private NumberColumn(
      String name,
      ColumnType type,
      long[] longs,
      double[] doubles,
      int[] oddRows,
      String[] oddTexts) {
    this.name = name;
    this.type = type;
    this.longs = longs;
    this.doubles = doubles;
    this.oddRows = oddRows;
    this.oddTexts = oddTexts;
  }

  /**
   * @param type INTEGER or LONG; missing cells hold {@link #MISSING_LONG}
   */
  static NumberColumn ofLongs(
      String name, ColumnType type, long[] values, int[] oddRows, String[] oddTexts) {
    return new NumberColumn(name, type, values, null, oddRows, oddTexts);
  }

  /** Missing cells hold NaN. */
  static NumberColumn ofDoubles(String name, double[] values, int[] oddRows, String[] oddTexts) {
    return new NumberColumn(name, ColumnType.DOUBLE, null, values, oddRows, oddTexts);
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
    return longs != null ? longs.length : doubles.length;
  }

  boolean isIntegral() {
    return longs != null;
  }

  /**
   * @return the values as longs (integral columns only); do not modify
   */
  long[] longs() {
    return longs;
  }

  /**
   * @return the values as doubles, shared (do not modify); for an integral column made on first use
   *     and kept
   */
  synchronized double[] doubles() {
    if (doubles != null) {
      return doubles;
    }
    if (asDoubles == null) {
      double[] d = new double[longs.length];
      for (int i = 0; i < d.length; i++) {
        d[i] = longs[i] == MISSING_LONG ? Double.NaN : longs[i];
      }
      asDoubles = d;
    }
    return asDoubles;
  }

  private double[] asDoubles;

  int oddCount() {
    return oddRows.length;
  }

  int oddRow(int i) {
    return oddRows[i];
  }

  String oddText(int i) {
    return oddTexts[i];
  }

  private int odd(int row) {
    return oddRows.length == 0 ? -1 : Arrays.binarySearch(oddRows, row);
  }

  @Override
  public boolean isMissing(int row) {
    boolean empty = longs != null ? longs[row] == MISSING_LONG : Double.isNaN(doubles[row]);
    return empty && odd(row) < 0;
  }

  @Override
  public String text(int row) {
    if (longs != null) {
      long v = longs[row];
      if (v != MISSING_LONG) {
        return Long.toString(v);
      }
    } else if (!Double.isNaN(doubles[row])) {
      return format(doubles[row]);
    }
    int o = odd(row);
    return o < 0 ? "" : oddTexts[o];
  }

  @Override
  public double number(int row) {
    if (longs != null) {
      return longs[row] == MISSING_LONG ? Double.NaN : longs[row];
    }
    return doubles[row];
  }

  @Override
  public boolean isNotNumber(int row) {
    return odd(row) >= 0;
  }

  static String format(double v) {
    return Double.toString(v);
  }

  @Override
  public synchronized RunColumn.Codes codes() {
    if (codes != null) {
      return codes;
    }
    int n = size();
    int[] of = new int[n];
    Long2IntOpenHashMap index = new Long2IntOpenHashMap();
    index.defaultReturnValue(-1);
    List<String> labels = new ArrayList<>();
    List<Double> numbers = new ArrayList<>();
    Object2IntOpenHashMap<String> oddIndex = new Object2IntOpenHashMap<>();
    oddIndex.defaultReturnValue(-1);
    int o = 0;
    for (int i = 0; i < n; i++) {
      int c;
      if (o < oddRows.length && oddRows[o] == i) {
        String t = oddTexts[o++];
        c = oddIndex.getInt(t);
        if (c < 0) {
          c = labels.size();
          oddIndex.put(t, c);
          labels.add(t);
          numbers.add(Double.NaN);
        }
      } else {
        // -0.0 and 0.0 are one value; every NaN is one value (the empty cell).
        long key;
        if (longs != null) {
          key = longs[i];
        } else {
          double d = doubles[i];
          key = Double.isNaN(d) ? MISSING_LONG : Double.doubleToLongBits(d == 0 ? 0.0 : d);
        }
        c = index.get(key);
        if (c < 0) {
          c = labels.size();
          index.put(key, c);
          labels.add(text(i));
          numbers.add(number(i));
        }
      }
      of[i] = c;
    }
    double[] nums = new double[numbers.size()];
    for (int i = 0; i < nums.length; i++) {
      nums[i] = numbers.get(i);
    }
    codes = new RunColumn.Codes(of, labels.toArray(String[]::new), nums);
    return codes;
  }
}
