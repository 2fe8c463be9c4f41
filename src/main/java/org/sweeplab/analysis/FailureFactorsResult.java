package org.sweeplab.analysis;

import java.util.List;
import java.util.Locale;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Failure modes (levels and pairs of levels that fail more than overall) or success factors (less),
 * as {@link Patterns} detects them: one {@link Row} per level or pair, by Holm-adjusted p then by
 * how far the rate is from the overall rate. Immutable. {@link #toTable()} is the same as a table.
 */
public final class FailureFactorsResult implements TabularResult {
  /**
   * One parameter level, or one pair of levels of two parameters.
   *
   * @param factor the level, {@code p = v}, or the pair, {@code p = v AND q = w}
   * @param parameters 1 for a level, 2 for a pair
   * @param runs the runs at it
   * @param failures those not ok
   * @param failureRate {@code failures / runs}
   * @param overallFailureRate the failure rate of every run
   * @param lift {@code failureRate / overallFailureRate}; NaN when no run fails
   * @param test the test against the runs outside it: {@code fisher_exact} or {@code chi_square}
   * @param pValue its p-value
   * @param pHolm the p-value Holm-adjusted over every level and pair tested (one family with the
   *     other kind)
   */
  public record Row(
      String factor,
      int parameters,
      long runs,
      long failures,
      double failureRate,
      double overallFailureRate,
      double lift,
      String test,
      double pValue,
      double pHolm) {}

  private final String name;
  private final List<Row> rows;

  FailureFactorsResult(String name, List<Row> rows) {
    this.name = name;
    this.rows = List.copyOf(rows);
  }

  /**
   * @return "failure modes" or "success factors"
   */
  public String name() {
    return name;
  }

  /**
   * @return one row per level or pair, most significant first
   */
  public List<Row> rows() {
    return rows;
  }

  /**
   * @return {@code factor, parameters, runs, failures, failure_rate, overall_failure_rate, lift,
   *     test, p_value, p_holm}, one row per level or pair
   */
  @Override
  public Table toTable() {
    StringColumn factor = StringColumn.create("factor");
    IntColumn arity = IntColumn.create("parameters");
    LongColumn runs = LongColumn.create("runs");
    LongColumn fail = LongColumn.create("failures");
    DoubleColumn rate = DoubleColumn.create("failure_rate");
    DoubleColumn all = DoubleColumn.create("overall_failure_rate");
    DoubleColumn lift = DoubleColumn.create("lift");
    StringColumn test = StringColumn.create("test");
    DoubleColumn p = DoubleColumn.create("p_value");
    DoubleColumn ph = DoubleColumn.create("p_holm");
    for (Row r : rows) {
      factor.append(r.factor());
      arity.append(r.parameters());
      runs.append(r.runs());
      fail.append(r.failures());
      rate.append(r.failureRate());
      all.append(r.overallFailureRate());
      lift.append(r.lift());
      test.append(r.test());
      p.append(r.pValue());
      ph.append(r.pHolm());
    }
    return Table.create(name, factor, arity, runs, fail, rate, all, lift, test, p, ph);
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%s: %d levels or pairs", name, rows.size());
  }
}
