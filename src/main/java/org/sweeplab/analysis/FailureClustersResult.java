package org.sweeplab.analysis;

import java.util.List;
import java.util.Locale;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Failure clusters, as {@link Patterns} finds them: failed runs grouped by error type (or status)
 * and error message with numbers, paths and ids stripped, one {@link Row} per cluster, largest
 * first. Immutable. {@link #toTable()} is the same as a table.
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
  public Table toTable() {
    StringColumn key = StringColumn.create("cluster");
    LongColumn count = LongColumn.create("count");
    DoubleColumn share = DoubleColumn.create("share_of_failures");
    StringColumn example = StringColumn.create("example");
    StringColumn over = StringColumn.create("over_represented");
    for (Row r : rows) {
      key.append(r.cluster());
      count.append(r.count());
      share.append(r.shareOfFailures());
      example.append(r.example());
      over.append(String.join("; ", r.overRepresented()));
    }
    return Table.create("failure clusters", key, count, share, example, over);
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "failure clusters: %d", rows.size());
  }
}
