package org.sweeplab.analysis;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.util.Locale;
import org.sweeplab.results.ColumnType;

/**
 * One named, typed column of a {@link ResultTable}, held as a primitive array: text ({@code
 * String[]}), integers ({@code int[]}), longs ({@code long[]}), doubles ({@code double[]}) or
 * booleans ({@code byte[]}). Immutable: the factories take their arrays over, and nothing changes
 * them afterwards.
 *
 * <p>Missing cells: an empty or null text; {@link #MISSING_INT} and {@link #MISSING_LONG} (the
 * smallest values, as Tablesaw marks them); NaN for doubles, so a NaN statistic is a missing cell;
 * a boolean made missing by its factory. A missing cell reads as NaN from {@link #number}, as the
 * empty string from {@link #text}, and as null from {@link #get}.
 */
public final class ResultTableColumn {
  /** The integer that marks a missing cell of an {@link ColumnType#INTEGER} column. */
  public static final int MISSING_INT = Integer.MIN_VALUE;

  /** The long that marks a missing cell of a {@link ColumnType#LONG} column. */
  public static final long MISSING_LONG = Long.MIN_VALUE;

  private static final byte MISSING_BOOLEAN = -1;

  private final String name;
  private final ColumnType type;
  private final int size;
  private final String[] texts;
  private final int[] ints;
  private final long[] longs;
  private final double[] doubles;
  private final byte[] booleans;

  private ResultTableColumn(
      String name,
      ColumnType type,
      int size,
      String[] texts,
      int[] ints,
      long[] longs,
      double[] doubles,
      byte[] booleans) {
    this.name = name;
    this.type = type;
    this.size = size;
    this.texts = texts;
    this.ints = ints;
    this.longs = longs;
    this.doubles = doubles;
    this.booleans = booleans;
  }

  static ResultTableColumn ofText(String name, String[] values) {
    return new ResultTableColumn(
        name, ColumnType.STRING, values.length, values, null, null, null, null);
  }

  static ResultTableColumn ofInts(String name, int[] values) {
    return new ResultTableColumn(
        name, ColumnType.INTEGER, values.length, null, values, null, null, null);
  }

  static ResultTableColumn ofLongs(String name, long[] values) {
    return new ResultTableColumn(
        name, ColumnType.LONG, values.length, null, null, values, null, null);
  }

  static ResultTableColumn ofDoubles(String name, double[] values) {
    return new ResultTableColumn(
        name, ColumnType.DOUBLE, values.length, null, null, null, values, null);
  }

  static ResultTableColumn ofBooleans(String name, boolean[] values) {
    byte[] b = new byte[values.length];
    for (int i = 0; i < b.length; i++) {
      b[i] = (byte) (values[i] ? 1 : 0);
    }
    return ofBooleans(name, b);
  }

  /**
   * @param values 1 for true, 0 for false, any negative value for a missing cell
   */
  static ResultTableColumn ofBooleans(String name, byte[] values) {
    return new ResultTableColumn(
        name, ColumnType.BOOLEAN, values.length, null, null, null, null, values);
  }

  public String name() {
    return name;
  }

  public ColumnType type() {
    return type;
  }

  public int size() {
    return size;
  }

  /**
   * @return whether the cells are numbers (integers, longs or doubles)
   */
  public boolean isNumeric() {
    return type.isNumeric();
  }

  public boolean isMissing(int row) {
    return switch (type) {
      case STRING -> texts[row] == null || texts[row].isEmpty();
      case INTEGER -> ints[row] == MISSING_INT;
      case LONG -> longs[row] == MISSING_LONG;
      case DOUBLE -> Double.isNaN(doubles[row]);
      case BOOLEAN -> booleans[row] < 0;
    };
  }

