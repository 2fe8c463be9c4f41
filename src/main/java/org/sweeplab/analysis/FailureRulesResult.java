package org.sweeplab.analysis;

import java.util.List;
import java.util.Locale;

/**
 * Failure rules, as {@link Patterns} finds them: boxes in the parameters' own terms (one or two
 * conditions) where runs fail, best first (the harmonic mean of density and coverage), one {@link
 * Row} each. Immutable. {@link #resultTable()} is the same as a table ({@link #toTable()} its
 * Tablesaw view).
 */
public final class FailureRulesResult implements TabularResult {
  /**
   * One box.
   *
   * @param rule its conditions, {@code p = v AND q ≤ w}
   * @param runs the runs inside it
   * @param failures those not ok
   * @param density {@code failures / runs}
   * @param coverage its share of all failures
   * @param lift {@code density} over the overall failure rate
   * @param description one sentence: the rule, its density and coverage in percent
   */
  public record Row(
      String rule,
      long runs,
      long failures,
      double density,
      double coverage,
      double lift,
      String description) {}

  private final List<Row> rows;

  FailureRulesResult(List<Row> rows) {
    this.rows = List.copyOf(rows);
  }

  /**
   * @return the rules, best first
   */
  public List<Row> rows() {
    return rows;
  }

  /**
   * @return {@code rule, runs, failures, density, coverage, lift, description}, one row per rule
   */
  @Override
  public ResultTable resultTable() {
    return ResultTable.of(
        "failure rules",
        Columns.text("rule", rows, Row::rule),
        Columns.longs("runs", rows, Row::runs),
        Columns.longs("failures", rows, Row::failures),
        Columns.doubles("density", rows, Row::density),
        Columns.doubles("coverage", rows, Row::coverage),
        Columns.doubles("lift", rows, Row::lift),
        Columns.text("description", rows, Row::description));
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "failure rules: %d", rows.size());
  }
}
