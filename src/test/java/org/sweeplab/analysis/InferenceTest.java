package org.sweeplab.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Expected values: src/test/resources/analysis/reference/reference_values.py, scipy 1.10.1 / numpy
 * 1.24.2. {@code tq} there is scipy's t quantile refined by two Newton steps on scipy's own {@code
 * t.sf}: scipy 1.10.1's {@code t.ppf} is off by about 1e-9.
 */
class InferenceTest {
  static final double[] A = {12.1, 14.3, 11.8, 15.2, 13.7, 12.9, 14.8};
  static final double[] B = {10.2, 11.9, 12.4, 10.8, 11.1, 13.0};
  static final double[] C = {13.5, 12.2, 14.1, 13.3, 12.8};
  static final double[] X = {
    9, 6, 6, 8, 5, 7, 8, 2, 0, 3, 2, 8, 9, 0, 4, 8, 1, 7, 1, 4, 8, 3, 3, 2, 7, 2, 9, 4, 4, 5, 5, 5,
    5, 9, 8, 7, 7, 6, 3, 9, 4, 2, 8, 1, 8, 6, 1, 0, 4, 0, 1, 5, 9, 4, 8, 9, 8, 6, 4, 5
  };
  static final double[] Y = {
    3, 5, 4, 3, 10, 1, 1, 2, 10, 7, 9, 3, 8, 4, 5, 1, 7, 9, 7, 2, 6, 3, 10, 9, 2, 6, 10, 9, 8, 7, 1,
    8, 5, 1, 3, 6, 8, 6, 7, 9, 7, 4, 7, 6, 2, 1, 7, 4, 6, 4, 3, 2, 4, 9, 5
  };

  @Test
  void welch() {
    TwoSampleResult r = Inference.unpaired(A, B, TestKind.PARAMETRIC, 0.95);
    assertEquals("welch_t", r.test());
    assertEquals(
        3.001734701286753, r.statistic(), 1e-12); // scipy 1.10.1: ttest_ind(A, B, equal_var=False)
    assertEquals(
        0.012084375620528331, r.pValue(), 1e-12); // scipy 1.10.1: ttest_ind(A, B, equal_var=False)
    assertEquals(
        0.5265734118507819, r.ciLow(), 1e-12); // scipy 1.10.1: diff - tq(0.95, welch df) * se
    assertEquals(
        3.4258075405301707, r.ciHigh(), 1e-12); // scipy 1.10.1: diff + tq(0.95, welch df) * se
    assertEquals(1.6390584685829392, r.effectSize(), 1e-12); // numpy 1.24.2: diff / pooled sd
    // R 4.2.2: d * exp(lgamma(11/2) - log(sqrt(11/2)) - lgamma(5))
    assertEquals(1.5242585019825807, r.hedgesG(), 1e-12);
  }

  @Test
  void mannWhitneyExactAndAsymptotic() {
    TwoSampleResult r = Inference.unpaired(A, B, TestKind.RANK, 0.95);
    assertEquals(36.0, r.statistic()); // scipy 1.10.1: mannwhitneyu(A, B, method="exact")
    assertEquals(
        0.03496503496503496, r.pValue(), 1e-12); // scipy 1.10.1: mannwhitneyu(A, B, method="exact")
    assertEquals(
        0.7142857142857143,
        r.effectSize(),
        1e-15); // numpy 1.24.2: mean(sign(x - y)) over all pairs
    TwoSampleResult t = Inference.unpaired(X, Y, TestKind.RANK, 0.95);
    assertEquals(1549.5, t.statistic()); // scipy 1.10.1: mannwhitneyu(X, Y, method="asymptotic")
    assertEquals(
        0.5735436070643857,
        t.pValue(),
        1e-12); // scipy 1.10.1: mannwhitneyu(X, Y, "asymptotic", cc)
    assertEquals(-0.060909090909090906, t.effectSize(), 1e-15); // numpy 1.24.2: mean(sign(x - y))
  }

