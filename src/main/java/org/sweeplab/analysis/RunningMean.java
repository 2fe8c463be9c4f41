package org.sweeplab.analysis;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.ArrayList;
import java.util.List;

/**
 * The running mean of a metric per group: over a group's ok runs in the order of a column ({@code
 * replicate} by default), the mean of the first k values and its t interval, for k = 1, 2, ...
 * Immutable and configured: {@code RunningMean.withDefaults().withConfidence(0.9).compute(runs,
 * "score")}. A band that stops narrowing says more replicates buy little.
 *
 * <p>Ok runs whose metric is NaN or empty are left out; the interval is {@code mean ± t(k-1) sd /
 * sqrt(k)}, NaN for k &lt; 2. The mean and variance are accumulated with Welford's update, which
 * keeps full precision for values far from zero. Groups follow {@link Runs#groups()}; a group
 * without an ok value has an empty series.
 */
public final class RunningMean {
  private static final RunningMean DEFAULT = new RunningMean(0.95, "replicate");

  private final double confidence;
  private final String orderColumn;

  private RunningMean(double confidence, String orderColumn) {
    this.confidence = confidence;
    this.orderColumn = orderColumn;
  }

  /**
   * @return 95% intervals, runs in the order of the {@code replicate} column (row order without
   *     one)
   */
  public static RunningMean withDefaults() {
    return DEFAULT;
  }

  /**
   * @param level the confidence level of the intervals, in (0, 1)
   */
  public RunningMean withConfidence(double level) {
    return new RunningMean(VariationStatistics.checkLevel(level), orderColumn);
  }

  /**
   * @param column the numeric column that orders each group's runs; missing values go last
   */
  public RunningMean withOrder(String column) {
    return new RunningMean(confidence, column);
  }

  /**
   * One group's running mean; arrays of equal length, index k - 1 for the first k values.
   *
   * @param label the group (its value, or {@code a=1, b=x} for several group columns)
   * @param count k
   * @param mean the mean of the first k values
   * @param low the low end of its interval, NaN for k &lt; 2
   * @param high the high end, NaN for k &lt; 2
   */
  public record Series(String label, double[] count, double[] mean, double[] low, double[] high) {}

  /**
   * @param metric the metric
   * @param confidence the level of the intervals
   * @param series one per group, in order of first appearance
   */
  public record Result(String metric, double confidence, List<Series> series) {
    public Result {
      series = List.copyOf(series);
    }
  }

  /**
   * @param runs the runs, grouped by their group columns
   * @param metric the metric, or null for the first
   * @throws AnalysisException if a column is missing
   */
  public Result compute(Runs runs, String metric) {
    String m = runs.metric(metric);
    Grouping g = Grouping.of(runs, runs.requireGroups());
    boolean[] ok = runs.ok();
    double[] v = runs.numeric(m);
    double[] order = runs.columnNames().contains(orderColumn) ? runs.numeric(orderColumn) : null;
    List<IntArrayList> rows = new ArrayList<>();
    for (int i = 0; i < g.size(); i++) {
      rows.add(new IntArrayList());
    }
    for (int r = 0; r < ok.length; r++) {
      if (ok[r] && !Double.isNaN(v[r])) {
        rows.get(g.groupOf(r)).add(r);
      }
    }
    List<Series> out = new ArrayList<>();
    for (int i = 0; i < g.size(); i++) {
      int[] own = rows.get(i).toIntArray();
      if (order != null) {
        own =
            java.util.Arrays.stream(own)
                .boxed()
                .sorted(
                    java.util.Comparator.comparingDouble(
                        (Integer r) ->
                            Double.isNaN(order[r]) ? Double.POSITIVE_INFINITY : order[r]))
                .mapToInt(Integer::intValue)
                .toArray();
      }
      out.add(series(g.label(i), own, v));
    }
    return new Result(m, confidence, out);
  }

  private Series series(String label, int[] own, double[] v) {
    int n = own.length;
    double[] count = new double[n];
    double[] mean = new double[n];
    double[] low = new double[n];
    double[] high = new double[n];
    double mu = 0;
    double ss = 0;
    for (int k = 0; k < n; k++) {
      double x = v[own[k]];
      double delta = x - mu;
      mu += delta / (k + 1);
      ss += delta * (x - mu);
      count[k] = k + 1;
      mean[k] = mu;
      double[] ci = Intervals.meanT(mu, k == 0 ? Double.NaN : Math.sqrt(ss / k), k + 1, confidence);
      low[k] = ci[0];
      high[k] = ci[1];
    }
    return new Series(label, count, mean, low, high);
  }
}
