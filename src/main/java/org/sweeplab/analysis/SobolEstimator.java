package org.sweeplab.analysis;

/**
 * The Sobol index estimators on the rows of a Saltelli sample. Internal; {@link Sensitivity#sobol}
 * calls it.
 *
 * <p>With f the model output centred on the mean of the cells used, V the variance of f over the A
 * and B cells together (divisor 2n), and n rows:
 *
 * <ul>
 *   <li>first order (Saltelli et al. 2010, Comput. Phys. Commun. 181:259, table 2 (b)): {@code S_i
 *       = (1/n) Σ f(B) (f(AB^i) - f(A)) / V};
 *   <li>total (Jansen 1999, Comput. Phys. Commun. 117:35; Saltelli et al. 2010 table 2 (f)): {@code
 *       ST_i = (1/2n) Σ (f(A) - f(AB^i))^2 / V};
 *   <li>second order (Saltelli 2002, Comput. Phys. Commun. 145:280, eq. 13, as SALib computes it):
 *       {@code V_ij = (1/n) Σ (f(BA^i) f(AB^j) - f(A) f(B)) / V}, {@code S_ij = V_ij - S_i - S_j}.
 * </ul>
 *
 * <p>The estimates come out in one array: the k first-order indices, the k totals, then S_ij for i
 * &lt; j in row-major order. They are NaN when V is 0 (a constant output).
 */
final class SobolEstimator {
  private final double[][] values;
  private final int k;
  private final boolean second;

  /**
   * @param values per row, its cells in the {@link org.sweeplab.results.DesignLayout} order
   * @param k the number of factors
   * @param second whether the rows hold the BA^i cells
   */
  SobolEstimator(double[][] values, int k, boolean second) {
    this.values = values;
    this.k = k;
    this.second = second;
  }

  /** The number of estimates: 2k, plus k(k-1)/2 with second order. */
  int size() {
    return 2 * k + (second ? k * (k - 1) / 2 : 0);
  }

  /** The estimates on these rows (repeats allowed, as a bootstrap resample has them). */
  double[] estimate(int[] rows) {
    int n = rows.length;
    int width = values[0].length;
    int b = width - 1;
    double mean = 0;
    for (int r : rows) {
      double[] row = values[r];
      for (double v : row) {
        mean += v;
      }
    }
    mean /= (double) n * width;
    double sum = 0;
    double sumSq = 0;
    for (int r : rows) {
      double a = values[r][0] - mean;
      double bb = values[r][b] - mean;
      sum += a + bb;
      sumSq += a * a + bb * bb;
    }
    double variance = sumSq / (2.0 * n) - (sum / (2.0 * n)) * (sum / (2.0 * n));
    double[] out = new double[size()];
    for (int i = 0; i < k; i++) {
      double first = 0;
      double total = 0;
      for (int r : rows) {
        double a = values[r][0] - mean;
        double bb = values[r][b] - mean;
        double ab = values[r][1 + i] - mean;
        first += bb * (ab - a);
        total += (a - ab) * (a - ab);
      }
      out[i] = first / n / variance;
      out[k + i] = total / (2.0 * n) / variance;
    }
    if (second) {
      int at = 2 * k;
      for (int i = 0; i < k; i++) {
        for (int j = i + 1; j < k; j++) {
          double vij = 0;
          for (int r : rows) {
            double a = values[r][0] - mean;
            double bb = values[r][b] - mean;
            double ba = values[r][1 + k + i] - mean;
            double ab = values[r][1 + j] - mean;
            vij += ba * ab - a * bb;
          }
          out[at++] = vij / n / variance - out[i] - out[j];
        }
      }
    }
    if (!(variance > 0)) {
      java.util.Arrays.fill(out, Double.NaN);
    }
    return out;
  }
}
