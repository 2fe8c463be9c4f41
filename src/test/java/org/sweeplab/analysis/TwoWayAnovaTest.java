package org.sweeplab.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The additive fit's sum of squares, whichever shortcut it takes (dense rows written as 1 + e,
 * sparse rows directly), equals a plain least-squares fit of {@code y ~ R + K} with dummy columns
 * (Commons Math's QR decomposition).
 */
class TwoWayAnovaTest {
  @ParameterizedTest
  @ValueSource(doubles = {0.0, 0.05, 0.3, 0.7})
  void additiveSumOfSquaresEqualsLeastSquares(double missing) {
    SplittableRandom rng = new SplittableRandom(42 + (long) (missing * 100));
    int nr = 40;
    int nk = 12;
    int max = nr * nk * 2;
    int[] r = new int[max];
    int[] k = new int[max];
    double[] y = new double[max];
    int n = 0;
    for (int i = 0; i < nr; i++) {
      for (int j = 0; j < nk; j++) {
        if (rng.nextDouble() < missing && !(i == 0 || j == 0)) {
          continue;
        }
        int reps = rng.nextDouble() < 0.1 ? 2 : 1;
        for (int t = 0; t < reps; t++) {
          r[n] = i;
          k[n] = j;
          y[n++] = 1e6 + i * 0.3 + j * 0.7 + rng.nextGaussian();
        }
      }
    }
    boolean[] use = new boolean[max];
    java.util.Arrays.fill(use, 0, n, true);
    TwoWayAnova fit = TwoWayAnova.fit(r, nr, k, nk, use, y);
    TwoWayAnova flipped = TwoWayAnova.fit(k, nk, r, nr, use, y);
    // Least squares with an intercept and dummies for levels 1.. of each factor.
    RealMatrix x = new Array2DRowRealMatrix(n, 1 + (nr - 1) + (nk - 1));
    double mean = 0;
    for (int i = 0; i < n; i++) {
      mean += y[i] / n;
    }
    RealVector yy = new ArrayRealVector(n);
    for (int i = 0; i < n; i++) {
      x.setEntry(i, 0, 1);
      if (r[i] > 0) {
        x.setEntry(i, r[i], 1);
      }
      if (k[i] > 0) {
        x.setEntry(i, nr - 1 + k[i], 1);
      }
      yy.setEntry(i, y[i] - mean);
    }
    RealVector beta = new QRDecomposition(x, 1e-12).getSolver().solve(yy);
    RealVector residual = yy.subtract(x.operate(beta));
    double sst = yy.dotProduct(yy);
    double expected = sst - residual.dotProduct(residual);
    assertEquals(expected, fit.ssAdditive(), 1e-7 * sst);
    assertEquals(expected, flipped.ssAdditive(), 1e-7 * sst);
    // The one-value-per-cell path (the blocked test's) falls back on repeated cells, and on the
    // first value of each
    // cell equals the general fit.
    assertSame(
        fit,
        TwoWayAnova.fitOnePerCell(
            java.util.Arrays.copyOf(r, n),
            nr,
            java.util.Arrays.copyOf(k, n),
            nk,
            java.util.Arrays.copyOf(y, n)),
        sst);
    java.util.BitSet seen = new java.util.BitSet();
    int m = 0;
    int[] r1 = new int[n];
    int[] k1 = new int[n];
    double[] y1 = new double[n];
    for (int i = 0; i < n; i++) {
      if (!seen.get(r[i] * nk + k[i])) {
        seen.set(r[i] * nk + k[i]);
        r1[m] = r[i];
        k1[m] = k[i];
        y1[m++] = y[i];
      }
    }
    boolean[] use1 = new boolean[m];
    java.util.Arrays.fill(use1, true);
    TwoWayAnova general =
        TwoWayAnova.fit(
            java.util.Arrays.copyOf(r1, m),
            nr,
            java.util.Arrays.copyOf(k1, m),
            nk,
            use1,
            java.util.Arrays.copyOf(y1, m));
    assertSame(
        general,
        TwoWayAnova.fitOnePerCell(
            java.util.Arrays.copyOf(r1, m),
            nr,
            java.util.Arrays.copyOf(k1, m),
            nk,
            java.util.Arrays.copyOf(y1, m)),
        sst);
  }

  private static void assertSame(TwoWayAnova a, TwoWayAnova b, double scale) {
    assertEquals(a.n(), b.n());
    assertEquals(a.cells(), b.cells());
    assertEquals(a.components(), b.components());
    assertEquals(a.ssAdditive(), b.ssAdditive(), 1e-9 * scale);
    assertEquals(a.ssAdditiveResidual(), b.ssAdditiveResidual(), 1e-9 * scale);
    assertEquals(a.ssWithin(), b.ssWithin(), 1e-9 * scale);
  }
}
