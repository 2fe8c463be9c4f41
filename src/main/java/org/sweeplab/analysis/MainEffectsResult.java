package org.sweeplab.analysis;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The main effect of each parameter on a metric over ok runs, as {@link Patterns} detects it: one
 * {@link Row} per parameter, largest eta squared first (NaN last). Immutable. {@link
 * #resultTable()} is the same as a table ({@link #toTable()} its Tablesaw view).
 */
public final class MainEffectsResult implements TabularResult {
  /** What the main-effects test and the survivorship check conclude for one parameter. */
  public enum Verdict {
    /** No metric difference: Holm p at or above alpha, or eta squared below 0.01. */
    NO_EFFECT,
    /** A metric difference, and the levels do not fail at clearly different rates. */
    EFFECT,
    /**
     * A metric difference and different failure rates, but pure selection would not produce the
     * level means.
     */
    EFFECT_BEYOND_SELECTION,
    /**
     * A metric difference that failing only the lowest (or highest) runs of one distribution would
     * produce.
     */
    POSSIBLE_SELECTION;

    /**
     * @return the name in the table: {@code no_effect, effect, effect_beyond_selection,
     *     possible_selection}
     */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * One parameter. Statistics that cannot be computed (one level, no ok values, no failures) are
   * NaN.
   *
   * @param parameter the parameter
   * @param etaSquared eta squared of the one-way ANOVA of the metric over its levels
   * @param f the F statistic of that ANOVA
   * @param pValue its p-value
   * @param pHolm the p-value Holm-adjusted over the parameters (one family)
   * @param failureRateSpread the highest minus the lowest failure rate of its levels
   * @param failureRatePHolm the chi-square p-value of the failure rates over its levels,
   *     Holm-adjusted over the parameters
   * @param verdict what the tests conclude
   * @param levelMeans the metric mean of each level, {@code level: mean; ...}
   */
  public record Row(
      String parameter,
      double etaSquared,
      double f,
      double pValue,
      double pHolm,
      double failureRateSpread,
      double failureRatePHolm,
      Verdict verdict,
      String levelMeans) {}

  /**
   * One level of a parameter, as the one-way ANOVA of its parameter saw it: what a main-effects
   * figure draws.
   *
   * @param parameter the parameter
   * @param level its value, or for a numeric parameter of more than 8 values binned by quartiles,
   *     the bin ({@code (-∞, 100]}, {@code (100, 250]}, ...)
   * @param runs every run at the level
   * @param okRuns the runs that ended ok
   * @param n the ok runs with a value of the metric
   * @param mean their mean; NaN when n is 0
   * @param meanCiLow the lower end of the t interval of the mean at the analysis's confidence
   *     ({@code 1 - alpha}); NaN when n < 2
   * @param meanCiHigh its upper end
   * @param notOk the runs that did not end ok, by status (an empty status as {@code unknown}), in
   *     order of their first run
   */
  public record Level(
      String parameter,
      String level,
      long runs,
      long okRuns,
      long n,
      double mean,
      double meanCiLow,
      double meanCiHigh,
      Map<String, Long> notOk) {
    public Level {
      notOk = Collections.unmodifiableMap(new LinkedHashMap<>(notOk));
    }
  }

  private final String metric;
  private final List<Row> rows;
  private final List<Level> levels;

  MainEffectsResult(String metric, List<Row> rows, List<Level> levels) {
    this.metric = metric;
    this.rows = List.copyOf(rows);
    this.levels = List.copyOf(levels);
  }

  /**
   * @return the metric
   */
  public String metric() {
    return metric;
  }

  /**
   * @return one row per parameter, largest eta squared first
   */
  public List<Row> rows() {
    return rows;
  }

  /**
   * @param parameter a parameter
   * @return its levels, low to high for numbers and bins, else in order of first appearance; empty
   *     for a parameter not analysed
   */
  public List<Level> levels(String parameter) {
    return levels.stream().filter(l -> l.parameter().equals(parameter)).toList();
  }

  /**
   * @param parameter a parameter
   * @return its row
   * @throws AnalysisException if no row has that parameter
   */
  public Row row(String parameter) {
    return rows.stream()
        .filter(r -> r.parameter().equals(parameter))
        .findFirst()
        .orElseThrow(
            () ->
                AnalysisException.of(
                    "No parameter '%s' in the main effects on %s; parameters are %s",
                    parameter, metric, rows.stream().map(Row::parameter).toList()));
  }

  /**
   * @return {@code parameter, eta_squared, f, p_value, p_holm, failure_rate_spread,
   *     failure_rate_p_holm, verdict, level_means}, one row per parameter
   */
  @Override
  public ResultTable resultTable() {
    return ResultTable.of(
        "main effects on " + metric,
        Columns.text("parameter", rows, Row::parameter),
        Columns.doubles("eta_squared", rows, Row::etaSquared),
        Columns.doubles("f", rows, Row::f),
        Columns.doubles("p_value", rows, Row::pValue),
        Columns.doubles("p_holm", rows, Row::pHolm),
        Columns.doubles("failure_rate_spread", rows, Row::failureRateSpread),
        Columns.doubles("failure_rate_p_holm", rows, Row::failureRatePHolm),
        Columns.text("verdict", rows, r -> r.verdict().label()),
        Columns.text("level_means", rows, Row::levelMeans));
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "main effects on %s: %d parameters", metric, rows.size());
  }
}
