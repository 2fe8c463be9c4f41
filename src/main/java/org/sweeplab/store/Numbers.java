package org.sweeplab.store;

/**
 * Writes doubles as text that parses back to the same double. Values with at most six decimals between 1e-3 and
 * 1e7 (most metrics and costs) take a fast exact path; everything else goes through {@link Double#toString}.
 */
final class Numbers {
  private static final double[] SCALE = {1, 10, 100, 1e3, 1e4, 1e5, 1e6};

  private Numbers() {}

  static void append(StringBuilder sb, double d) {
    double a = Math.abs(d);
    if (a >= 1e-3 && a < 1e7) {
      for (int k = 0; k < SCALE.length; k++) {
        double scaled = d * SCALE[k];
        long m = Math.round(scaled);
        // m / 10^k is correctly rounded, so when it equals d the decimal text m·10^-k parses back to d.
        if (m / SCALE[k] == d) {
          appendScaled(sb, m, k);
          return;
        }
      }
    }
    sb.append(d);
  }

  private static void appendScaled(StringBuilder sb, long m, int k) {
    if (m < 0) {
      sb.append('-');
      m = -m;
    }
    long pow = (long) SCALE[k];
    sb.append(m / pow).append('.');
    if (k == 0) {
      sb.append('0');
      return;
    }
    long frac = m % pow;
    for (long p = pow / 10; p > frac && p > 1; p /= 10) {
      sb.append('0');
    }
    sb.append(frac);
  }
}
