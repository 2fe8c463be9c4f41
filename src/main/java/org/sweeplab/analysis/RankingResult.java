package org.sweeplab.analysis;

import tech.tablesaw.api.Table;

/**
 * The ranking of groups by a metric.
 *
 * @param table one row per group, best first: {@code rank}, the group columns, {@code n, mean, ci_low, ci_high, sd,
 *     median, difference_vs_best, test, p_value, p_holm, distinguishable_from_best, effect_kind, effect_size,
 *     hedges_g, rank_group} ({@code hedges_g}: Cohen's d with Hedges' small-sample correction; NaN for rank
 *     tests); groups without ok runs come last with a missing rank
 * @param overall one row: {@code test, statistic, df1, df2, p_value, effect_kind, effect_size} of the test across all
 *     groups: one-way ANOVA with eta squared, or Kruskal-Wallis with epsilon squared; when the comparisons are paired,
 *     blocked by seed: {@code anova_blocked_by_seed} with partial eta squared, or {@code friedman} with Kendall's W
 * @param paired whether the comparisons with the best were paired by seed
 * @param advice a sentence on the replicates needed when the best cannot be told from the runner-up; empty otherwise
 * @param alpha the significance level, {@code 1 - confidence}: a group is distinguishable from the best when its
 *     Holm-adjusted p is below it
 */
public record RankingResult(Table table, Table overall, boolean paired, String advice, double alpha) {

  /** The result without its significance level (NaN), for callers written before it existed. */
  public RankingResult(Table table, Table overall, boolean paired, String advice) {
    this(table, overall, paired, advice, Double.NaN);
  }
}
