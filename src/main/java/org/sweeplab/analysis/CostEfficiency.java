package org.sweeplab.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * What each group costs for what it delivers. Immutable and configured: {@code
 * CostEfficiency.withDefaults().withDirection(Direction.LOWER_IS_BETTER).compute(runs, "latency")}.
 *
 * <p>Definitions, per group: {@code total_cost} is the sum of the cost column over all runs (an
 * empty cost counts as zero, so failed runs that cost nothing are free); {@code mean_cost_per_run =
 * total_cost / runs}; {@code runs_per_cost = runs / total_cost}; {@code ok_runs_per_cost = ok_runs
 * / total_cost}; {@code metric_mean} is the mean over ok runs; {@code metric_per_cost = metric_mean
 * / mean_cost_per_run}; {@code cost_per_ok_run = total_cost / ok_runs} (missing when no run is ok).
 * Ratios with a zero denominator are missing. {@code pareto_front} marks the groups that no other
 * group beats on both the metric (in its direction) and the mean cost per run. Rows are ordered by
 * {@code efficiency_rank}, per the {@link EfficiencyMeasure}. The result is a {@link
 * CostEfficiencyResult}; its {@code toTable()} has one column per definition above.
 */
public final class CostEfficiency {
  private static final CostEfficiency DEFAULT =
      new CostEfficiency(
          Direction.HIGHER_IS_BETTER, EfficiencyMeasure.COST_PER_OK_RUN, NaNPolicy.EXCLUDE);

  private final Direction direction;
  private final EfficiencyMeasure measure;
  private final NaNPolicy nanPolicy;

  private CostEfficiency(Direction direction, EfficiencyMeasure measure, NaNPolicy nanPolicy) {
    this.direction = direction;
    this.measure = measure;
    this.nanPolicy = nanPolicy;
  }

  /**
   * @return higher is better, ranked by cost per successful run
   */
  public static CostEfficiency withDefaults() {
    return DEFAULT;
  }

  public CostEfficiency withDirection(Direction d) {
    return new CostEfficiency(d, measure, nanPolicy);
  }

  public CostEfficiency withMeasure(EfficiencyMeasure m) {
    return new CostEfficiency(direction, m, nanPolicy);
  }

  public CostEfficiency withNaNPolicy(NaNPolicy p) {
    return new CostEfficiency(direction, measure, p);
  }

  /**
   * @param runs the runs, with a cost column
   * @param metric the metric, or null for the first
   * @return one row per group, most efficient first
   * @throws AnalysisException if the table has no cost column
   */
  public CostEfficiencyResult compute(Runs runs, String metric) {
    if (runs.costColumn() == null) {
      throw AnalysisException.of(
          "Table %s has no cost column; name it with withCost or --cost-column; columns are"
              + " %s",
          runs.name(), runs.columnNames());
    }
    return compute(
        GroupedRuns.of(
            runs, runs.requireGroups(), runs.metric(metric), nanPolicy, GroupedRuns.Keep.VALUES));
  }

  CostEfficiencyResult compute(GroupedRuns g) {
    int k = g.size();
    double[] metric = new double[k];
    double[] meanCost = new double[k];
    double[] perOk = new double[k];
    double[] perCost = new double[k];
    for (int i = 0; i < k; i++) {
      metric[i] = g.values[i].mean();
      meanCost[i] = g.costSum[i] / g.total[i];
      perOk[i] = g.ok[i] == 0 ? Double.NaN : g.costSum[i] / g.ok[i];
      perCost[i] = meanCost[i] == 0 ? Double.NaN : metric[i] / meanCost[i];
    }
    boolean[] front = pareto(metric, meanCost, direction.sign());
    int sign = direction.sign();
    // Cheapest per ok run first, then the better metric (or most metric per unit of cost first);
    // NaN last, ties by first appearance.
    double[] primary = new double[k];
    double[] secondary = new double[k];
    for (int i = 0; i < k; i++) {
      primary[i] = measure == EfficiencyMeasure.COST_PER_OK_RUN ? perOk[i] : -sign * perCost[i];
      secondary[i] = measure == EfficiencyMeasure.COST_PER_OK_RUN ? -sign * metric[i] : 0;
    }
    int[] o = Order.ascending(primary, secondary);
    List<CostEfficiencyResult.Row> rows = new ArrayList<>(k);
    for (int r = 0; r < k; r++) {
      int i = o[r];
      rows.add(
          new CostEfficiencyResult.Row(
              r + 1,
              g.grouping.label(i),
              g.total[i],
              g.ok[i],
              g.costSum[i],
              meanCost[i],
              g.costSum[i] == 0 ? Double.NaN : g.total[i] / g.costSum[i],
              g.costSum[i] == 0 ? Double.NaN : g.ok[i] / g.costSum[i],
              metric[i],
              perCost[i],
              perOk[i],
              front[i]));
    }
    return new CostEfficiencyResult(
        g.metric, direction, measure, g.grouping.columns(), rows, g.grouping.keys(o));
  }

  /**
   * The non-dominated points of (metric, cost): sort by cost ascending, better metric first, and
   * keep each point whose metric beats every cheaper point's. O(k log k). Points with a NaN metric
   * or cost are never on the front.
   */
  static boolean[] pareto(double[] metric, double[] cost, int sign) {
    int k = metric.length;
    double[] better = new double[k];
    for (int i = 0; i < k; i++) {
      better[i] = -sign * metric[i];
    }
    int[] idx = Order.ascending(cost, better);
    boolean[] front = new boolean[k];
    double best = Double.NEGATIVE_INFINITY;
    double bestCost = Double.NaN;
    for (int i : idx) {
      double v = sign * metric[i];
      if (Double.isNaN(v) || Double.isNaN(cost[i])) {
        continue;
      }
      if (v > best) {
        front[i] = true;
        best = v;
        bestCost = cost[i];
      } else if (v == best && cost[i] == bestCost) {
        front[i] = true;
      }
    }
    return front;
  }
}
