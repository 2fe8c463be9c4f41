package org.sweeplab.analysis;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * Confidence intervals and multiple-comparison corrections. Internal helpers with documented
 * definitions.
 */
final class Intervals {
  private Intervals() {}

  /** z such that P(|Z| ≤ z) = level. */
  static double z(double level) {
    // Every Wilson interval of an analysis asks for the same level: the last one is kept.
    double[] last = lastZ;
    if (last[0] == level) {
      return last[1];
    }
    double z = NormalDistribution.of(0, 1).inverseSurvivalProbability((1 - level) / 2);
    lastZ = new double[] {level, z};
    return z;
  }

  /** The last level asked of {@link #z} and its quantile. */
  private static volatile double[] lastZ = {Double.NaN, Double.NaN};

  /**
   * t such that P(|T_df| ≤ t) = level; NaN when df is not positive. The library's inverse is
   * refined by two Newton steps on the survival function, which bring it from about 1e-9 to full
   * double precision.
   */
  static double t(double level, double df) {
    if (!(df > 0)) {
      return Double.NaN;
    }
    if (df == Math.rint(df) && df < 1 << 20) {
      // Intervals of many groups share a few degrees of freedom: each quantile is computed once.
      return T_CACHE.computeIfAbsent(new TKey(level, df), k -> tQuantile(k.level(), k.df()));
    }
    return tQuantile(level, df);
  }

  private record TKey(double level, double df) {}

  private static final java.util.concurrent.ConcurrentHashMap<TKey, Double> T_CACHE =
      new java.util.concurrent.ConcurrentHashMap<>();

  private static double tQuantile(double level, double df) {
    TDistribution d = TDistribution.of(df);
    double q = (1 - level) / 2;
    double x = d.inverseSurvivalProbability(q);
    for (int i = 0; i < 2; i++) {
      double f = d.density(x);
      if (f > 0) {
        x += (d.survivalProbability(x) - q) / f;
      }
    }
    return x;
  }

  /**
   * The Wilson score interval of a proportion (Wilson, 1927): {@code (p + z²/2n ± z sqrt(p(1-p)/n +
   * z²/4n²)) / (1 + z²/n)}. It stays inside [0, 1] and is sensible at 0 and n successes.
   *
   * @return {low, high}; NaN when n is 0
   */
  static double[] wilson(long successes, long n, double level) {
    if (n == 0) {
      return new double[] {Double.NaN, Double.NaN};
    }
    double z = z(level);
    double p = (double) successes / n;
    double z2n = z * z / n;
    double centre = p + z2n / 2;
    double half = z * Math.sqrt(p * (1 - p) / n + z2n / (4.0 * n));
    double d = 1 + z2n;
    return new double[] {Math.max(0, (centre - half) / d), Math.min(1, (centre + half) / d)};
  }

  /**
   * @return the t interval of the mean, {@code mean ± t(n-1) sd / sqrt(n)}; NaN when n < 2
   */
  static double[] meanT(double mean, double sd, long n, double level) {
    if (n < 2) {
      return new double[] {Double.NaN, Double.NaN};
    }
    double h = t(level, n - 1) * sd / Math.sqrt(n);
    return new double[] {mean - h, mean + h};
  }

  /**
   * The percentile bootstrap interval: {@code resamples} resamples with replacement drawn from a
   * {@link SplittableRandom} seeded with {@code seed}, the statistic of each, and the type-7
   * quantiles at {@code (1 - level) / 2} and {@code (1 + level) / 2} of those.
   *
   * @return {low, high}; NaN when there are no values
   */
  static double[] bootstrap(
      double[] values, BootstrapStatistic statistic, int resamples, long seed, double level) {
    int n = values.length;
    if (n == 0 || statistic == BootstrapStatistic.NONE) {
      return new double[] {Double.NaN, Double.NaN};
    }
    SplittableRandom rng = new SplittableRandom(seed);
    double[] stats = new double[resamples];
    double[] sample = new double[n];
    for (int b = 0; b < resamples; b++) {
      for (int i = 0; i < n; i++) {
        sample[i] = values[rng.nextInt(n)];
      }
      stats[b] =
          statistic == BootstrapStatistic.MEAN
              ? MetricAccumulator.of(sample).mean()
              : MetricAccumulator.of(sample).median();
    }
    MetricAccumulator s = MetricAccumulator.of(stats);
    return new double[] {s.quantile((1 - level) / 2), s.quantile((1 + level) / 2)};
  }

  /**
   * Holm's step-down adjustment (Holm, 1979). NaN p-values are left NaN and do not count towards
   * the number of tests.
   *
   * @return the adjusted p-values, in the input order
   */
  static double[] holm(double[] p) {
    int[] idx = Order.ascending(p);
    int m = (int) Arrays.stream(p).filter(x -> !Double.isNaN(x)).count();
    double[] adj = new double[p.length];
    Arrays.fill(adj, Double.NaN);
    double running = 0;
    for (int k = 0; k < m; k++) {
      int i = idx[k];
      running = Math.max(running, Math.min(1, (m - k) * p[i]));
      adj[i] = running;
    }
    return adj;
  }

  /**
   * The Benjamini-Hochberg false discovery rate adjustment (1995), used where many patterns are
   * screened. NaN p-values are left NaN and not counted.
   *
   * @return the adjusted p-values (q-values), in the input order
   */
  static double[] benjaminiHochberg(double[] p) {
    int[] idx = Order.ascending(p);
    int m = (int) Arrays.stream(p).filter(x -> !Double.isNaN(x)).count();
    double[] adj = new double[p.length];
    Arrays.fill(adj, Double.NaN);
    double running = 1;
    for (int k = m - 1; k >= 0; k--) {
      int i = idx[k];
      running = Math.min(running, Math.min(1, p[i] * m / (k + 1)));
      adj[i] = running;
    }
    return adj;
  }
}
