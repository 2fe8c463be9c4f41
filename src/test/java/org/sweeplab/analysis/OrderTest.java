package org.sweeplab.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link Order} against the sort it replaces: {@code Arrays.sort} of boxed indices with a
 * comparator, on seeded keys full of ties, NaN, infinities and both zeros.
 */
class OrderTest {

  static LongStream seeds() {
    return LongStream.rangeClosed(1, 40);
  }

  private static double[] keys(Random r, int n) {
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] =
          switch (r.nextInt(8)) {
            case 0 -> Double.NaN;
            case 1 -> -0.0;
            case 2 -> 0.0;
            case 3 -> r.nextInt(3);
            case 4 -> r.nextBoolean() ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            case 5 -> -r.nextInt(3);
            default -> r.nextGaussian();
          };
    }
    return x;
  }

  private static int[] boxed(int n, Comparator<Integer> c) {
    Integer[] idx = new Integer[n];
    for (int i = 0; i < n; i++) {
      idx[i] = i;
    }
    Arrays.sort(idx, c);
    return Arrays.stream(idx).mapToInt(Integer::intValue).toArray();
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void oneKeyIsTheComparatorsOrder(long seed) {
    Random r = new Random(seed);
    int n = r.nextInt(seed % 2 == 0 ? 60 : 6000);
    double[] x = keys(r, n);
    assertArrayEquals(boxed(n, Comparator.comparingDouble(i -> x[i])), Order.ascending(x));
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void twoKeysAreTheComparatorsOrder(long seed) {
    Random r = new Random(seed);
    int n = r.nextInt(seed % 2 == 0 ? 60 : 6000);
    double[] x = keys(r, n);
    double[] y = keys(r, n);
    assertArrayEquals(
        boxed(n, Comparator.<Integer>comparingDouble(i -> x[i]).thenComparingDouble(i -> y[i])),
        Order.ascending(x, y));
  }
}
