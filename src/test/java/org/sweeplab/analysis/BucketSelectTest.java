package org.sweeplab.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link BucketSelect} against the definition: the type-7 quantiles (R's default) of the sorted
 * values, {@code a[lo] + (h - lo) (a[lo + 1] - a[lo])} with {@code h = (n - 1) p}, bit for bit, on
 * seeded samples with ties, clusters, both zeros and wide ranges (and with an infinity, through the
 * selection); the input is left unchanged.
 */
class BucketSelectTest {

  static LongStream seeds() {
    return LongStream.rangeClosed(1, 30);
  }

  private static double[] sample(Random r, int n) {
    double[] x = new double[n];
    int kind = r.nextInt(6);
    for (int i = 0; i < n; i++) {
      x[i] =
          switch (kind) {
            case 0 -> r.nextGaussian() * 10 + 50;
            case 1 -> r.nextInt(7); // heavy ties
            case 2 -> r.nextBoolean() ? 0.0 : -0.0;
            case 3 -> r.nextDouble() < 0.999 ? 1.0 : r.nextGaussian() * 1e6; // one big bucket
            case 4 -> Math.exp(r.nextGaussian() * 20); // a range of many magnitudes
            default -> 1e9 + r.nextInt(1000) * 1e-7; // a large offset
          };
    }
    return x;
  }

  private static double[] bySorting(double[] values) {
    double[] a = values.clone();
    Arrays.sort(a);
    int n = a.length;
    double[] f = new double[5];
    for (int q = 0; q < 5; q++) {
      double h = (n - 1) * (q / 4.0);
      int lo = (int) Math.floor(h);
      int hi = Math.min(lo + 1, n - 1);
      f[q] = a[lo] + (h - lo) * (a[hi] - a[lo]);
    }
    return f;
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void fiveNumbersAreThoseOfTheSortedValues(long seed) {
    Random r = new Random(seed);
    int n = 1 + r.nextInt(seed % 3 == 0 ? 20 : 200_000);
    double[] x = sample(r, n);
    double[] copy = x.clone();
    double[] expected = bySorting(x);
    double[] actual = BucketSelect.fiveNumbers(x, n);
    assertArrayEquals(expected, actual, 0.0, "seed " + seed + ", n " + n);
    assertTrue(Arrays.equals(copy, x), "the input is left as it was");
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void aNaNMakesEveryNumberNaNAndAnInfinityTakesTheSelection(long seed) {
    Random r = new Random(seed);
    double[] x = sample(r, 1000);
    x[r.nextInt(1000)] = Double.NaN;
    assertTrue(Arrays.stream(BucketSelect.fiveNumbers(x, 1000)).allMatch(Double::isNaN));
    double[] y = sample(r, 1000);
    y[r.nextInt(1000)] = Double.POSITIVE_INFINITY;
    double[] expected = bySorting(y);
    expected[4] = Double.POSITIVE_INFINITY; // the maximum itself (the formula gives inf + 0 * NaN)
    assertArrayEquals(expected, BucketSelect.fiveNumbers(y, 1000), 0.0);
  }
}
