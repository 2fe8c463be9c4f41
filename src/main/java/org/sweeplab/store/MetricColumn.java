package org.sweeplab.store;

import org.sweeplab.results.ColumnType;

import java.util.BitSet;

/**
 * One metric's values by run ordinal, in primitive arrays: longs, doubles, booleans or strings, widened as values of
 * other types arrive (long to double; anything mixed with text to string). Missing values are tracked per kind.
 */
final class MetricColumn {
  private final int capacity;
  private ColumnType kind;
  private long[] longs;
  private BitSet present;
  private double[] doubles;
  private byte[] bools;
  private String[] strings;

  MetricColumn(int capacity) {
    this.capacity = capacity;
  }

  ColumnType kind() {
    return kind;
  }

  void put(int i, Object v) {
    if (v == null) {
      return;
    }
    ColumnType k = ColumnType.of(v);
    if (kind != k) {
      widenTo(ColumnType.widen(kind, k));
    }
    switch (kind) {
      case LONG -> {
        longs[i] = ((Number) v).longValue();
        present.set(i);
      }
      case DOUBLE -> doubles[i] = ((Number) v).doubleValue();
      case BOOLEAN -> bools[i] = (byte) ((Boolean) v ? 2 : 1);
      default -> strings[i] = text(v);
    }
  }

  /** Clears a value (a run that is being replaced). */
  void clear(int i) {
    if (kind == null) {
      return;
    }
    switch (kind) {
      case LONG -> present.clear(i);
      case DOUBLE -> doubles[i] = Double.NaN;
      case BOOLEAN -> bools[i] = 0;
      default -> strings[i] = null;
    }
  }

  /** Appends the CSV text of value {@code i} (nothing when missing). */
  void appendCsv(ByteLine out, int i) {
    if (kind == null) {
      return;
    }
    switch (kind) {
      case LONG -> {
        if (present.get(i)) {
          out.number(longs[i]);
        }
      }
      case DOUBLE -> {
        if (Double.isFinite(doubles[i])) {
          out.decimal(doubles[i]);
        }
      }
      case BOOLEAN -> {
        if (bools[i] != 0) {
          out.ascii(bools[i] == 2 ? "true" : "false");
        }
      }
      default -> {
        if (strings[i] != null) {
          out.csvField(strings[i]);
        }
      }
    }
  }

  private void widenTo(ColumnType target) {
    if (kind == null) {
      allocate(target);
      kind = target;
      return;
    }
    if (target == kind) {
      return;
    }
    ColumnType old = kind;
    long[] oldLongs = longs;
    BitSet oldPresent = present;
    double[] oldDoubles = doubles;
    byte[] oldBools = bools;
    allocate(target);
    kind = target;
    for (int i = 0; i < capacity; i++) {
      Object v = switch (old) {
        case LONG -> oldPresent.get(i) ? (Object) oldLongs[i] : null;
        case DOUBLE -> Double.isNaN(oldDoubles[i]) ? null : (Object) oldDoubles[i];
        case BOOLEAN -> oldBools[i] == 0 ? null : (Object) (oldBools[i] == 2);
        default -> null;
      };
      if (v != null) {
        put(i, v);
      }
    }
    longs = target == ColumnType.LONG ? longs : null;
    if (target != ColumnType.LONG) {
      present = null;
    }
  }

  private void allocate(ColumnType k) {
    switch (k) {
      case LONG -> {
        longs = new long[capacity];
        present = new BitSet(capacity);
      }
      case DOUBLE -> {
        doubles = new double[capacity];
        java.util.Arrays.fill(doubles, Double.NaN);
      }
      case BOOLEAN -> bools = new byte[capacity];
      default -> strings = new String[capacity];
    }
  }

  private static String text(Object v) {
    return v.toString();
  }
}
