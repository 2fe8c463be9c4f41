package org.sweeplab.analysis;

import tech.tablesaw.api.Table;

/**
 * The ranking of groups by a metric.
 *
 * @param table one row per group, best first: {@code rank}, the group columns, {@code n, mean, ci_low, ci_high, sd,
 *     median, difference_vs_best, test, p_value, p_holm, distinguishable_from_best, effect_kind, effect_size,
 *     rank_group}; groups without ok runs come last with a missing rank
 * @param overall one row: {@code test, statistic, df1, df2, p_value, effect_kind, effect_size} of the test across all
 *     groups (one-way ANOVA with eta squared, or Kruskal-Wallis with epsilon squared)
 * @param paired whether the comparisons with the best were paired by seed
 * @param advice a sentence on the replicates needed when the best cannot be told from the runner-up; empty otherwise
 */
public record RankingResult(Table table, Table overall, boolean paired, String advice) {}
