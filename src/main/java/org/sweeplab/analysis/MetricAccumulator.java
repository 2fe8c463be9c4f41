package org.sweeplab.analysis;

import it.unimi.dsi.fastutil.doubles.DoubleArrayList;
import java.util.Arrays;
import java.util.function.DoubleConsumer;
import org.apache.commons.statistics.descriptive.Quantile;

/**
 * The values of one metric in one group, with their summary statistics. A mergeable accumulator:
 * feed values with {@link #accept}, merge partial results with {@link #combine}, in any order and
 * from any number of threads (one accumulator per thread).
 *
 * <p>It keeps the values, because the median and the quartiles need them. The moments are computed
 * on demand with the corrected two-pass algorithm (Chan, Golub and LeVeque, 1983): the mean is the
 * sum divided by n plus the mean of the residuals, and the variance is {@code (sum d^2 - (sum d)^2
 * / n) / (n - 1)} over the residuals d. It keeps full precision for data with a large offset, such
 * as values near 1e9 that differ in the last digits, where the one-pass formula {@code sum x^2 - n
 * mean^2} loses every digit.
 *
 * <p>NaN: accepted values are kept as given; a NaN makes the mean, variance, quantiles, minimum and
 * maximum NaN. Callers apply their {@link NaNPolicy} before accepting. Empty: every statistic is
 * NaN and the count is 0.
 */
public final class MetricAccumulator implements DoubleConsumer {
  private final DoubleArrayList values;

  /** The values sorted, for other quantiles; null until asked for and after every change. */
  private double[] sorted;

  /**
   * Minimum, quartiles and maximum, kept instead of the sorted values: a ranking of 100,000 groups
   * asks for them, and keeping a sorted copy of every group would double the memory of the values.
   * Null until asked for.
   */
  private double[] fiveNumbers;

  /**
   * The mean and variance of the first meanOf and varianceOf values (-1: not computed); values are
   * only added.
   */
  private double mean;

  private int meanOf = -1;
  private double variance;
  private int varianceOf = -1;

  private MetricAccumulator(DoubleArrayList values) {
    this.values = values;
  }

  /**
   * @return an empty accumulator
   */
  public static MetricAccumulator create() {
    return new MetricAccumulator(new DoubleArrayList());
  }

  /**
   * @return an accumulator holding these values
   */
  public static MetricAccumulator of(double... values) {
    return new MetricAccumulator(new DoubleArrayList(values));
  }

  /**
   * @return an accumulator that takes this array as its values (no copy); internal, the caller
   *     gives it up
   */
  static MetricAccumulator wrap(double[] values) {
    return new MetricAccumulator(DoubleArrayList.wrap(values));
  }

  @Override
  public void accept(double value) {
    values.add(value);
    sorted = null;
    fiveNumbers = null;
  }

  /**
   * @param other another accumulator, left unchanged
   * @return this accumulator, now also holding the other's values
   */
  public MetricAccumulator combine(MetricAccumulator other) {
    if (other.values.isEmpty()) {
      return this;
    }
    values.addAll(other.values);
    sorted = null;
    fiveNumbers = null;
    return this;
  }

  public long count() {
    return values.size();
  }

  /**
   * @return the backing array (its first {@link #count()} values are the values); internal, do not
   *     modify
   */
  double[] elements() {
    return values.elements();
  }

  /**
   * @return the values without a copy when the backing array holds exactly them, else a copy; do
   *     not modify
   */
  double[] exact() {
    double[] a = values.elements();
    return a.length == values.size() ? a : values.toDoubleArray();
  }

  /**
   * @return a copy of the values, in the order accepted (combined values after this accumulator's
   *     own)
   */
  public double[] values() {
    return values.toDoubleArray();
  }

  /**
   * @return the arithmetic mean; NaN when empty
   */
  public double mean() {
    int n = values.size();
    if (n == 0) {
      return Double.NaN;
    }
    // Kept until the next change: rankings sort by it and ask for it many times.
    if (meanOf == n) {
      return mean;
    }
    mean = computeMean(n);
    meanOf = n;
    return mean;
  }

  private double computeMean(int n) {
    double[] a = values.elements();
    double m = sum(a, 0, n) / n;
    double r = 0;
    for (int i = 0; i < n; i++) {
      r += a[i] - m;
    }
    return m + r / n;
  }

  /**
   * @return the unbiased sample variance (divisor n - 1); NaN when n < 2
   */
  public double variance() {
    int n = values.size();
    if (n < 2) {
      return Double.NaN;
    }
    if (varianceOf == n) {
      return variance;
    }
    variance = computeVariance(n);
    varianceOf = n;
    return variance;
  }

