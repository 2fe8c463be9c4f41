package org.sweeplab.store;

import java.util.Arrays;

/**
 * Per-run columns of a plan stored in chunks of {@value #SIZE} runs, each allocated when a run in
 * it is first written: a sweep of a billion planned runs that a budget stops after a thousand holds
 * a thousand runs' worth, not the plan's. A run never written reads as the column's empty value (0,
 * NaN, null). Not thread-safe; the owner synchronizes.
 */
final class Chunks {
  static final int SHIFT = 16;
  static final int SIZE = 1 << SHIFT;
  private static final int MASK = SIZE - 1;

  private Chunks() {}

  private static int chunks(int capacity) {
    return (capacity + SIZE - 1) >>> SHIFT;
  }

  /** Bytes, 0 when never written. */
  static final class Bytes {
    private final byte[][] chunks;

    Bytes(int capacity) {
      chunks = new byte[chunks(capacity)][];
    }

    byte get(int i) {
      byte[] c = chunks[i >>> SHIFT];
      return c == null ? 0 : c[i & MASK];
    }

    void set(int i, byte v) {
      byte[] c = chunks[i >>> SHIFT];
      if (c == null) {
        c = new byte[SIZE];
        chunks[i >>> SHIFT] = c;
      }
      c[i & MASK] = v;
    }

    /**
     * @return whether the chunk holding run i was ever written (a fast skip for scans)
     */
    boolean allocated(int i) {
      return chunks[i >>> SHIFT] != null;
    }
  }

  /** Doubles, NaN when never written. */
  static final class Doubles {
    private final double[][] chunks;

    Doubles(int capacity) {
      chunks = new double[chunks(capacity)][];
    }

    double get(int i) {
      double[] c = chunks[i >>> SHIFT];
      return c == null ? Double.NaN : c[i & MASK];
    }

    void set(int i, double v) {
      double[] c = chunks[i >>> SHIFT];
      if (c == null) {
        c = new double[SIZE];
        Arrays.fill(c, Double.NaN);
        chunks[i >>> SHIFT] = c;
      }
      c[i & MASK] = v;
    }
  }

  /** Longs, 0 when never written. */
  static final class Longs {
    private final long[][] chunks;

    Longs(int capacity) {
      chunks = new long[chunks(capacity)][];
    }

    long get(int i) {
      long[] c = chunks[i >>> SHIFT];
      return c == null ? 0 : c[i & MASK];
    }

    void set(int i, long v) {
      long[] c = chunks[i >>> SHIFT];
      if (c == null) {
        c = new long[SIZE];
        chunks[i >>> SHIFT] = c;
      }
      c[i & MASK] = v;
    }
  }

  /** Strings, null when never written. */
  static final class Strings {
    private final String[][] chunks;

    Strings(int capacity) {
      chunks = new String[chunks(capacity)][];
    }

    String get(int i) {
      String[] c = chunks[i >>> SHIFT];
      return c == null ? null : c[i & MASK];
    }

    void set(int i, String v) {
      String[] c = chunks[i >>> SHIFT];
      if (c == null) {
        if (v == null) {
          return;
        }
        c = new String[SIZE];
        chunks[i >>> SHIFT] = c;
      }
      c[i & MASK] = v;
    }
  }
}
