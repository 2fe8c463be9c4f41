package org.sweeplab.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * Descriptive statistics of one metric per group (a variation, or any set of parameter columns).
 * Immutable and configured: {@code
 * VariationStatistics.withDefaults().withBootstrap(BootstrapStatistic.MEDIAN, 2000, 42)}.
 *
 * <p>Every run is counted; only ok runs enter the metric statistics, and their NaN or empty values
 * follow the {@link NaNPolicy}. The result is a {@link VariationStatisticsResult} of typed rows;
 * its table view has one row per group in order of first appearance: the group columns, then {@code
 * runs, ok_runs, success_rate, success_ci_low, success_ci_high} (Wilson score interval), {@code n}
 * (metric values used), {@code nan_count}, {@code mean, mean_ci_low, mean_ci_high} (t interval; NaN
 * when n < 2), {@code sd} (n - 1 divisor), {@code min, q1, median, q3, max} (type-7 quantiles; NaN
 * with {@link Quantiles#NONE}), and with a bootstrap, {@code bootstrap_statistic, bootstrap_ci_low,
 * bootstrap_ci_high}.
 */
public final class VariationStatistics {
  private static final VariationStatistics DEFAULT =
      new VariationStatistics(
          NaNPolicy.EXCLUDE, 0.95, BootstrapStatistic.NONE, 2000, 1L, Quantiles.FIVE_NUMBERS);

  private final NaNPolicy nanPolicy;
  private final double confidence;
  private final BootstrapStatistic bootstrap;
  private final int resamples;
  private final long seed;
  private final Quantiles quantiles;

  private VariationStatistics(
      NaNPolicy nanPolicy,
      double confidence,
      BootstrapStatistic bootstrap,
      int resamples,
      long seed,
      Quantiles quantiles) {
    this.nanPolicy = nanPolicy;
    this.confidence = confidence;
    this.bootstrap = bootstrap;
    this.resamples = resamples;
    this.seed = seed;
    this.quantiles = quantiles;
  }

  /**
   * @return NaN policy EXCLUDE, 95% intervals, no bootstrap, the five numbers
   */
  public static VariationStatistics withDefaults() {
    return DEFAULT;
  }

  public VariationStatistics withNaNPolicy(NaNPolicy policy) {
    return new VariationStatistics(policy, confidence, bootstrap, resamples, seed, quantiles);
  }

  /**
   * @param level the confidence level of every interval, in (0, 1)
   * @throws AnalysisException if the level is outside (0, 1)
   */
  public VariationStatistics withConfidence(double level) {
    return new VariationStatistics(
        nanPolicy, checkLevel(level), bootstrap, resamples, seed, quantiles);
  }

  /**
   * @param statistic the statistic to bootstrap, or NONE
   * @param resamples the number of resamples, at least 100
   * @param seed the seed of the resampling, so the interval is reproducible
   * @throws AnalysisException if resamples is below 100
   */
  public VariationStatistics withBootstrap(BootstrapStatistic statistic, int resamples, long seed) {
    if (resamples < 100) {
      throw AnalysisException.of(
          "Bootstrap resamples %d < 100; percentile intervals need at least 100", resamples);
    }
    return new VariationStatistics(nanPolicy, confidence, statistic, resamples, seed, quantiles);
  }

  /**
   * @param which the order statistics to compute; with {@link Quantiles#NONE} the minimum,
   *     quartiles, median and maximum of every row are NaN
   */
  public VariationStatistics withQuantiles(Quantiles which) {
    return new VariationStatistics(
        nanPolicy, confidence, bootstrap, resamples, seed, java.util.Objects.requireNonNull(which));
  }

  public NaNPolicy nanPolicy() {
    return nanPolicy;
  }

  public double confidence() {
    return confidence;
  }

  /**
   * @param runs the runs, grouped by their group columns
   * @param metric the metric column, or null for the first metric
   * @return one row per group, in order of first appearance
   * @throws AnalysisException if a column is missing, or a NaN is met under {@link NaNPolicy#ERROR}
   */
  public VariationStatisticsResult compute(Runs runs, String metric) {
    return compute(
        GroupedRuns.of(
            runs, runs.requireGroups(), runs.metric(metric), nanPolicy, GroupedRuns.Keep.VALUES));
  }

  VariationStatisticsResult compute(GroupedRuns g) {
    int k = g.size();
    List<ResultTableColumn> keys = g.grouping.keys(g.grouping.natural());
    List<VariationStatisticsResult.Row> rows = new ArrayList<>(k);
    boolean five = quantiles == Quantiles.FIVE_NUMBERS;
    for (int i = 0; i < k; i++) {
      MetricAccumulator m = g.values[i];
      double[] w = Intervals.wilson(g.ok[i], g.total[i], confidence);
      double mu = m.mean();
      double s = m.standardDeviation();
      double[] ci = Intervals.meanT(mu, s, m.count(), confidence);
      double[] b =
          bootstrap == BootstrapStatistic.NONE
              ? new double[] {Double.NaN, Double.NaN}
              : Intervals.bootstrap(m.values(), bootstrap, resamples, seed, confidence);
      rows.add(
          new VariationStatisticsResult.Row(
              g.grouping.label(i),
              Grouping.keyText(keys, i),
              g.total[i],
              g.ok[i],
              (double) g.ok[i] / g.total[i],
              w[0],
              w[1],
              m.count(),
              g.nan[i],
              mu,
              ci[0],
              ci[1],
              s,
              five ? m.min() : Double.NaN,
              five ? m.lowerQuartile() : Double.NaN,
              five ? m.median() : Double.NaN,
              five ? m.upperQuartile() : Double.NaN,
              five ? m.max() : Double.NaN,
              b[0],
              b[1]));
    }
    return new VariationStatisticsResult(g.metric, bootstrap, g.grouping.columns(), rows, keys);
  }

  static double checkLevel(double level) {
    if (!(level > 0 && level < 1)) {
      throw AnalysisException.of("Confidence level %s is outside (0, 1)", level);
    }
    return level;
  }
}
