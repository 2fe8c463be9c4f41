package org.sweeplab.analysis;

import java.util.List;
import java.util.Locale;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Failure rules, as {@link Patterns} finds them: boxes in the parameters' own terms (one or two
 * conditions) where runs fail, best first (the harmonic mean of density and coverage), one {@link
 * Row} each. Immutable. {@link #toTable()} is the same as a table.
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
  public Table toTable() {
    StringColumn rule = StringColumn.create("rule");
    LongColumn runs = LongColumn.create("runs");
    LongColumn f = LongColumn.create("failures");
    DoubleColumn density = DoubleColumn.create("density");
    DoubleColumn coverage = DoubleColumn.create("coverage");
    DoubleColumn lift = DoubleColumn.create("lift");
    StringColumn text = StringColumn.create("description");
    for (Row r : rows) {
      rule.append(r.rule());
      runs.append(r.runs());
      f.append(r.failures());
      density.append(r.density());
      coverage.append(r.coverage());
      lift.append(r.lift());
      text.append(r.description());
    }
    return Table.create("failure rules", rule, runs, f, density, coverage, lift, text);
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "failure rules: %d", rows.size());
  }
}
