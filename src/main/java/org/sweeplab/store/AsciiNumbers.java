package org.sweeplab.store;

import java.nio.charset.StandardCharsets;

/**
 * JSON numbers read from ASCII bytes without making a string, giving exactly what {@link
 * Long#parseLong} and {@link Double#parseDouble} give (JournalDecoderTest compares them on random
 * numbers): the journal's decoder reads two or three per line.
 */
final class AsciiNumbers {
  private AsciiNumbers() {}

  /** The integer in bytes [start, stop), as {@link Long#parseLong} reads it. */
  static long toLong(byte[] b, int start, int stop) {
    boolean negative = b[start] == '-';
    int k = negative ? start + 1 : start;
    int digits = stop - k;
    if (digits <= 19) {
      long v = 0;
      for (int last = Math.min(stop, k + 18); k < last; k++) {
        v = v * 10 + (b[k] - '0');
      }
      if (k == stop) {
        return negative ? -v : v;
      }
      int d = b[k] - '0'; // the 19th digit: fits unless past Long.MAX_VALUE
      if (v <= (Long.MAX_VALUE - d) / 10) {
        v = v * 10 + d;
        return negative ? -v : v;
      }
    }
    // Long.MIN_VALUE, or too large: the JDK decides, and throws when it does not fit
    return Long.parseLong(new String(b, start, stop - start, StandardCharsets.US_ASCII));
  }

  private static final double[] POWERS_OF_TEN = new double[23];

  static {
    double p = 1;
    for (int k = 0; k < POWERS_OF_TEN.length; k++) {
      POWERS_OF_TEN[k] = p;
      p *= 10;
    }
  }

  /**
   * The decimal in bytes [start, stop) (no exponent), as {@link Double#parseDouble} reads it: at
   * most 15 digits make an exact integer, and dividing it by an exact power of ten rounds once,
   * correctly (Clinger's fast path); NaN when the number is beyond that.
   */
  static double fastDecimal(byte[] b, int start, int stop) {
    boolean negative = b[start] == '-';
    long m = 0;
    int digits = 0;
    int fraction = -1;
    for (int k = negative ? start + 1 : start; k < stop; k++) {
      byte c = b[k];
      if (c == '.') {
        fraction = 0;
      } else if (c >= '0' && c <= '9') {
        m = m * 10 + (c - '0');
        digits++;
        if (fraction >= 0) {
          fraction++;
        }
      } else {
        return Double.NaN; // an exponent
      }
    }
    if (digits > 15 || fraction < 0 || fraction >= POWERS_OF_TEN.length) {
      return Double.NaN;
    }
    double d = m / POWERS_OF_TEN[fraction];
    return negative ? -d : d;
  }
}
