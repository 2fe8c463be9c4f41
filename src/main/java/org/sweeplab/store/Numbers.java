package org.sweeplab.store;

/**
 * Writes doubles as text that parses back to the same double. Values with at most six decimals
 * between 1e-3 and 1e7 (most metrics and costs) take a fast exact path; everything else goes
 * through {@link Double#toString}.
 */
final class Numbers {
  private static final double[] SCALE = {1, 10, 100, 1e3, 1e4, 1e5, 1e6};

  private Numbers() {}

  static void append(ByteLine out, double d) {
    double a = Math.abs(d);
    if (a >= 1e-3 && a < 1e7) {
      for (int k = 0; k < SCALE.length; k++) {
        long m = Math.round(d * SCALE[k]);
        if (m / SCALE[k] == d) {
          if (m < 0) {
            out.put('-');
            m = -m;
          }
          long pow = (long) SCALE[k];
          out.number(m / pow).put('.');
          if (k == 0) {
            out.put('0');
          } else {
            out.padded(m % pow, k);
          }
          return;
        }
      }
    }
    out.ascii(Double.toString(d));
  }
}
