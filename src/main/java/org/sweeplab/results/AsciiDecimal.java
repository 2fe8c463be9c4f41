package org.sweeplab.results;

/**
 * A decimal number read straight from ASCII bytes, when that can be done exactly: an optional sign,
 * digits, an optional fraction, no exponent, at most 18 significant digits that make an integer
 * below 2^53, and at most 22 fraction digits. Then the integer and the power of ten are both exact
 * doubles, and one division rounds correctly (Clinger's fast path), so the result is what {@link
 * Double#parseDouble} gives. Anything else (an exponent, more digits, text) gives NaN and is left
 * to the caller's slower path. Shared by the CSV reader of the analysis and the journal's decoder.
 */
public final class AsciiDecimal {
  private static final double[] POWERS_OF_TEN = new double[23];

  static {
    double p = 1;
    for (int k = 0; k < POWERS_OF_TEN.length; k++) {
      POWERS_OF_TEN[k] = p;
      p *= 10;
    }
  }

  private AsciiDecimal() {}

  /** The number in bytes [start, stop) of {@code b}, or NaN when it is not on the exact path. */
  public static double exact(byte[] b, int start, int stop) {
    int i = start;
    boolean negative = false;
    if (i < stop && (b[i] == '-' || b[i] == '+')) {
      negative = b[i] == '-';
      i++;
    }
    long m = 0;
    int digits = 0;
    int exp = 0;
    boolean any = false;
    while (i < stop && b[i] >= '0' && b[i] <= '9') {
      if (digits == 18) {
        return Double.NaN;
      }
      m = m * 10 + (b[i] - '0');
      if (m > 0) {
        digits++; // leading zeros are not significant
      }
      any = true;
      i++;
    }
    if (i < stop && b[i] == '.') {
      i++;
      while (i < stop && b[i] >= '0' && b[i] <= '9') {
        if (digits == 18) {
          return Double.NaN;
        }
        m = m * 10 + (b[i] - '0');
        if (m > 0) {
          digits++;
        }
        exp--;
        any = true;
        i++;
      }
    }
    if (i != stop || !any || m >= (1L << 53) || exp < -22) {
      return Double.NaN;
    }
    double v = exp < 0 ? m / POWERS_OF_TEN[-exp] : m;
    return negative ? -v : v;
  }
}
