package org.sweeplab.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Descriptive statistics of one metric per group, as {@link VariationStatistics} computes them: one
 * {@link Row} per group, in order of first appearance. Immutable. {@link #resultTable()} is the
 * same as a table, with the group columns in their source types ({@link #toTable()} its Tablesaw
 * view).
 */
public final class VariationStatisticsResult implements TabularResult {
  /**
   * One group. Statistics of a group without metric values are NaN; the mean interval is NaN when n
   * &lt; 2.
   *
   * @param label the group: its value for one group column, {@code a=1, b=x} for several
   * @param keys the group's value in each group column, in the order of {@link #groupColumns()}, as
   *     text
   * @param runs every run of the group
   * @param okRuns its ok runs
   * @param successRate {@code okRuns / runs}
   * @param successCiLow the low end of the Wilson score interval of the success rate
   * @param successCiHigh its high end
   * @param n the metric values used (ok runs, NaN values per the {@link NaNPolicy})
   * @param nanCount the NaN or empty metric values among the ok runs
   * @param mean the mean of the values
   * @param meanCiLow the low end of its t interval
   * @param meanCiHigh its high end
   * @param sd the standard deviation (n - 1 divisor)
   * @param min the smallest value
   * @param q1 the first quartile (type 7)
   * @param median the median
   * @param q3 the third quartile (type 7)
   * @param max the largest value
   * @param bootstrapCiLow the low end of the bootstrap percentile interval, NaN without a bootstrap
   * @param bootstrapCiHigh its high end, NaN without a bootstrap
   */
  public record Row(
      String label,
      List<String> keys,
      long runs,
      long okRuns,
      double successRate,
      double successCiLow,
      double successCiHigh,
      long n,
      long nanCount,
      double mean,
      double meanCiLow,
      double meanCiHigh,
      double sd,
      double min,
      double q1,
      double median,
      double q3,
      double max,
      double bootstrapCiLow,
      double bootstrapCiHigh) {
    public Row {
      keys = List.copyOf(keys);
    }
  }

  private final String metric;
  private final BootstrapStatistic bootstrap;
  private final List<String> groupColumns;
  private final List<Row> rows;
  private final List<ResultTableColumn> keys;

  VariationStatisticsResult(
      String metric,
      BootstrapStatistic bootstrap,
      List<String> groupColumns,
      List<Row> rows,
      List<ResultTableColumn> keys) {
    this.metric = metric;
    this.bootstrap = bootstrap;
    this.groupColumns = List.copyOf(groupColumns);
    this.rows = List.copyOf(rows);
    this.keys = List.copyOf(keys);
  }

  /**
   * @return the metric described
   */
  public String metric() {
    return metric;
  }

  /**
   * @return the bootstrapped statistic, or NONE
   */
  public BootstrapStatistic bootstrap() {
    return bootstrap;
  }

  /**
   * @return the group columns
   */
  public List<String> groupColumns() {
    return groupColumns;
  }

  /**
   * @return one row per group, in order of first appearance
   */
  public List<Row> rows() {
    return rows;
  }

  /**
   * @return the number of groups
   */
  public int size() {
    return rows.size();
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
                    "No group '%s' in the statistics of %s; groups are %s",
                    label, metric, rows.stream().map(Row::label).limit(20).toList()));
  }

  /**
   * @return the runs of every group
   */
  public long totalRuns() {
    return rows.stream().mapToLong(Row::runs).sum();
  }

  /**
   * @return the ok runs of every group
   */
  public long totalOkRuns() {
    return rows.stream().mapToLong(Row::okRuns).sum();
  }

  /**
   * @return one row per group: the group columns, {@code runs, ok_runs, success_rate,
   *     success_ci_low, success_ci_high, n, nan_count, mean, mean_ci_low, mean_ci_high, sd, min,
   *     q1, median, q3, max}, and with a bootstrap {@code bootstrap_statistic, bootstrap_ci_low,
   *     bootstrap_ci_high}; NaN statistics are missing cells
   */
  @Override
  public ResultTable resultTable() {
    return table.get();
  }

  private final Lazy<ResultTable> table = new Lazy<>(this::buildTable);

  private ResultTable buildTable() {
    List<ResultTableColumn> c = new ArrayList<>(keys);
    c.add(Columns.longs("runs", rows, Row::runs));
    c.add(Columns.longs("ok_runs", rows, Row::okRuns));
    c.add(Columns.doubles("success_rate", rows, Row::successRate));
    c.add(Columns.doubles("success_ci_low", rows, Row::successCiLow));
    c.add(Columns.doubles("success_ci_high", rows, Row::successCiHigh));
    c.add(Columns.longs("n", rows, Row::n));
    c.add(Columns.longs("nan_count", rows, Row::nanCount));
    c.add(Columns.doubles("mean", rows, Row::mean));
    c.add(Columns.doubles("mean_ci_low", rows, Row::meanCiLow));
    c.add(Columns.doubles("mean_ci_high", rows, Row::meanCiHigh));
    c.add(Columns.doubles("sd", rows, Row::sd));
    c.add(Columns.doubles("min", rows, Row::min));
    c.add(Columns.doubles("q1", rows, Row::q1));
    c.add(Columns.doubles("median", rows, Row::median));
    c.add(Columns.doubles("q3", rows, Row::q3));
    c.add(Columns.doubles("max", rows, Row::max));
    if (bootstrap != BootstrapStatistic.NONE) {
      String kind = bootstrap.name().toLowerCase(Locale.ROOT);
      c.add(Columns.text("bootstrap_statistic", rows, r -> kind));
      c.add(Columns.doubles("bootstrap_ci_low", rows, Row::bootstrapCiLow));
      c.add(Columns.doubles("bootstrap_ci_high", rows, Row::bootstrapCiHigh));
    }
    return new ResultTable("variation statistics of " + metric, c);
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "variation statistics of %s: %d groups by %s",
        metric,
        rows.size(),
        groupColumns);
  }
}
