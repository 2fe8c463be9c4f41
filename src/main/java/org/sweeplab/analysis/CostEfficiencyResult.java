package org.sweeplab.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What each group costs for what it delivers, as {@link CostEfficiency} computes it: one {@link
 * Row} per group, most efficient first, with its membership of the Pareto front of (mean cost per
 * run, metric mean). Immutable. {@link #resultTable()} is the same as a table ({@link #toTable()}
 * its Tablesaw view), with the group columns in their source types.
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
  private final List<ResultTableColumn> keys;

  CostEfficiencyResult(
      String metric,
      Direction direction,
      EfficiencyMeasure measure,
      List<String> groupColumns,
      List<Row> rows,
      List<ResultTableColumn> keys) {
    this.metric = metric;
    this.direction = direction;
    this.measure = measure;
    this.groupColumns = List.copyOf(groupColumns);
    this.rows = List.copyOf(rows);
    this.keys = List.copyOf(keys);
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
  public ResultTable resultTable() {
    return table.get();
  }

  private final Lazy<ResultTable> table = new Lazy<>(this::buildTable);

  private ResultTable buildTable() {
    List<ResultTableColumn> c = new ArrayList<>();
    c.add(Columns.ints("efficiency_rank", rows, Row::rank));
    c.addAll(keys);
    c.add(Columns.longs("runs", rows, Row::runs));
    c.add(Columns.longs("ok_runs", rows, Row::okRuns));
    c.add(Columns.doubles("total_cost", rows, Row::totalCost));
    c.add(Columns.doubles("mean_cost_per_run", rows, Row::meanCostPerRun));
    c.add(Columns.doubles("runs_per_cost", rows, Row::runsPerCost));
    c.add(Columns.doubles("ok_runs_per_cost", rows, Row::okRunsPerCost));
    c.add(Columns.doubles("metric_mean", rows, Row::metricMean));
    c.add(Columns.doubles("metric_per_cost", rows, Row::metricPerCost));
    c.add(Columns.doubles("cost_per_ok_run", rows, Row::costPerOkRun));
    c.add(Columns.booleans("pareto_front", rows, Row::paretoFront));
    return new ResultTable("cost efficiency of " + metric, c);
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