  private double computeVariance(int n) {
    double[] a = values.elements();
    double m = mean();
    double s = 0;
    double s2 = 0;
    for (int i = 0; i < n; i++) {
      double d = a[i] - m;
      s += d;
      s2 += d * d;
    }
    return Math.max(0, (s2 - s * s / n) / (n - 1));
  }

  /**
   * @return the sample standard deviation; NaN when n < 2
   */
  public double standardDeviation() {
    return Math.sqrt(variance());
  }

  public double min() {
    return five()[0];
  }

  public double max() {
    return five()[4];
  }

  public double median() {
    return five()[2];
  }

  /**
   * @return the type-7 first quartile, as {@code quantile(0.25)}
   */
  public double lowerQuartile() {
    return five()[1];
  }

  /**
   * @return the type-7 third quartile, as {@code quantile(0.75)}
   */
  public double upperQuartile() {
    return five()[3];
  }

  private double[] five() {
    if (fiveNumbers == null) {
      double[] f = new double[5];
      int n = values.size();
      if (n == 0) {
        Arrays.fill(f, Double.NaN);
      } else if (sorted == null && n <= SELECT_ABOVE) {
        // One sorted copy for all five, dropped afterwards (see fiveNumbers).
        double[] a = values.toDoubleArray();
        Arrays.sort(a);
        for (int i = 0; i < 5; i++) {
          f[i] = typeSeven(a, n, i / 4.0);
        }
      } else if (sorted != null) {
        for (int i = 0; i < 5; i++) {
          f[i] = typeSeven(sorted, n, i / 4.0);
        }
      } else {
        f = selectedFive(n);
      }
      fiveNumbers = f;
    }
    return fiveNumbers;
  }

  /**
   * The quantile by linear interpolation between order statistics (Hyndman and Fan type 7, the
   * default of R's {@code quantile} and numpy's {@code percentile}).
   *
   * @param p the probability, in [0, 1]
   * @return the quantile; NaN when empty or when any value is NaN
   * @throws AnalysisException if p is outside [0, 1]
   */
  public double quantile(double p) {
    if (!(p >= 0 && p <= 1)) {
      throw AnalysisException.of("Quantile probability %s is outside [0, 1]", p);
    }
    int n = values.size();
    if (n == 0) {
      return Double.NaN;
    }
    if (sorted == null && n > SELECT_ABOVE) {
      return selected(p);
    }
    if (sorted == null) {
      sorted = values.toDoubleArray();
      Arrays.sort(sorted);
    }
    return typeSeven(sorted, n, p);
  }

  /**
   * The type-7 quantile of n sorted values (NaN sorts last, so a NaN anywhere makes it NaN); n > 0.
   */
  private static double typeSeven(double[] a, int n, double p) {
    if (Double.isNaN(a[n - 1])) {
      return Double.NaN;
    }
    double h = (n - 1) * p;
    int lo = (int) Math.floor(h);
    if (h == lo) {
      // An order statistic itself: no interpolation, which would make an infinite one NaN.
      return a[lo] + 0.0;
    }
    int hi = Math.min(lo + 1, n - 1);
    return a[lo] + (h - lo) * (a[hi] - a[lo]);
  }

  /**
   * Above this many values a quantile is found by selection (Commons Statistics) instead of a full
   * sort.
   */
  static final int SELECT_ABOVE = 50_000;

  /** The type-7 quantile of many values by partial sorting; NaN when any value is NaN. */
  private double selected(double p) {
    double[] a = values.elements();
    int n = values.size();
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      double x = a[i];
      if (Double.isNaN(x)) {
        return Double.NaN;
      }
      min = Math.min(min, x);
      max = Math.max(max, x);
    }
    if (p == 0) {
      return min;
    }
    if (p == 1) {
      return max;
    }
    return Quantile.withDefaults()
        .with(Quantile.EstimationMethod.HF7)
        .evaluate(Arrays.copyOf(a, n), p);
  }

  /** The five numbers of many values, without a sort ({@link BucketSelect}). */
  private double[] selectedFive(int n) {
    return BucketSelect.fiveNumbers(values.elements(), n);
  }

  /** Pairwise summation: error grows with log n rather than n. */
  static double sum(double[] a, int from, int to) {
    int n = to - from;
    if (n <= 16) {
      double s = 0;
      for (int i = from; i < to; i++) {
        s += a[i];
      }
      return s;
    }
    int mid = from + n / 2;
    return sum(a, from, mid) + sum(a, mid, to);
  }
}
