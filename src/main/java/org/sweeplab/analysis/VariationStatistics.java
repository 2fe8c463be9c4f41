package org.sweeplab.analysis;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Descriptive statistics of one metric per group (a variation, or any set of parameter columns). Immutable and
 * configured: {@code VariationStatistics.withDefaults().withBootstrap(BootstrapStatistic.MEDIAN, 2000, 42)}.
 *
 * <p>Every run is counted; only ok runs enter the metric statistics, and their NaN or empty values follow the
 * {@link NaNPolicy}. Output columns, one row per group in order of first appearance: the group columns, then
 * {@code runs, ok_runs, success_rate, success_ci_low, success_ci_high} (Wilson score interval), {@code n} (metric
 * values used), {@code nan_count}, {@code mean, mean_ci_low, mean_ci_high} (t interval; NaN when n < 2), {@code sd}
 * (n - 1 divisor), {@code min, q1, median, q3, max} (type-7 quantiles), and with a bootstrap,
 * {@code bootstrap_statistic, bootstrap_ci_low, bootstrap_ci_high}.
 */
public final class VariationStatistics {
  private static final VariationStatistics DEFAULT =
      new VariationStatistics(NaNPolicy.EXCLUDE, 0.95, BootstrapStatistic.NONE, 2000, 1L);

  private final NaNPolicy nanPolicy;
  private final double confidence;
  private final BootstrapStatistic bootstrap;
  private final int resamples;
  private final long seed;

  private VariationStatistics(NaNPolicy nanPolicy, double confidence, BootstrapStatistic bootstrap, int resamples,
      long seed) {
    this.nanPolicy = nanPolicy;
    this.confidence = confidence;
    this.bootstrap = bootstrap;
    this.resamples = resamples;
    this.seed = seed;
  }

  /** @return NaN policy EXCLUDE, 95% intervals, no bootstrap */
  public static VariationStatistics withDefaults() {
    return DEFAULT;
  }

  public VariationStatistics withNaNPolicy(NaNPolicy policy) {
    return new VariationStatistics(policy, confidence, bootstrap, resamples, seed);
  }

  /**
   * @param level the confidence level of every interval, in (0, 1)
   * @throws AnalysisException if the level is outside (0, 1)
   */
  public VariationStatistics withConfidence(double level) {
    return new VariationStatistics(nanPolicy, checkLevel(level), bootstrap, resamples, seed);
  }

  /**
   * @param statistic the statistic to bootstrap, or NONE
   * @param resamples the number of resamples, at least 100
   * @param seed the seed of the resampling, so the interval is reproducible
   * @throws AnalysisException if resamples is below 100
   */
  public VariationStatistics withBootstrap(BootstrapStatistic statistic, int resamples, long seed) {
    if (resamples < 100) {
      throw AnalysisException.of("Bootstrap resamples %d < 100; percentile intervals need at least 100", resamples);
    }
    return new VariationStatistics(nanPolicy, confidence, statistic, resamples, seed);
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
   * @return one row per group
   * @throws AnalysisException if a column is missing, or a NaN is met under {@link NaNPolicy#ERROR}
   */
  public Table compute(Runs runs, String metric) {
    return compute(GroupedRuns.of(runs, runs.requireGroups(), runs.metric(metric), nanPolicy));
  }

  Table compute(GroupedRuns g) {
    int k = g.size();
    Table t = g.grouping.keys(g.grouping.natural());
    t.setName("variation statistics of " + g.metric);
    LongColumn runs = LongColumn.create("runs");
    LongColumn ok = LongColumn.create("ok_runs");
    DoubleColumn rate = DoubleColumn.create("success_rate");
    DoubleColumn rateLo = DoubleColumn.create("success_ci_low");
    DoubleColumn rateHi = DoubleColumn.create("success_ci_high");
    LongColumn n = LongColumn.create("n");
    LongColumn nan = LongColumn.create("nan_count");
    DoubleColumn mean = DoubleColumn.create("mean");
    DoubleColumn meanLo = DoubleColumn.create("mean_ci_low");
    DoubleColumn meanHi = DoubleColumn.create("mean_ci_high");
    DoubleColumn sd = DoubleColumn.create("sd");
    DoubleColumn min = DoubleColumn.create("min");
    DoubleColumn q1 = DoubleColumn.create("q1");
    DoubleColumn median = DoubleColumn.create("median");
    DoubleColumn q3 = DoubleColumn.create("q3");
    DoubleColumn max = DoubleColumn.create("max");
    StringColumn bootKind = StringColumn.create("bootstrap_statistic");
    DoubleColumn bootLo = DoubleColumn.create("bootstrap_ci_low");
    DoubleColumn bootHi = DoubleColumn.create("bootstrap_ci_high");
    for (int i = 0; i < k; i++) {
      MetricAccumulator m = g.values[i];
      runs.append(g.total[i]);
      ok.append(g.ok[i]);
      rate.append((double) g.ok[i] / g.total[i]);
      double[] w = Intervals.wilson(g.ok[i], g.total[i], confidence);
      rateLo.append(w[0]);
      rateHi.append(w[1]);
      n.append(m.count());
      nan.append(g.nan[i]);
      double mu = m.mean();
      double s = m.standardDeviation();
      double[] ci = Intervals.meanT(mu, s, m.count(), confidence);
      mean.append(mu);
      meanLo.append(ci[0]);
      meanHi.append(ci[1]);
      sd.append(s);
      min.append(m.min());
      q1.append(m.quantile(0.25));
      median.append(m.median());
      q3.append(m.quantile(0.75));
      max.append(m.max());
      if (bootstrap != BootstrapStatistic.NONE) {
        double[] b = Intervals.bootstrap(m.values(), bootstrap, resamples, seed, confidence);
        bootKind.append(bootstrap.name().toLowerCase(java.util.Locale.ROOT));
        bootLo.append(b[0]);
        bootHi.append(b[1]);
      }
    }
    t.addColumns(runs, ok, rate, rateLo, rateHi, n, nan, mean, meanLo, meanHi, sd, min, q1, median, q3, max);
    if (bootstrap != BootstrapStatistic.NONE) {
      t.addColumns(bootKind, bootLo, bootHi);
    }
    return t;
  }

  static double checkLevel(double level) {
    if (!(level > 0 && level < 1)) {
      throw AnalysisException.of("Confidence level %s is outside (0, 1)", level);
    }
    return level;
  }
}
