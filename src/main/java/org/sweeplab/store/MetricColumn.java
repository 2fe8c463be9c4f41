package org.sweeplab.store;

import org.sweeplab.results.ColumnType;

/**
 * One metric's values by run ordinal, in primitive arrays: longs, doubles, booleans or strings,
 * widened as values of other types arrive (long to double; anything mixed with text to string).
 * Missing values are tracked per kind.
 */
final class MetricColumn {
  private final int capacity;
  private ColumnType kind;
  // Chunked like the other run columns (Chunks): memory follows the runs that reported this
  // metric's chunk.
  private Chunks.Longs longs;
  private Chunks.Bytes present;
  private Chunks.Doubles doubles;
  private Chunks.Bytes bools;
  private Chunks.Strings strings;

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
        longs.set(i, ((Number) v).longValue());
        present.set(i, (byte) 1);
      }
      case DOUBLE -> doubles.set(i, ((Number) v).doubleValue());
      case BOOLEAN -> bools.set(i, (byte) ((Boolean) v ? 2 : 1));
      default -> strings.set(i, text(v));
    }
  }

  /** Clears a value (a run that is being replaced). */
  void clear(int i) {
    if (kind == null) {
      return;
    }
    switch (kind) {
      case LONG -> present.set(i, (byte) 0);
      case DOUBLE -> doubles.set(i, Double.NaN);
      case BOOLEAN -> bools.set(i, (byte) 0);
      default -> strings.set(i, null);
    }
  }

  /** Appends the CSV text of value {@code i} (nothing when missing). */
  void appendCsv(ByteLine out, int i) {
    if (kind == null) {
      return;
    }
    switch (kind) {
      case LONG -> {
        if (present.get(i) != 0) {
          out.number(longs.get(i));
        }
      }
      case DOUBLE -> {
        double d = doubles.get(i);
        if (Double.isFinite(d)) {
          out.decimal(d);
        }
      }
      case BOOLEAN -> {
        byte b = bools.get(i);
        if (b != 0) {
          out.ascii(b == 2 ? "true" : "false");
        }
      }
      default -> {
        String t = strings.get(i);
        if (t != null) {
          out.csvField(t);
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
    Chunks.Longs oldLongs = longs;
    Chunks.Bytes oldPresent = present;
    Chunks.Doubles oldDoubles = doubles;
    Chunks.Bytes oldBools = bools;
    allocate(target);
    kind = target;
    for (int i = 0; i < capacity; i++) {
      Object v =
          switch (old) {
            case LONG -> oldPresent.get(i) != 0 ? (Object) oldLongs.get(i) : null;
            case DOUBLE -> Double.isNaN(oldDoubles.get(i)) ? null : (Object) oldDoubles.get(i);
            case BOOLEAN -> oldBools.get(i) == 0 ? null : (Object) (oldBools.get(i) == 2);
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
        longs = new Chunks.Longs(capacity);
        present = new Chunks.Bytes(capacity);
      }
      case DOUBLE -> doubles = new Chunks.Doubles(capacity);
      case BOOLEAN -> bools = new Chunks.Bytes(capacity);
      default -> strings = new Chunks.Strings(capacity);
    }
  }

  private static String text(Object v) {
    return v.toString();
  }
}
