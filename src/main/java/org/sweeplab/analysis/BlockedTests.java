package org.sweeplab.analysis;

import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.apache.commons.statistics.distribution.FDistribution;

/**
 * The overall test across k groups when runs are paired by seed (common random numbers): the seed
 * is a block, as the pairwise comparisons treat it. Internal; {@link Ranking} calls it when its
 * comparisons are paired.
 *
 * <ul>
 *   <li>{@link #anova}: the two-way ANOVA {@code y ~ seed + group} without interaction, F of the
 *       group adjusted for the seed, as R's {@code anova(lm(y ~ seed + group))} (the same as {@code
 *       y ~ group + seed} when every group holds every seed). Incomplete blocks are allowed ({@link
 *       TwoWayAnova}). Effect: partial eta squared {@code SS_group / (SS_group + SS_residual)}.
 *   <li>{@link #friedman}: Friedman's rank test over the complete blocks (the seeds every group
 *       holds), ranks within a block averaged over ties, with R's tie correction; p from
 *       chi-square(k - 1). Effect: Kendall's W = {@code Q / (b (k - 1))}. With fewer than two
 *       complete blocks it falls back to Kruskal-Wallis, named so in the result.
 * </ul>
 */
final class BlockedTests {
  private BlockedTests() {}

  /**
   * @param samples the values of each group
   * @param seeds the seed of each value, each seed at most once per group
   */
  static Inference.Overall anova(List<double[]> samples, List<long[]> seeds) {
    int k = samples.size();
    int n = samples.stream().mapToInt(x -> x.length).sum();
    Long2IntOpenHashMap block = new Long2IntOpenHashMap();
    block.defaultReturnValue(-1);
    int[] blockOf = new int[n];
    int[] groupOf = new int[n];
    double[] y = new double[n];
    // The seed of each block: groups of common random numbers list their seeds in the same order,
    // so the block after the last one found is tried before the hash map.
    it.unimi.dsi.fastutil.longs.LongArrayList seedOfBlock =
        new it.unimi.dsi.fastutil.longs.LongArrayList();
    int i = 0;
    for (int g = 0; g < k; g++) {
      double[] values = samples.get(g);
      long[] seedsOfGroup = seeds.get(g);
      int last = -1;
      for (int j = 0; j < values.length; j++) {
        long s = seedsOfGroup[j];
        // A run without a seed is a block of its own: it adds nothing to the comparison of the
        // groups. Blocks are numbered in order of first appearance (get, then put: a lambda per
        // value cost a fifth of this test at nine million values).
        int id = -1;
        if (s != Long.MIN_VALUE) {
          if (last + 1 < seedOfBlock.size() && seedOfBlock.getLong(last + 1) == s) {
            id = last + 1;
          } else {
            id = block.get(s);
            if (id < 0) {
              id = block.size();
              block.put(s, id);
              seedOfBlock.add(s);
            }
          }
          last = id;
        }
        blockOf[i] = id;
        groupOf[i] = g;
        y[i++] = values[j];
      }
    }
    int b0 = block.size();
    for (int x = 0; x < n; x++) {
      if (blockOf[x] < 0) {
        blockOf[x] = b0++;
      }
    }
    double ssGroup;
    double ssRes;
    double df1;
    double df2;
    int b = b0;
    if (complete(groupOf, blockOf, k, b)) {
      // Every group holds every seed once: the closed form of the randomised complete block design.
      double[] ss = completeBlocks(groupOf, blockOf, k, b, y);
      ssGroup = ss[0];
      ssRes = ss[1];
      df1 = k - 1;
      df2 = (k - 1.0) * (b - 1.0);
    } else {
      // Each group holds each seed at most once (a seedless run is a block of its own): one value
      // per cell.
      TwoWayAnova t = TwoWayAnova.fitOnePerCell(blockOf, b, groupOf, k, y);
      ssGroup = Math.max(0, t.ssAdditive() - t.ssR());
      ssRes = t.ssAdditiveResidual();
      df1 = t.levelsK() - t.components();
      df2 = t.dfAdditiveResidual();
    }
    if (!(df1 > 0) || !(df2 > 0)) {
      return new Inference.Overall(
          "anova_blocked_by_seed", Double.NaN, df1, df2, Double.NaN, Double.NaN);
    }
    double f = (ssGroup / df1) / (ssRes / df2);
    double p =
        ssRes > 0
            ? FDistribution.of(df1, df2).survivalProbability(f)
            : ssGroup > 0 ? 0 : Double.NaN;
    double eta = ssGroup + ssRes == 0 ? Double.NaN : ssGroup / (ssGroup + ssRes);
    return new Inference.Overall("anova_blocked_by_seed", f, df1, df2, p, eta);
  }

