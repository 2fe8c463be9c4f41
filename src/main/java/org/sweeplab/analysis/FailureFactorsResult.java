package org.sweeplab.analysis;

import java.util.List;
import java.util.Locale;

/**
 * Failure modes (levels and pairs of levels that fail more than overall) or success factors (less),
 * as {@link Patterns} detects them: one {@link Row} per level or pair, by Holm-adjusted p then by
 * how far the rate is from the overall rate. Immutable. {@link #resultTable()} is the same as a
 * table ({@link #toTable()} its Tablesaw view).
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
  public ResultTable resultTable() {
    return ResultTable.of(
        name,
        Columns.text("factor", rows, Row::factor),
        Columns.ints("parameters", rows, Row::parameters),
        Columns.longs("runs", rows, Row::runs),
        Columns.longs("failures", rows, Row::failures),
        Columns.doubles("failure_rate", rows, Row::failureRate),
        Columns.doubles("overall_failure_rate", rows, Row::overallFailureRate),
        Columns.doubles("lift", rows, Row::lift),
        Columns.text("test", rows, Row::test),
        Columns.doubles("p_value", rows, Row::pValue),
        Columns.doubles("p_holm", rows, Row::pHolm));
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%s: %d levels or pairs", name, rows.size());
  }
}
