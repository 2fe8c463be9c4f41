package org.sweeplab.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Descriptive statistics of one metric per group, as {@link VariationStatistics} computes them: one
 * {@link Row} per group, in order of first appearance. Immutable. {@link #toTable()} is the same as
 * a table, with the group columns in their source types.
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
  private final Table keys;

  VariationStatisticsResult(
      String metric,
      BootstrapStatistic bootstrap,
      List<String> groupColumns,
      List<Row> rows,
      Table keys) {
    this.metric = metric;
    this.bootstrap = bootstrap;
    this.groupColumns = List.copyOf(groupColumns);
    this.rows = List.copyOf(rows);
    this.keys = keys;
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
   *     bootstrap_ci_high}
   */
  @Override
  public Table toTable() {
    Table t = Table.create("variation statistics of " + metric);
    t.addColumns(keys.copy().columnArray());
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
    String kind = bootstrap.name().toLowerCase(Locale.ROOT);
    for (Row r : rows) {
      runs.append(r.runs());
      ok.append(r.okRuns());
      rate.append(r.successRate());
      rateLo.append(r.successCiLow());
      rateHi.append(r.successCiHigh());
      n.append(r.n());
      nan.append(r.nanCount());
      mean.append(r.mean());
      meanLo.append(r.meanCiLow());
      meanHi.append(r.meanCiHigh());
      sd.append(r.sd());
      min.append(r.min());
      q1.append(r.q1());
      median.append(r.median());
      q3.append(r.q3());
      max.append(r.max());
      bootKind.append(kind);
      bootLo.append(r.bootstrapCiLow());
      bootHi.append(r.bootstrapCiHigh());
    }
    t.addColumns(
        runs, ok, rate, rateLo, rateHi, n, nan, mean, meanLo, meanHi, sd, min, q1, median, q3, max);
    if (bootstrap != BootstrapStatistic.NONE) {
      t.addColumns(bootKind, bootLo, bootHi);
    }
    return t;
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

  static List<String> keysOf(Table keys, int row) {
    List<String> out = new ArrayList<>(keys.columnCount());
    for (int c = 0; c < keys.columnCount(); c++) {
      out.add(keys.column(c).getString(row));
    }
    return out;
  }
}
