package org.sweeplab.analysis;

/**
 * The count, mean and sum of squared deviations of a metric at each level of one parameter, over
 * the rows in use, computed in three passes over the rows without copying a value: what the one-way
 * ANOVA of {@link MainEffects} needs at ten million rows, where a copy of the values per parameter
 * (and a centred copy of that) was most of its time and memory.
 *
 * <p>Precision, as {@link Inference}'s parametric tests: the values are centred on {@link
 * #centre()}, the runs' mean, and each level's mean of the centred values is two-pass (their sum
 * over n, corrected by the mean of the residuals), so a large common offset (values near 1e9 that
 * differ in the last digits) costs no digits of F or eta squared. Levels with no used row have n 0
 * and NaN means. Internal.
 */
final class LevelMoments {
  /** Per level, the rows in use. */
  final long[] n;

  /** Per level, the mean of the metric; NaN without rows. */
  final double[] mean;

  /** Per level, the mean of {@code metric - centre}; NaN without rows. */
  final double[] centredMean;

  /** Per level, the sum of squared deviations from the level's mean; 0 without rows. */
  final double[] ss;

  /** The mean of {@code metric - centre} over every used row; NaN without rows. */
  final double grandCentred;

  private final double centre;

  private LevelMoments(
      long[] n,
      double[] mean,
      double[] centredMean,
      double[] ss,
      double grandCentred,
      double centre) {
    this.n = n;
    this.mean = mean;
    this.centredMean = centredMean;
    this.ss = ss;
    this.grandCentred = grandCentred;
    this.centre = centre;
  }

  /**
   * @param levelOfRow each row's level, 0..levels-1
   * @param levels the number of levels
   * @param use the rows to include (an ok run with a value)
   * @param y the metric, row by row; only rows in use are read
   */
  static LevelMoments of(int[] levelOfRow, int levels, boolean[] use, double[] y) {
    long[] n = new long[levels];
    double[] sum = new double[levels];
    int rows = use.length;
    for (int i = 0; i < rows; i++) {
      if (use[i]) {
        int v = levelOfRow[i];
        n[v]++;
        sum[v] += y[i];
      }
    }
    long total = 0;
    for (long c : n) {
      total += c;
    }
    // The centre: the runs' mean from the levels' one-pass means. It need not be exact, only close
    // to the values, for the subtraction below to be exact.
    double c = 0;
    for (int v = 0; v < levels; v++) {
      if (n[v] > 0) {
        c += sum[v] / n[v] * ((double) n[v] / total);
      }
    }
    double[] centredSum = new double[levels];
    for (int i = 0; i < rows; i++) {
      if (use[i]) {
        centredSum[levelOfRow[i]] += y[i] - c;
      }
    }
    double grand = 0;
    double[] first = new double[levels];
    for (int v = 0; v < levels; v++) {
      grand += centredSum[v];
      first[v] = n[v] == 0 ? Double.NaN : centredSum[v] / n[v];
    }
    // Deviations from each level's first mean: their sum corrects the mean, their squares (less
    // the correction) are the level's sum of squares.
    double[] r = new double[levels];
    double[] q = new double[levels];
    for (int i = 0; i < rows; i++) {
      if (use[i]) {
        int v = levelOfRow[i];
        double d = (y[i] - c) - first[v];
        r[v] += d;
        q[v] += d * d;
      }
    }
    double[] mean = new double[levels];
    double[] centredMean = new double[levels];
    double[] ss = new double[levels];
    for (int v = 0; v < levels; v++) {
      centredMean[v] = n[v] == 0 ? Double.NaN : first[v] + r[v] / n[v];
      mean[v] = c + centredMean[v];
      ss[v] = n[v] == 0 ? 0 : Math.max(0, q[v] - r[v] * r[v] / n[v]);
    }
    return new LevelMoments(
        n, mean, centredMean, ss, total == 0 ? Double.NaN : grand / total, total == 0 ? 0 : c);
  }

  /**
   * @return the value the deviations were centred on: the runs' mean (0 without rows)
   */
  double centre() {
    return centre;
  }

  /**
   * @return the number of levels
   */
  int size() {
    return n.length;
  }
}
