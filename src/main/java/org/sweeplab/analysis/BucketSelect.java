package org.sweeplab.analysis;

import java.util.Arrays;
import org.apache.commons.statistics.descriptive.Quantile;

/**
 * Order statistics of many values by buckets: one pass for the range, one to count the values in
 * 65,536 equal-width buckets of it, one to gather the few buckets that hold the ranks wanted, each
 * then sorted. Exact, because the bucket of a value never decreases as the value grows; the input
 * is left as it is, without the copy a selection in place needs. Used for the five numbers of
 * groups of millions of values, where it runs in simple loops that C1 compiles at once, while a
 * selection's many small methods ran interpreted for most of the first large group. Internal.
 */
final class BucketSelect {
  private BucketSelect() {}

  private static final int BUCKETS = 1 << 16;

  /**
   * The minimum, type-7 quartiles and median, and maximum of the first n values (n > 0).
   *
   * @return the five numbers; all NaN when any value is NaN. Values that span an infinite range (an
   *     infinite value) take their quartiles by selection on a copy (Commons Statistics' {@code
   *     Quantile}, type 7)
   */
  static double[] fiveNumbers(double[] a, int n) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      double x = a[i];
      if (Double.isNaN(x)) {
        return new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN};
      }
      min = Math.min(min, x);
      max = Math.max(max, x);
    }
    double range = max - min;
    if (!Double.isFinite(range)) {
      double[] q =
          Quantile.withDefaults()
              .with(Quantile.EstimationMethod.HF7)
              .evaluate(Arrays.copyOf(a, n), 0.25, 0.5, 0.75);
      return new double[] {min, q[0], q[1], q[2], max};
    }
    if (range == 0) {
      return new double[] {min, min, min, min, max};
    }
    double scale = (BUCKETS - 1) / range;
    int[] count = new int[BUCKETS];
    for (int i = 0; i < n; i++) {
      count[(int) ((a[i] - min) * scale)]++;
    }
    // The ranks that the type-7 quartiles interpolate between.
    double[] p = {0.25, 0.5, 0.75};
    long[] rank = new long[6];
    for (int q = 0; q < 3; q++) {
      double h = (n - 1) * p[q];
      rank[2 * q] = (long) Math.floor(h);
      rank[2 * q + 1] = Math.min(rank[2 * q] + 1, n - 1);
    }
    // The bucket of each rank, and its place among the bucket's values.
    int[] bucket = new int[6];
    long[] offset = new long[6];
    long before = 0;
    int r = 0;
    for (int b = 0; b < BUCKETS && r < 6; b++) {
      while (r < 6 && rank[r] < before + count[b]) {
        bucket[r] = b;
        offset[r] = rank[r] - before;
        r++;
      }
      before += count[b];
    }
    // The values of the buckets wanted (at most six), gathered in one pass and sorted.
    int[] slot = new int[BUCKETS];
    Arrays.fill(slot, -1);
    double[][] held = new double[6][];
    int slots = 0;
    for (int j = 0; j < 6; j++) {
      if (slot[bucket[j]] < 0) {
        slot[bucket[j]] = slots;
        held[slots++] = new double[count[bucket[j]]];
      }
    }
    int[] fill = new int[slots];
    for (int i = 0; i < n; i++) {
      int s = slot[(int) ((a[i] - min) * scale)];
      if (s >= 0) {
        held[s][fill[s]++] = a[i];
      }
    }
    for (int s = 0; s < slots; s++) {
      Arrays.sort(held[s]);
    }
    double[] at = new double[6];
    for (int j = 0; j < 6; j++) {
      at[j] = held[slot[bucket[j]]][(int) offset[j]];
    }
    double[] f = new double[5];
    f[0] = min;
    f[4] = max;
    for (int q = 0; q < 3; q++) {
      double h = (n - 1) * p[q];
      double lo = at[2 * q];
      f[q + 1] = lo + (h - Math.floor(h)) * (at[2 * q + 1] - lo);
    }
    return f;
  }
}
