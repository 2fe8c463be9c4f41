package org.sweeplab.analysis;

/**
 * The comparison of a metric between two samples a and b.
 *
 * @param test the test used: {@code welch_t}, {@code paired_t}, {@code mann_whitney_u} or {@code
 *     wilcoxon_signed_rank}
 * @param nA values in a (pairs, for a paired test)
 * @param nB values in b (pairs, for a paired test)
 * @param meanA mean of a
 * @param meanB mean of b
 * @param difference {@code meanA - meanB} (mean of the differences, for a paired test)
 * @param ciLow low end of the interval of the difference (Welch, or paired t)
 * @param ciHigh high end of the interval of the difference
 * @param statistic the test statistic: t, U of a, or the signed-rank sum W+ of a - b
 * @param pValue the two-sided p-value; NaN when the test is not defined (n too small)
 * @param effectKind {@code cohens_d} (d_z when paired) or {@code cliffs_delta}
 * @param effectSize the effect size of a over b
 * @param hedgesG Hedges' g, Cohen's d times the small-sample correction {@code J(df) = Γ(df/2) /
 *     (sqrt(df/2) Γ((df-1)/2))} (Hedges, 1981) with {@code df = nA + nB - 2} (paired: {@code n -
 *     1}, g_z); NaN for the rank tests and when df < 2
 */
public record TwoSampleResult(
    String test,
    long nA,
    long nB,
    double meanA,
    double meanB,
    double difference,
    double ciLow,
    double ciHigh,
    double statistic,
    double pValue,
    String effectKind,
    double effectSize,
    double hedgesG) {

  /** The result without Hedges' g (NaN), for callers written before it existed. */
  public TwoSampleResult(
      String test,
      long nA,
      long nB,
      double meanA,
      double meanB,
      double difference,
      double ciLow,
      double ciHigh,
      double statistic,
      double pValue,
      String effectKind,
      double effectSize) {
    this(
        test,
        nA,
        nB,
        meanA,
        meanB,
        difference,
        ciLow,
        ciHigh,
        statistic,
        pValue,
        effectKind,
        effectSize,
        Double.NaN);
  }

  /**
   * @return whether the test was paired
   */
  public boolean paired() {
    return test.startsWith("paired") || test.startsWith("wilcoxon");
  }
}