  @Test
  void pairedTests() {
    double[] p = java.util.Arrays.copyOf(A, 6);
    TwoSampleResult t = Inference.paired(p, B, TestKind.PARAMETRIC, 0.95);
    assertEquals(2.3377297843735243, t.statistic(), 1e-12); // scipy 1.10.1: ttest_rel(P, B)
    assertEquals(0.06656787756928562, t.pValue(), 1e-12); // scipy 1.10.1: ttest_rel(P, B)
    assertEquals(
        -0.17597070456163566, t.ciLow(), 1e-12); // scipy 1.10.1: mean(d) - tq(0.95, 5) * sem(d)
    assertEquals(
        3.709304037894969, t.ciHigh(), 1e-12); // scipy 1.10.1: mean(d) + tq(0.95, 5) * sem(d)
    assertEquals(
        0.9543741880369465, t.effectSize(), 1e-12); // numpy 1.24.2: mean(d) / std(d, ddof=1)
    // R 4.2.2: d_z * exp(lgamma(5/2) - log(sqrt(5/2)) - lgamma(2))
    assertEquals(0.8023888411655985, t.hedgesG(), 1e-12);
    TwoSampleResult w = Inference.paired(p, B, TestKind.RANK, 0.95);
    assertEquals(18.0, w.statistic()); // scipy 1.10.1: sum(rankdata(|d|)[d > 0])
    assertEquals(0.15625, w.pValue(), 1e-12); // scipy 1.10.1: wilcoxon(P, B, method="exact")
  }

  @Test
  void overallTests() {
    Inference.Overall a = Inference.anova(List.of(A, B, C));
    assertEquals(5.692558302656979, a.statistic(), 1e-11); // scipy 1.10.1: f_oneway(A, B, C)
    assertEquals(0.014470775611398472, a.pValue(), 1e-12); // scipy 1.10.1: f_oneway(A, B, C)
    assertEquals(0.4314976801361182, a.effect(), 1e-12); // numpy 1.24.2: SSB / SST
    Inference.Overall k =
        Inference.kruskalWallis(
            List.of(
                new double[] {1, 2, 2, 3, 5},
                new double[] {2, 3, 3, 4, 6, 6},
                new double[] {5, 6, 7, 7, 8}));
    assertEquals(8.912912912912924, k.statistic(), 1e-11); // scipy 1.10.1: kruskal(K1, K2, K3)
    assertEquals(0.011603407703633302, k.pValue(), 1e-12); // scipy 1.10.1: kruskal(K1, K2, K3)
  }

  @Test
  void proportions() {
    Inference.Proportions f = Inference.proportions(8, 2, 1, 5);
    assertEquals("fisher_exact", f.test());
    assertEquals(
        0.034965034965034975, f.pValue(), 1e-12); // scipy 1.10.1: fisher_exact([[8, 2], [1, 5]])
    assertEquals(20.0, f.statistic(), 1e-12); // scipy 1.10.1: fisher_exact odds ratio
    Inference.Proportions c = Inference.proportions(2600, 2400, 2150, 2850);
    assertEquals("chi_square", c.test());
    assertEquals(
        81.203007518797,
        c.statistic(),
        1e-9); // scipy 1.10.1: chi2_contingency(..., correction=False)
    assertEquals(
        2.0368176751546025e-19,
        c.pValue(),
        1e-25); // scipy 1.10.1: chi2_contingency(.., correction=False)
  }

  @Test
  void intervalsAndCorrections() {
    double[] w = Intervals.wilson(7, 10, 0.95);
    assertEquals(
        0.39677814746114526, w[0], 1e-12); // scipy 1.10.1: binomtest(7, 10).proportion_ci("wilson")
    assertEquals(
        0.892208732593699, w[1], 1e-12); // scipy 1.10.1: binomtest(7, 10).proportion_ci("wilson")
    double[] z = Intervals.wilson(0, 5, 0.95);
    assertEquals(0.0, z[0], 1e-15); // scipy 1.10.1: binomtest(0, 5).proportion_ci("wilson")
    assertEquals(
        0.43448246478317476, z[1], 1e-12); // scipy 1.10.1: binomtest(0, 5).proportion_ci("wilson")
    double[] t = Intervals.meanT(13.542857142857144, 1.3201731488169053, 7, 0.95);
    assertEquals(12.32190061913019, t[0], 1e-12); // scipy 1.10.1: mean(A) - tq(0.95, 6) * sem(A)
    assertEquals(14.763813666584099, t[1], 1e-12); // scipy 1.10.1: mean(A) + tq(0.95, 6) * sem(A)
    // exact rational arithmetic (reference_values.py): Holm of [0.01, 0.04, 0.03, 0.005]
    assertArrayEquals(
        new double[] {0.03, 0.06, 0.06, 0.02},
        Intervals.holm(new double[] {0.01, 0.04, 0.03, 0.005}),
        1e-15);
    assertEquals(Double.NaN, Intervals.holm(new double[] {Double.NaN, 0.02})[0]);
    assertEquals(0.02, Intervals.holm(new double[] {Double.NaN, 0.02})[1], 1e-15);
  }