  /**
   * @return whether every group holds every block exactly once
   */
  private static boolean complete(int[] groupOf, int[] blockOf, int k, int b) {
    if (groupOf.length != (long) k * b) {
      return false;
    }
    java.util.BitSet seen = new java.util.BitSet(groupOf.length);
    for (int i = 0; i < groupOf.length; i++) {
      int cell = groupOf[i] * b + blockOf[i];
      if (seen.get(cell)) {
        return false;
      }
      seen.set(cell);
    }
    return true;
  }

  /**
   * @return {SS_group, SS_residual} of a complete block design with one value per cell, on centred
   *     values
   */
  private static double[] completeBlocks(int[] groupOf, int[] blockOf, int k, int b, double[] y) {
    double centre = MetricAccumulator.of(y).mean();
    double[] sumG = new double[k];
    double[] sumB = new double[b];
    double sst = 0;
    for (int i = 0; i < y.length; i++) {
      double d = y[i] - centre;
      sumG[groupOf[i]] += d;
      sumB[blockOf[i]] += d;
      sst += d * d;
    }
    double total = 0;
    double ssG = 0;
    double ssB = 0;
    for (double x : sumG) {
      total += x;
      ssG += x * x / b;
    }
    for (double x : sumB) {
      ssB += x * x / k;
    }
    double correction = total * total / y.length;
    ssG -= correction;
    ssB -= correction;
    return new double[] {Math.max(0, ssG), Math.max(0, sst - correction - ssG - ssB)};
  }

  /**
   * @param samples the values of each group
   * @param seeds the seed of each value, each seed at most once per group
   */
  static Inference.Overall friedman(List<double[]> samples, List<long[]> seeds) {
    int k = samples.size();
    LongOpenHashSet common = new LongOpenHashSet(seeds.get(0));
    for (long[] s : seeds.subList(1, k)) {
      common.retainAll(new LongOpenHashSet(s));
    }
    common.remove(Long.MIN_VALUE);
    long[] blocks = common.toLongArray();
    Arrays.sort(blocks);
    int b = blocks.length;
    if (k < 2 || b < 2) {
      return Inference.kruskalWallis(samples);
    }
    Long2IntOpenHashMap row = new Long2IntOpenHashMap();
    row.defaultReturnValue(-1);
    for (int i = 0; i < b; i++) {
      row.put(blocks[i], i);
    }
    double[][] m = new double[b][k];
    for (int g = 0; g < k; g++) {
      for (int j = 0; j < samples.get(g).length; j++) {
        int r = row.get(seeds.get(g)[j]);
        if (r >= 0) {
          m[r][g] = samples.get(g)[j] + 0.0;
        }
      }
    }
    double[] rankSum = new double[k];
    double ties = 0;
    for (double[] x : m) {
      double[] sorted = x.clone();
      Arrays.sort(sorted);
      for (int g = 0; g < k; g++) {
        rankSum[g] +=
            (Inference.lowerBound(sorted, x[g]) + Inference.upperBound(sorted, x[g]) + 1) / 2.0;
      }
      for (int i = 0; i < k; ) {
        int j = Inference.upperBound(sorted, sorted[i]);
        double t = j - i;
        ties += t * t * t - t;
        i = j;
      }
    }
    double s = 0;
    for (double r : rankSum) {
      s += Inference.sq(r - b * (k + 1) / 2.0);
    }
    double denominator = b * k * (k + 1.0) - ties / (k - 1);
    if (denominator == 0) {
      return new Inference.Overall(
          "friedman", Double.NaN, k - 1, Double.NaN, Double.NaN, Double.NaN);
    }
    double q = 12 * s / denominator;
    double p = ChiSquaredDistribution.of(k - 1).survivalProbability(q);
    return new Inference.Overall("friedman", q, k - 1, Double.NaN, p, q / (b * (k - 1.0)));
  }
}
