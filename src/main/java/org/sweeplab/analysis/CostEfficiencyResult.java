package org.sweeplab.analysis;

import java.util.List;
import java.util.Locale;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.Table;

/**
 * What each group costs for what it delivers, as {@link CostEfficiency} computes it: one {@link
 * Row} per group, most efficient first, with its membership of the Pareto front of (mean cost per
 * run, metric mean). Immutable. {@link #toTable()} is the same as a table, with the group columns
 * in their source types.
 */
public final class CostEfficiencyResult implements TabularResult {
  /**
   * One group. Ratios with a zero denominator, and the metric of a group without ok values, are
   * NaN.
   *
   * @param rank the efficiency rank, 1 for the most efficient, per the {@link EfficiencyMeasure}
   * @param label the group: its value for one group column, {@code a=1, b=x} for several
   * @param runs every run of the group
   * @param okRuns its ok runs
   * @param totalCost the sum of the cost over every run (an empty cost counts as zero)
   * @param meanCostPerRun {@code totalCost / runs}
   * @param runsPerCost {@code runs / totalCost}
   * @param okRunsPerCost {@code okRuns / totalCost}
   * @param metricMean the mean of the metric over ok runs
   * @param metricPerCost {@code metricMean / meanCostPerRun}
   * @param costPerOkRun {@code totalCost / okRuns}
   * @param paretoFront whether no other group beats it on both the metric (in its direction) and
   *     the mean cost
   */
  public record Row(
      int rank,
      String label,
      long runs,
      long okRuns,
      double totalCost,
      double meanCostPerRun,
      double runsPerCost,
      double okRunsPerCost,
      double metricMean,
      double metricPerCost,
      double costPerOkRun,
      boolean paretoFront) {}

  private final String metric;
  private final Direction direction;
  private final EfficiencyMeasure measure;
  private final List<String> groupColumns;
  private final List<Row> rows;
  private final Table keys;

  CostEfficiencyResult(
      String metric,
      Direction direction,
      EfficiencyMeasure measure,
      List<String> groupColumns,
      List<Row> rows,
      Table keys) {
    this.metric = metric;
    this.direction = direction;
    this.measure = measure;
    this.groupColumns = List.copyOf(groupColumns);
    this.rows = List.copyOf(rows);
    this.keys = keys;
  }

  /**
   * @return the metric set against the cost
   */
  public String metric() {
    return metric;
  }

  /**
   * @return which end of the metric is better (the Pareto front follows it)
   */
  public Direction direction() {
    return direction;
  }

  /**
   * @return the measure that orders the rows
   */
  public EfficiencyMeasure measure() {
    return measure;
  }

  /**
   * @return the group columns
   */
  public List<String> groupColumns() {
    return groupColumns;
  }

  /**
   * @return one row per group, most efficient first
   */
  public List<Row> rows() {
    return rows;
  }

  /**
   * @return the rows on the Pareto front, by increasing mean cost per run
   */
  public List<Row> front() {
    return rows.stream()
        .filter(Row::paretoFront)
        .sorted(java.util.Comparator.comparingDouble(Row::meanCostPerRun))
        .toList();
  }

  /**
   * @param label a group's label
   * @return its row
   * @throws AnalysisException if no group has that label
   */
  public Row row(String label) {
    return rows.stream()
        .filter(r -> r.label().equals(label))
        .findFirst()
        .orElseThrow(
            () ->
                AnalysisException.of(
                    "No group '%s' in the cost efficiency of %s; groups are %s",
                    label, metric, rows.stream().map(Row::label).limit(20).toList()));
  }

  /**
   * @return one row per group, most efficient first: {@code efficiency_rank}, the group columns,
   *     {@code runs, ok_runs, total_cost, mean_cost_per_run, runs_per_cost, ok_runs_per_cost,
   *     metric_mean, metric_per_cost, cost_per_ok_run, pareto_front}
   */
  @Override
  public Table toTable() {
    Table t = Table.create("cost efficiency of " + metric);
    IntColumn rank = IntColumn.create("efficiency_rank");
    LongColumn runs = LongColumn.create("runs");
    LongColumn ok = LongColumn.create("ok_runs");
    DoubleColumn total = DoubleColumn.create("total_cost");
    DoubleColumn mean = DoubleColumn.create("mean_cost_per_run");
    DoubleColumn runsPer = DoubleColumn.create("runs_per_cost");
    DoubleColumn okPer = DoubleColumn.create("ok_runs_per_cost");
    DoubleColumn m = DoubleColumn.create("metric_mean");
    DoubleColumn mpc = DoubleColumn.create("metric_per_cost");
    DoubleColumn cpo = DoubleColumn.create("cost_per_ok_run");
    BooleanColumn pf = BooleanColumn.create("pareto_front");
    for (Row r : rows) {
      rank.append(r.rank());
      runs.append(r.runs());
      ok.append(r.okRuns());
      total.append(r.totalCost());
      mean.append(r.meanCostPerRun());
      runsPer.append(r.runsPerCost());
      okPer.append(r.okRunsPerCost());
      m.append(r.metricMean());
      mpc.append(r.metricPerCost());
      cpo.append(r.costPerOkRun());
      pf.append(r.paretoFront());
    }
    t.addColumns(rank);
    t.addColumns(keys.copy().columnArray());
    t.addColumns(runs, ok, total, mean, runsPer, okPer, m, mpc, cpo, pf);
    return t;
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "cost efficiency of %s: %d groups, %d on the Pareto front",
        metric,
        rows.size(),
        front().size());
  }
}
