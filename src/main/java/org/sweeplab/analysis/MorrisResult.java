package org.sweeplab.analysis;

import java.util.List;
import java.util.Locale;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

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
  public Table toTable() {
    StringColumn p = StringColumn.create("parameter");
    IntColumn n = IntColumn.create("effects");
    DoubleColumn[] c = new DoubleColumn[9];
    String[] names = {
      "mu",
      "mu_low",
      "mu_high",
      "mu_star",
      "mu_star_low",
      "mu_star_high",
      "sigma",
      "sigma_low",
      "sigma_high"
    };
    for (int i = 0; i < c.length; i++) {
      c[i] = DoubleColumn.create(names[i]);
    }
    for (Row r : rows) {
      p.append(r.parameter());
      n.append(r.effects());
      double[] v = {
        r.mu(),
        r.muLow(),
        r.muHigh(),
        r.muStar(),
        r.muStarLow(),
        r.muStarHigh(),
        r.sigma(),
        r.sigmaLow(),
        r.sigmaHigh()
      };
      for (int i = 0; i < c.length; i++) {
        c[i].append(v[i]);
      }
    }
    Table t = Table.create("Morris measures of " + metric, p, n);
    t.addColumns(c);
    return t;
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
