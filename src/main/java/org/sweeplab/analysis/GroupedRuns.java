package org.sweeplab.analysis;

import it.unimi.dsi.fastutil.longs.LongArrayList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One pass over the runs into per-group accumulators: run counts, ok counts, metric values of ok
 * runs (with their seeds, for pairing), NaN counts and cost. Built with a counting sort by group,
 * so memory is a few arrays of the ok values, not an object per run. Internal; shared by the
 * statistics, the ranking and the cost analysis.
 */
final class GroupedRuns {
  /** What is kept per group beside the counts. */
  enum Keep {
    /** The metric values: enough for statistics, figures and cost efficiency. */
    VALUES,
    /** The values and their seeds, for pairing in the ranking and the blocked overall test. */
    VALUES_AND_SEEDS
  }

  final Runs runs;
  final String metric;
  final Grouping grouping;
  final long[] total;
  final long[] ok;
  final long[] nan;
  final MetricAccumulator[] values;
  final List<LongArrayList> seeds;
  final double[] costSum;
  final long[] costCount;
  private final boolean hasSeeds;

  /** Whether every group holds each seed at most once and none is missing; null until asked for. */
  private Boolean seedsUnique;

  /**
   * Per group, its seeds sorted and the values in that order, for matching pairs by a merge; built
   * on first use.
   */
  private long[][] sortedSeeds;

  private double[][] valuesBySeed;

  private GroupedRuns(Runs runs, List<String> by, String metric, NaNPolicy policy, Keep keep) {
    this.runs = runs;
    this.metric = metric;
    this.grouping = Grouping.of(runs, by);
    int k = grouping.size();
    int[] groupOf = grouping.groupOfRows();
    total = new long[k];
    ok = new long[k];
    nan = new long[k];
    costSum = new double[k];
    costCount = new long[k];
    double[] costComp = new double[k];
    boolean[] isOk = runs.ok();
    double[] m = metric == null ? null : runs.numeric(metric);
    long[] seed =
        runs.seedColumn() == null || keep == Keep.VALUES ? null : runs.longs(runs.seedColumn());
    double[] cost = runs.costColumn() == null ? null : runs.numeric(runs.costColumn());
    int[] kept = new int[k + 1];
    for (int i = 0; i < isOk.length; i++) {
      int g = groupOf[i];
      total[g]++;
      if (cost != null && !Double.isNaN(cost[i])) {
        // Kahan summation: cost totals over many runs keep their last digits.
        double y = cost[i] - costComp[g];
        double t = costSum[g] + y;
        costComp[g] = (t - costSum[g]) - y;
        costSum[g] = t;
        costCount[g]++;
      }
      if (!isOk[i]) {
        continue;
      }
      ok[g]++;
      if (m == null) {
        continue;
      }
      if (Double.isNaN(m[i])) {
        nan[g]++;
        if (policy == NaNPolicy.ERROR) {
          throw AnalysisException.of(
              "Metric '%s' is NaN or empty in ok run at row %d of table %s (group %s);"
                  + " NaN policy is ERROR",
              metric, i + 1, runs.name(), grouping.label(g));
        }
        if (policy == NaNPolicy.EXCLUDE) {
          continue;
        }
      }
      kept[g + 1]++;
    }
    for (int g = 0; g < k; g++) {
      kept[g + 1] += kept[g];
    }
    // The kept values (and their seeds) of each group, in row order, straight into arrays of their
    // exact size: no
    // intermediate array of all values, which would double the memory of this step.
    double[][] byGroup = new double[k][];
    long[][] seedsByGroup = seed == null ? null : new long[k][];
    for (int g = 0; g < k; g++) {
      byGroup[g] = new double[kept[g + 1] - kept[g]];
      if (seed != null) {
        seedsByGroup[g] = new long[kept[g + 1] - kept[g]];
      }
    }
    int[] fill = new int[k];
    if (m != null) {
      for (int i = 0; i < isOk.length; i++) {
        if (isOk[i] && !(policy == NaNPolicy.EXCLUDE && Double.isNaN(m[i]))) {
          int g = groupOf[i];
          int at = fill[g]++;
          byGroup[g][at] = m[i];
          if (seed != null) {
            seedsByGroup[g][at] = seed[i];
          }
        }
      }
    }
    values = new MetricAccumulator[k];
    seeds = new ArrayList<>(k);
    for (int g = 0; g < k; g++) {
      values[g] = MetricAccumulator.wrap(byGroup[g]);
      seeds.add(seed == null ? new LongArrayList() : LongArrayList.wrap(seedsByGroup[g]));
    }
    hasSeeds = seed != null;
  }

