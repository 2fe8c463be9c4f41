package org.sweeplab.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * Pattern detection over the parameters of a sweep: failure modes and success factors, failure
 * rules, main effects and interactions on a metric, failure clusters and survivorship warnings.
 * Immutable and configured: {@code Patterns.withDefaults().withAlpha(0.01).detect(runs, "score")}.
 * Parameters are {@link Runs#parameters()}; numeric parameters with more than eight values are
 * binned at their quartiles.
 */
public final class Patterns {
  private static final Patterns DEFAULT = new Patterns(0.05, 5);

  private final double alpha;
  private final int keep;

  private Patterns(double alpha, int keep) {
    this.alpha = alpha;
    this.keep = keep;
  }

  /**
   * @return alpha 0.05, five rules and five interactions kept
   */
  public static Patterns withDefaults() {
    return DEFAULT;
  }

  /**
   * @param a the significance level, in (0, 1)
   */
  public Patterns withAlpha(double a) {
    return new Patterns(1 - VariationStatistics.checkLevel(1 - a), keep);
  }

  /**
   * @param n how many failure rules and interactions to keep, at least 1
   */
  public Patterns withKeep(int n) {
    if (n < 1) {
      throw AnalysisException.of("Keep %d < 1", n);
    }
    return new Patterns(alpha, n);
  }

  /**
   * The result; each part is a typed result with a table ({@code resultTable()}) and a Tablesaw
   * view ({@code toTable()}).
   *
   * @param failureModes levels and pairs of levels that fail more than overall, most significant
   *     first
   * @param successFactors the same for levels that fail less than overall
   * @param failureRules boxes of the parameters where runs fail, best first
   * @param mainEffects the main effect of each parameter on the metric, largest first
   * @param interactions the strongest two-way interactions, strongest first
   * @param failureClusters failed runs grouped by normalised error, largest first
   * @param warnings survivorship warnings, one sentence each
   */
  public record Result(
      FailureFactorsResult failureModes,
      FailureFactorsResult successFactors,
      FailureRulesResult failureRules,
      MainEffectsResult mainEffects,
      InteractionsResult interactions,
      FailureClustersResult failureClusters,
      List<String> warnings) {}

  /**
   * @param runs the runs
   * @param metric the metric for main effects, or null for the first metric
   * @return the patterns
   * @throws AnalysisException if the table has no parameter columns
   */
  public Result detect(Runs runs, String metric) {
    if (runs.parameters().isEmpty()) {
      throw AnalysisException.of(
          "Table %s has no parameter columns; name them with withParameters; columns are %s",
          runs.name(), runs.columnNames());
    }
    String m = runs.metric(metric);
    List<Levels> levels = new ArrayList<>();
    for (String p : runs.parameters()) {
      levels.add(Levels.of(runs, p));
    }
    boolean[] ok = runs.ok();
    FailureFactorsResult[] factors = FailureFactors.detect(runs, levels, ok);
    FailureRulesResult rules = FailureRules.detect(levels, ok, keep);
    RunColumn.Codes status = runs.statusColumn() == null ? null : runs.codes(runs.statusColumn());
    MainEffects.Result effects =
        MainEffects.detect(levels, ok, status, runs.numeric(m), m, alpha, keep);
    FailureClustersResult clusters = FailureClusters.detect(runs, levels, ok);
    return new Result(
        factors[0],
        factors[1],
        rules,
        effects.effects(),
        effects.interactions(),
        clusters,
        effects.warnings());
  }
}
