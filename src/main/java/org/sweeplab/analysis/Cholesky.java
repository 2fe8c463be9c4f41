package org.sweeplab.analysis;

/**
 * Solves the small symmetric positive definite systems of the least-squares fits ({@link
 * TwoWayAnova}). Internal.
 */
final class Cholesky {
  private Cholesky() {}

  /**
   * @return x with {@code a x = b} for a symmetric positive definite a (overwritten by its Cholesky
   *     factor)
   */
  static double[] solve(double[][] a, double[] b) {
    int m = b.length;
    for (int j = 0; j < m; j++) {
      double d = a[j][j];
      for (int k = 0; k < j; k++) {
        d -= a[j][k] * a[j][k];
      }
      a[j][j] = Math.sqrt(Math.max(d, 0));
      for (int i = j + 1; i < m; i++) {
        double s = a[i][j];
        for (int k = 0; k < j; k++) {
          s -= a[i][k] * a[j][k];
        }
        a[i][j] = a[j][j] == 0 ? 0 : s / a[j][j];
      }
    }
    double[] y = new double[m];
    for (int i = 0; i < m; i++) {
      double s = b[i];
      for (int k = 0; k < i; k++) {
        s -= a[i][k] * y[k];
      }
      y[i] = a[i][i] == 0 ? 0 : s / a[i][i];
    }
    double[] x = new double[m];
    for (int i = m - 1; i >= 0; i--) {
      double s = y[i];
      for (int k = i + 1; k < m; k++) {
        s -= a[k][i] * x[k];
      }
      x[i] = a[i][i] == 0 ? 0 : s / a[i][i];
    }
    return x;
  }
}
