package org.sweeplab.analysis;

/**
 * The family of tests and effect sizes used by ranking, comparisons and the overall test. One
 * option keeps them consistent: a parametric analysis reports a t-test p-value beside Cohen's d, a
 * rank analysis a Mann-Whitney p-value beside Cliff's delta.
 */
public enum TestKind {
  /**
   * Welch's t-test (paired t-test for paired runs), one-way ANOVA overall, Cohen's d. Assumes
   * roughly normal means, which holds for moderate n by the central limit theorem. The default.
   */
  PARAMETRIC,
  /**
   * Mann-Whitney U (Wilcoxon signed-rank for paired runs), Kruskal-Wallis overall, Cliff's delta.
   * Assumes nothing about the shape of the distribution; tests a shift in location.
   */
  RANK
}