  /**
   * @return whether every group holds each seed at most once and no seed is missing (false without
   *     seeds)
   */
  synchronized boolean seedsUniqueWithinGroups() {
    if (seedsUnique == null) {
      boolean unique = hasSeeds;
      for (int g = 0; g < size() && unique; g++) {
        unique = distinctAndPresent(seeds.get(g).elements(), seeds.get(g).size());
      }
      seedsUnique = unique;
    }
    return seedsUnique;
  }

  /**
   * Whether the first n seeds hold no missing seed and no seed twice. Without sorting: groups of
   * common-random-number sweeps repeat their seeds within the first few hundred values (a set finds
   * that at once), and groups in row order usually hold them increasing (one scan). Sorting two
   * million seeds of a group only to find the first repeat took a tenth of a 10M-row analysis.
   */
  private static boolean distinctAndPresent(long[] s, int n) {
    boolean increasing = true;
    for (int i = 0; i < n; i++) {
      if (s[i] == Long.MIN_VALUE) {
        return false;
      }
      increasing &= i == 0 || s[i - 1] < s[i];
    }
    if (increasing) {
      return true;
    }
    it.unimi.dsi.fastutil.longs.LongOpenHashSet seen =
        new it.unimi.dsi.fastutil.longs.LongOpenHashSet();
    for (int i = 0; i < n; i++) {
      if (!seen.add(s[i])) {
        return false;
      }
    }
    return true;
  }

  private synchronized void bySeed() {
    if (sortedSeeds != null || !hasSeeds) {
      return;
    }
    int k = size();
    sortedSeeds = new long[k][];
    valuesBySeed = new double[k][];
    for (int g = 0; g < k; g++) {
      sortBySeed(g, seeds.get(g).elements(), values[g].elements());
    }
  }

  /** Sorts a group's pairs by seed (stably, so repeated seeds keep their row order). */
  private void sortBySeed(int g, long[] s, double[] v) {
    int n = s.length;
    int[] idx;
    boolean ordered = true;
    for (int i = 1; i < n && ordered; i++) {
      ordered = s[i - 1] <= s[i];
    }
    long[] ss;
    double[] vv;
    if (ordered) {
      ss = s;
      vv = v;
    } else {
      idx = new int[n];
      for (int i = 0; i < n; i++) {
        idx[i] = i;
      }
      it.unimi.dsi.fastutil.ints.IntArrays.mergeSort(idx, (a, b) -> Long.compare(s[a], s[b]));
      ss = new long[n];
      vv = new double[n];
      for (int i = 0; i < n; i++) {
        ss[i] = s[idx[i]];
        vv[i] = v[idx[i]];
      }
    }
    sortedSeeds[g] = ss;
    valuesBySeed[g] = vv;
  }

  /**
   * @return the groups with their values and seeds
   */
  static GroupedRuns of(Runs runs, List<String> by, String metric, NaNPolicy policy) {
    return new GroupedRuns(runs, by, metric, policy, Keep.VALUES_AND_SEEDS);
  }

  /**
   * @return the groups with what they keep: seeds cost as much memory as the values, and most
   *     callers need none
   */
  static GroupedRuns of(Runs runs, List<String> by, String metric, NaNPolicy policy, Keep keep) {
    return new GroupedRuns(runs, by, metric, policy, keep);
  }

  int size() {
    return grouping.size();
  }

  /**
   * @return the metric values of groups a and b for the seeds both hold, matched by seed (in seed
   *     order): {a values, b values}; when a group holds a seed more than once, its first value in
   *     seed order is used
   */
  double[][] matched(int a, int b) {
    bySeed();
    if (sortedSeeds == null || sortedSeeds[a] == null || sortedSeeds[b] == null) {
      return new double[][] {new double[0], new double[0]};
    }
    double[] xa = new double[Math.min(sortedSeeds[a].length, sortedSeeds[b].length)];
    double[] xb = new double[xa.length];
    int n = merge(a, b, xa, xb);
    return new double[][] {Arrays.copyOf(xa, n), Arrays.copyOf(xb, n)};
  }

  /**
   * Walks the seed-sorted runs of groups a and b together: for each seed both hold (a missing seed
   * never matches), the first value of each group in seed order goes to xa and xb.
   *
   * @return how many seeds both hold
   */
  private int merge(int a, int b, double[] xa, double[] xb) {
    long[] sa = sortedSeeds[a];
    long[] sb = sortedSeeds[b];
    double[] va = valuesBySeed[a];
    double[] vb = valuesBySeed[b];
    int n = 0;
    int i = 0;
    int j = 0;
    while (i < sa.length && j < sb.length) {
      long x = sa[i];
      long y = sb[j];
      if (x == Long.MIN_VALUE || x < y) {
        i++;
      } else if (x > y) {
        j++;
      } else {
        xa[n] = va[i];
        xb[n++] = vb[j];
        do {
          i++;
        } while (i < sa.length && sa[i] == x);
        do {
          j++;
        } while (j < sb.length && sb[j] == y);
      }
    }
    return n;
  }
}