  /**
   * @return the cell as a number: NaN when missing; booleans 1 or 0; NaN for text
   */
  public double number(int row) {
    if (isMissing(row)) {
      return Double.NaN;
    }
    return switch (type) {
      case INTEGER -> ints[row];
      case LONG -> longs[row];
      case DOUBLE -> doubles[row];
      case BOOLEAN -> booleans[row];
      case STRING -> Double.NaN;
    };
  }

  /**
   * @return the cell of an integer or long column; {@link #MISSING_LONG} when missing
   * @throws IllegalStateException if the column holds no integers
   */
  public long longValue(int row) {
    return switch (type) {
      case INTEGER -> ints[row] == MISSING_INT ? MISSING_LONG : ints[row];
      case LONG -> longs[row];
      default -> throw new IllegalStateException("Column " + name + " holds no integers");
    };
  }

  /**
   * @return the cell as text, unformatted: numbers as Java writes them ({@code 2.0} for a whole
   *     double), booleans {@code true} or {@code false}; the empty string when missing
   */
  public String text(int row) {
    Object v = get(row);
    return v == null ? "" : v.toString();
  }

  /**
   * @return the cell as an {@code Integer}, {@code Long}, {@code Double}, {@code String} or {@code
   *     Boolean}, by the column's type; null when missing
   */
  public Object get(int row) {
    if (isMissing(row)) {
      return null;
    }
    return switch (type) {
      case STRING -> texts[row];
      case INTEGER -> ints[row];
      case LONG -> longs[row];
      case DOUBLE -> doubles[row];
      case BOOLEAN -> booleans[row] > 0;
    };
  }

  /**
   * The cell as Tablesaw's {@code getString} shows it, which the group keys of the typed rows have
   * always been: integers without grouping, doubles in the default locale's digits with as many
   * decimals as they need ({@code 0.5}, {@code 2}, {@code ∞}), the empty string when missing.
   */
  String shown(int row) {
    if (isMissing(row)) {
      return "";
    }
    return switch (type) {
      case INTEGER, LONG ->
          integerFormat().format(type == ColumnType.INTEGER ? ints[row] : longs[row]);
      case DOUBLE -> doubleFormat().format(doubles[row]);
      default -> text(row);
    };
  }

  private static NumberFormat integerFormat() {
    NumberFormat f = new DecimalFormat();
    f.setGroupingUsed(false);
    f.setMinimumFractionDigits(0);
    f.setMaximumFractionDigits(0);
    return f;
  }

  private static NumberFormat doubleFormat() {
    NumberFormat f = new DecimalFormat("0", DecimalFormatSymbols.getInstance(Locale.getDefault()));
    f.setMaximumFractionDigits(340);
    f.setMaximumIntegerDigits(340);
    f.setGroupingUsed(false);
    return f;
  }

  /**
   * @return the column of these rows, in this order
   */
  ResultTableColumn rows(int[] which) {
    int n = which.length;
    return switch (type) {
      case STRING -> ofText(name, pick(texts, which, new String[n]));
      case INTEGER -> {
        int[] v = new int[n];
        for (int i = 0; i < n; i++) {
          v[i] = ints[which[i]];
        }
        yield ofInts(name, v);
      }
      case LONG -> {
        long[] v = new long[n];
        for (int i = 0; i < n; i++) {
          v[i] = longs[which[i]];
        }
        yield ofLongs(name, v);
      }
      case DOUBLE -> {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
          v[i] = doubles[which[i]];
        }
        yield ofDoubles(name, v);
      }
      case BOOLEAN -> {
        byte[] v = new byte[n];
        for (int i = 0; i < n; i++) {
          v[i] = booleans[which[i]];
        }
        yield ofBooleans(name, v);
      }
    };
  }

  private static String[] pick(String[] from, int[] which, String[] to) {
    for (int i = 0; i < which.length; i++) {
      to[i] = from[which[i]];
    }
    return to;
  }

  @Override
  public String toString() {
    return name + " (" + type.label() + ", " + size + " rows)";
  }
}
