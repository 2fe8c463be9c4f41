package org.sweeplab.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MetricAccumulatorTest {
  static final double[] A = {12.1, 14.3, 11.8, 15.2, 13.7, 12.9, 14.8};

  @Test
  void summaryMatchesNumpy() {
    MetricAccumulator m = MetricAccumulator.of(A);
    assertEquals(7, m.count());
    assertEquals(13.542857142857144, m.mean(), 1e-14); // numpy 1.24.2: np.mean(A)
    assertEquals(
        1.3201731488169053, m.standardDeviation(), 1e-14); // numpy 1.24.2: np.std(A, ddof=1)
    assertEquals(12.5, m.quantile(0.25), 1e-14); // numpy 1.24.2: np.percentile(A, 25)
    assertEquals(13.7, m.median(), 1e-14); // numpy 1.24.2: np.percentile(A, 50)
    assertEquals(14.55, m.quantile(0.75), 1e-14); // numpy 1.24.2: np.percentile(A, 75)
    assertEquals(11.8, m.min());
    assertEquals(15.2, m.max());
  }

  @Test
  void combineEqualsOnePass() {
    MetricAccumulator left = MetricAccumulator.of(12.1, 14.3, 11.8);
    MetricAccumulator right = MetricAccumulator.of(15.2, 13.7, 12.9, 14.8);
    left.combine(right);
    MetricAccumulator all = MetricAccumulator.of(A);
    assertEquals(all.mean(), left.mean(), 1e-15);
    assertEquals(all.variance(), left.variance(), 1e-15);
    assertEquals(all.median(), left.median());
    assertEquals(
        3, MetricAccumulator.of(12.1, 14.3, 11.8).combine(MetricAccumulator.create()).count());
  }

  @Test
  void illConditionedValuesNearOneBillionKeepTwelveDigits() {
    double u = Math.scalb(1.0, -20);
    int[] k = {3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5};
    MetricAccumulator m = MetricAccumulator.create();
    double naiveSum = 0;
    double naiveSq = 0;
    for (int x : k) {
      double v = 1e9 + x * u;
      m.accept(v);
      naiveSum += v;
      naiveSq += v * v;
    }
    double exact =
        5.093170329928398e-12; // exact rational arithmetic (Python fractions), reference_values.py
    assertEquals(exact, m.variance(), exact * 1e-12);
    assertEquals(
        1000000000.0000038, m.mean(), 1e-15 * 1e9); // exact rational arithmetic (Python fractions)
    double naive = (naiveSq - naiveSum * naiveSum / k.length) / (k.length - 1);
    assertTrue(
        Math.abs(naive - exact) >= 0.5 * exact,
        "the naive formula loses every digit here: " + naive);
  }

  @Test
  void tinyAndConstantGroups() {
    MetricAccumulator one = MetricAccumulator.of(4.5);
    assertEquals(4.5, one.mean());
    assertEquals(Double.NaN, one.variance());
    assertEquals(4.5, one.median());
    MetricAccumulator two = MetricAccumulator.of(1, 4);
    assertEquals(2.5, two.mean());
    assertEquals(4.5, two.variance()); // exact: ((1-2.5)^2 + (4-2.5)^2) / 1
    assertEquals(1.75, two.quantile(0.25)); // numpy 1.24.2: np.percentile([1, 4], 25)
    MetricAccumulator constant = MetricAccumulator.of(7, 7, 7, 7);
    assertEquals(0.0, constant.variance());
    assertEquals(7.0, constant.mean());
    MetricAccumulator empty = MetricAccumulator.create();
    assertEquals(Double.NaN, empty.mean());
    assertEquals(Double.NaN, empty.median());
  }

  @Test
  void nanPropagatesAndBadProbabilityIsRejected() {
    MetricAccumulator m = MetricAccumulator.of(1, Double.NaN, 3);
    assertEquals(Double.NaN, m.mean());
    assertEquals(Double.NaN, m.median());
    var e = assertThrows(AnalysisException.class, () -> MetricAccumulator.of(1).quantile(1.5));
    assertTrue(e.getMessage().contains("1.5"), e.getMessage());
  }

  @org.junit.jupiter.api.Test
  void quantilesOfManyValuesBySelectionEqualTheSortedDefinition() {
    java.util.SplittableRandom rng = new java.util.SplittableRandom(11);
    double[] v = new double[MetricAccumulator.SELECT_ABOVE + 1234];
    for (int i = 0; i < v.length; i++) {
      v[i] = rng.nextInt(1000) + rng.nextDouble();
    }
    double[] sorted = v.clone();
    java.util.Arrays.sort(sorted);
    MetricAccumulator m = MetricAccumulator.of(v);
    for (double p : new double[] {0, 0.1, 0.25, 0.5, 0.75, 0.9, 1}) {
      // Type 7 (R's quantile default): h = (n - 1) p, linear between the order statistics around h.
      double h = (sorted.length - 1) * p;
      int lo = (int) Math.floor(h);
      double expected =
          sorted[lo] + (h - lo) * (sorted[Math.min(lo + 1, sorted.length - 1)] - sorted[lo]);
      org.junit.jupiter.api.Assertions.assertEquals(
          expected, m.quantile(p), Math.ulp(expected) * 4, "p = " + p);
    }
    // The five numbers (one selection for all three quartiles) agree with the single quantiles,
    // small and large.
    for (MetricAccumulator a :
        new MetricAccumulator[] {MetricAccumulator.of(v), MetricAccumulator.of(1, 4, 2, 8)}) {
      double[] five = {a.min(), a.lowerQuartile(), a.median(), a.upperQuartile(), a.max()};
      for (int i = 0; i < 5; i++) {
        org.junit.jupiter.api.Assertions.assertEquals(
            a.quantile(i / 4.0), five[i], Math.ulp(five[i]) * 4);
      }
    }
    org.junit.jupiter.api.Assertions.assertTrue(Double.isNaN(MetricAccumulator.create().median()));
  }

  /** R 4.2.2: quantile(c(1, 2, 3, Inf), type = 7) gives 1, 1.75, 2.5, Inf, Inf. */
  @Test
  void anInfiniteValueIsItsOwnOrderStatistic() {
    MetricAccumulator m = MetricAccumulator.of(new double[] {3, Double.POSITIVE_INFINITY, 1, 2});
    assertEquals(1.0, m.min());
    assertEquals(1.75, m.lowerQuartile());
    assertEquals(2.5, m.median());
    assertEquals(Double.POSITIVE_INFINITY, m.upperQuartile());
    assertEquals(Double.POSITIVE_INFINITY, m.max());
  }
}
