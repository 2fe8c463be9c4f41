package org.sweeplab.analysis;

import java.util.List;
import java.util.Locale;

/**
 * The strongest two-way interactions of parameters on a metric over ok runs, as {@link Patterns}
 * detects them (R's sequential {@code anova(lm(y ~ A * B))}): one {@link Row} per pair kept,
 * strongest first. Immutable. {@link #resultTable()} is the same as a table ({@link #toTable()} its
 * Tablesaw view).
 */
public final class InteractionsResult implements TabularResult {
  /**
   * One pair of parameters. Statistics that cannot be computed (no residual degrees of freedom) are
   * NaN.
   *
   * @param interaction the pair, {@code A x B}
   * @param partialEtaSquared {@code SS_AB / (SS_AB + SS_within)}
   * @param f the F statistic of the interaction
   * @param df1 its degrees of freedom
   * @param df2 the residual degrees of freedom
   * @param pValue its p-value
   * @param pHolm the p-value Holm-adjusted over every pair of parameters (one family), before the
   *     strongest are kept
   */
  public record Row(
      String interaction,
      double partialEtaSquared,
      double f,
      double df1,
      double df2,
      double pValue,
      double pHolm) {}

  private final String metric;
  private final List<Row> rows;

  InteractionsResult(String metric, List<Row> rows) {
    this.metric = metric;
    this.rows = List.copyOf(rows);
  }

  /**
   * @return the metric
   */
  public String metric() {
    return metric;
  }

  /**
   * @return one row per pair kept, strongest first
   */
  public List<Row> rows() {
    return rows;
  }

  /**
   * @return {@code interaction, partial_eta_squared, f, df1, df2, p_value, p_holm}, one row per
   *     pair kept
   */
  @Override
  public ResultTable resultTable() {
    return ResultTable.of(
        "interactions on " + metric,
        Columns.text("interaction", rows, Row::interaction),
        Columns.doubles("partial_eta_squared", rows, Row::partialEtaSquared),
        Columns.doubles("f", rows, Row::f),
        Columns.doubles("df1", rows, Row::df1),
        Columns.doubles("df2", rows, Row::df2),
        Columns.doubles("p_value", rows, Row::pValue),
        Columns.doubles("p_holm", rows, Row::pHolm));
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "interactions on %s: %d pairs", metric, rows.size());
  }
}
