package org.sweeplab.analysis;

import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import java.util.function.ToIntFunction;
import java.util.function.ToLongFunction;

/**
 * Builds the {@link ResultTableColumn columns} of a result's table from its typed rows, one value
 * of each row. Internal.
 */
final class Columns {
  private Columns() {}

  static <R> ResultTableColumn text(String name, List<R> rows, Function<R, String> value) {
    String[] v = new String[rows.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = value.apply(rows.get(i));
    }
    return ResultTableColumn.ofText(name, v);
  }

  /** Integers; {@link ResultTableColumn#MISSING_INT} is a missing cell. */
  static <R> ResultTableColumn ints(String name, List<R> rows, ToIntFunction<R> value) {
    int[] v = new int[rows.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = value.applyAsInt(rows.get(i));
    }
    return ResultTableColumn.ofInts(name, v);
  }

  static <R> ResultTableColumn longs(String name, List<R> rows, ToLongFunction<R> value) {
    long[] v = new long[rows.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = value.applyAsLong(rows.get(i));
    }
    return ResultTableColumn.ofLongs(name, v);
  }

  /** Doubles; NaN is a missing cell. */
  static <R> ResultTableColumn doubles(String name, List<R> rows, ToDoubleFunction<R> value) {
    double[] v = new double[rows.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = value.applyAsDouble(rows.get(i));
    }
    return ResultTableColumn.ofDoubles(name, v);
  }

  static <R> ResultTableColumn booleans(String name, List<R> rows, Predicate<R> value) {
    boolean[] v = new boolean[rows.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = value.test(rows.get(i));
    }
    return ResultTableColumn.ofBooleans(name, v);
  }
}
