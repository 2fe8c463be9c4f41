package org.sweeplab.analysis;

import java.util.List;
import java.util.Locale;

/**
 * The Morris screening measures of one metric, as {@link Sensitivity#morris} estimates them from
 * the elementary effects of each factor: μ, μ* and σ with percentile bootstrap intervals over
 * trajectories. Immutable; figures and reports draw from it.
 */
public final class MorrisResult implements SensitivityResult {

  /**
   * One factor. With fewer than 2 effects σ and every interval are NaN.
   *
   * @param parameter the factor
   * @param effects the number of elementary effects (the complete trajectories)
   * @param mu the mean elementary effect (Morris 1991)
   * @param muLow its interval
   * @param muHigh its interval
   * @param muStar the mean absolute elementary effect (Campolongo et al. 2007)
   * @param muStarLow its interval
   * @param muStarHigh its interval
   * @param sigma the standard deviation of the elementary effects (divisor n - 1)
   * @param sigmaLow its interval
   * @param sigmaHigh its interval
   */
  public record Row(
      String parameter,
      int effects,
      double mu,
      double muLow,
      double muHigh,
      double muStar,
      double muStarLow,
      double muStarHigh,
      double sigma,
      double sigmaLow,
      double sigmaHigh) {}

  private final String metric;
  private final FailedRunPolicy policy;
  private final int plannedTrajectories;
  private final int droppedTrajectories;
  private final double confidence;
  private final List<Row> rows;
  private final List<String> warnings;

  MorrisResult(
      String metric,
      FailedRunPolicy policy,
      int plannedTrajectories,
      int droppedTrajectories,
      double confidence,
      List<Row> rows,
      List<String> warnings) {
    this.metric = metric;
    this.policy = policy;
    this.plannedTrajectories = plannedTrajectories;
    this.droppedTrajectories = droppedTrajectories;
    this.confidence = confidence;
    this.rows = List.copyOf(rows);
    this.warnings = List.copyOf(warnings);
  }

  @Override
  public String metric() {
    return metric;
  }

  public FailedRunPolicy policy() {
    return policy;
  }

  public int plannedTrajectories() {
    return plannedTrajectories;
  }

  public int droppedTrajectories() {
    return droppedTrajectories;
  }

  public double confidence() {
    return confidence;
  }

  /**
   * @return one row per factor, in spec order
   */
  public List<Row> rows() {
    return rows;
  }

  /**
   * @return the factors from the largest μ* to the smallest (ties in spec order)
   */
  public List<String> ranking() {
    return rows.stream()
        .sorted((a, b) -> Double.compare(b.muStar(), a.muStar()))
        .map(Row::parameter)
        .toList();
  }

  @Override
  public List<String> warnings() {
    return warnings;
  }

  /**
   * @return the row of a factor
   * @throws AnalysisException if there is none
   */
  public Row row(String parameter) {
    return rows.stream()
        .filter(r -> r.parameter().equals(parameter))
        .findFirst()
        .orElseThrow(
            () ->
                AnalysisException.of(
                    "No factor '%s' in the Morris measures; factors are %s",
                    parameter, rows.stream().map(Row::parameter).toList()));
  }

  /**
   * @return {@code parameter, effects, mu, mu_low, mu_high, mu_star, mu_star_low, mu_star_high,
   *     sigma, sigma_low, sigma_high}
   */
  @Override
  public ResultTable resultTable() {
    return ResultTable.of(
        "Morris measures of " + metric,
        Columns.text("parameter", rows, Row::parameter),
        Columns.ints("effects", rows, Row::effects),
        Columns.doubles("mu", rows, Row::mu),
        Columns.doubles("mu_low", rows, Row::muLow),
        Columns.doubles("mu_high", rows, Row::muHigh),
        Columns.doubles("mu_star", rows, Row::muStar),
        Columns.doubles("mu_star_low", rows, Row::muStarLow),
        Columns.doubles("mu_star_high", rows, Row::muStarHigh),
        Columns.doubles("sigma", rows, Row::sigma),
        Columns.doubles("sigma_low", rows, Row::sigmaLow),
        Columns.doubles("sigma_high", rows, Row::sigmaHigh));
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "Morris measures of %s: %d factors from %d of %d trajectories",
        metric,
        rows.size(),
        plannedTrajectories - droppedTrajectories,
        plannedTrajectories);
  }
}
