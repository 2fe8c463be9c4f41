package org.sweeplab.analysis;

import java.util.List;
import java.util.Locale;

/**
 * Failure clusters, as {@link Patterns} finds them: failed runs grouped by error type (or status)
 * and error message with numbers, paths and ids stripped, one {@link Row} per cluster, largest
 * first. Immutable. {@link #resultTable()} is the same as a table ({@link #toTable()} its Tablesaw
 * view).
 */
public final class FailureClustersResult implements TabularResult {
  /**
   * One cluster.
   *
   * @param cluster its key, {@code ErrorType: normalised message}
   * @param count the failed runs in it
   * @param shareOfFailures {@code count} over all failed runs
   * @param example the raw message of its first run, or empty without a message column
   * @param overRepresented the parameter levels over-represented in it, {@code p = v (x2.0, p_holm
   *     0.01310)} each: share at least 1.5 times that of all runs and Holm-adjusted p (over every
   *     cluster and level) below 0.05
   */
  public record Row(
      String cluster,
      long count,
      double shareOfFailures,
      String example,
      List<String> overRepresented) {
    public Row {
      overRepresented = List.copyOf(overRepresented);
    }
  }

  private final List<Row> rows;

  FailureClustersResult(List<Row> rows) {
    this.rows = List.copyOf(rows);
  }

  /**
   * @return the clusters, largest first
   */
  public List<Row> rows() {
    return rows;
  }

  /**
   * @return {@code cluster, count, share_of_failures, example, over_represented} (the levels joined
   *     by {@code "; "}), one row per cluster
   */
  @Override
  public ResultTable resultTable() {
    return ResultTable.of(
        "failure clusters",
        Columns.text("cluster", rows, Row::cluster),
        Columns.longs("count", rows, Row::count),
        Columns.doubles("share_of_failures", rows, Row::shareOfFailures),
        Columns.text("example", rows, Row::example),
        Columns.text("over_represented", rows, r -> String.join("; ", r.overRepresented())));
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "failure clusters: %d", rows.size());
  }
}
