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
 * The additive fit's sum of squares, whichever shortcut it takes (dense rows written as 1 + e, sparse rows directly),
 * equals a plain least-squares fit of {@code y ~ R + K} with dummy columns (Commons Math's QR decomposition).
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
  }
}