  @Test
  void degenerateSamples() {
    TwoSampleResult one = Inference.unpaired(new double[] {1}, B, TestKind.PARAMETRIC, 0.95);
    assertEquals(Double.NaN, one.pValue());
    TwoSampleResult constant =
        Inference.unpaired(new double[] {2, 2, 2}, new double[] {2, 2}, TestKind.PARAMETRIC, 0.95);
    assertEquals(1.0, constant.pValue());
    TwoSampleResult apart =
        Inference.unpaired(new double[] {3, 3}, new double[] {2, 2}, TestKind.PARAMETRIC, 0.95);
    assertEquals(0.0, apart.pValue());
    assertEquals(
        1.0,
        Inference.unpaired(new double[] {2, 2}, new double[] {2, 2, 2}, TestKind.RANK, 0.95)
            .pValue());
  }

  /**
   * Issue 9, item 5: zero differences are dropped before ranking, as R does (not Pratt's method).
   */
  @Test
  void wilcoxonDropsZeroDifferencesAsR() {
    double[] b = {5, 6, 7, 8, 9, 10, 11, 12};
    double[] a = {5, 6, 8, 10, 8.5, 13, 15, 17};
    TwoSampleResult w = Inference.paired(a, b, TestKind.RANK, 0.95);
    assertEquals(20.0, w.statistic()); // R 4.2.2: wilcox.test(A, B, paired = TRUE)$statistic (V)
    assertEquals(
        0.059172067825859431,
        w.pValue(),
        1e-12); // R 4.2.2: wilcox.test(A, B, paired = TRUE)$p.value
    // Ties without zeros: normal approximation with tie and continuity correction, as R.
    TwoSampleResult t =
        Inference.paired(
            new double[] {1, 1, 2, -3, 4, 5, 6, -2}, new double[8], TestKind.RANK, 0.95);
    assertEquals(
        27.5, t.statistic()); // R 4.2.2: wilcox.test(c(1, 1, 2, -3, 4, 5, 6, -2))$statistic
    assertEquals(
        0.20646258713596,
        t.pValue(),
        1e-12); // R 4.2.2: wilcox.test(c(1, 1, 2, -3, 4, 5, 6, -2))$p.value
  }

  /** Issue 9, item 6: -0.0 and 0.0 are one value, a tie. */
  @Test
  void mannWhitneyTiesNegativeZeroWithZero() {
    TwoSampleResult r =
        Inference.unpaired(
            new double[] {-0.0, 2, 3}, new double[] {0.0, 1, 0.5}, TestKind.RANK, 0.95);
    assertEquals(
        6.5, r.statistic()); // R 4.2.2: wilcox.test(c(-0, 2, 3), c(0, 1, 0.5))$statistic (W)
    assertEquals(
        0.5065551690490403,
        r.pValue(),
        1e-12); // R 4.2.2: wilcox.test(c(-0, 2, 3), c(0, 1, 0.5))$p.value
  }

  /**
   * Issue 9, item 3: values near 1e9 that differ in the last digits. Expected values: exact
   * rational arithmetic (Python 3 fractions over the parsed doubles), with scipy 1.10.1 for the t
   * and F tail probabilities.
   */
  @Test
  void largeOffsetKeepsFullPrecision() {
    double[] a = {1000000000.0000001, 1000000000.0000004, 1000000000.0000002, 1000000000.0000003};
    double[] b = {1000000000.0000006, 1000000000.0000009, 1000000000.0000008, 1000000000.0000005};
    TwoSampleResult r = Inference.unpaired(a, b, TestKind.PARAMETRIC, 0.95);
    assertEquals(
        -4.470348358154297e-07, r.difference(), 1e-20); // exact rationals: mean(A) - mean(B)
    assertEquals(
        -3.6380343755449944, r.statistic(), 1e-10); // exact rationals: d / sqrt(va/4 + vb/4)
    assertEquals(
        0.017711293154785018,
        r.pValue(),
        1e-10); // scipy 1.10.1: 2 t.sf(|t|, exact Welch df 4.53399)
    assertEquals(-2.5724787771376323, r.effectSize(), 1e-10); // exact rationals: d / pooled sd
    Inference.Overall f = Inference.anova(List.of(a, b));
    assertEquals(13.235294117647058, f.statistic(), 1e-9); // exact rationals: (SSB / 1) / (SSW / 6)
    assertEquals(0.6880733944954128, f.effect(), 1e-12); // exact rationals: SSB / SST
    assertEquals(0.010860356596431626, f.pValue(), 1e-10); // scipy 1.10.1: f.sf(F, 1, 6)
  }
}
