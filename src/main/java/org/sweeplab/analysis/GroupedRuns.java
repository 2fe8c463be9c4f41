package org.sweeplab.analysis;

import it.unimi.dsi.fastutil.doubles.DoubleArrayList;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import java.util.ArrayList;
import java.util.List;

/**
 * One pass over the runs into per-group accumulators: run counts, ok counts, metric values of ok runs (with their
 * seeds, for pairing), NaN counts and cost. Internal; shared by the statistics, the ranking and the cost analysis.
 */
final class GroupedRuns {
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
  final boolean seedsUniqueWithinGroups;

  private GroupedRuns(Runs runs, List<String> by, String metric, NaNPolicy policy) {
    this.runs = runs;
    this.metric = metric;
    this.grouping = Grouping.of(runs, by);
    int k = grouping.size();
    total = new long[k];
    ok = new long[k];
    nan = new long[k];
    values = new MetricAccumulator[k];
    seeds = new ArrayList<>(k);
    costSum = new double[k];
    costCount = new long[k];
    double[] costComp = new double[k];
    for (int g = 0; g < k; g++) {
      values[g] = MetricAccumulator.create();
      seeds.add(new LongArrayList());
    }
    boolean[] isOk = runs.ok();
    double[] m = metric == null ? null : runs.numeric(metric);
    long[] seed = runs.seedColumn() == null ? null : runs.longs(runs.seedColumn());
    double[] cost = runs.costColumn() == null ? null : runs.numeric(runs.costColumn());
    for (int i = 0; i < isOk.length; i++) {
      int g = grouping.groupOf(i);
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
      double v = m[i];
      if (Double.isNaN(v)) {
        nan[g]++;
        if (policy == NaNPolicy.ERROR) {
          throw AnalysisException.of("Metric '%s' is NaN or empty in ok run at row %d of table %s (group %s);"
              + " NaN policy is ERROR", metric, i + 1, runs.name(), grouping.label(g));
        }
        if (policy == NaNPolicy.EXCLUDE) {
          continue;
        }
      }
      values[g].accept(v);
      seeds.get(g).add(seed == null ? Long.MIN_VALUE : seed[i]);
    }
    seedsUniqueWithinGroups = seed != null && uniqueSeeds();
  }

  static GroupedRuns of(Runs runs, List<String> by, String metric, NaNPolicy policy) {
    return new GroupedRuns(runs, by, metric, policy);
  }

  int size() {
    return grouping.size();
  }

  /**
   * @return the metric values of groups a and b for the seeds both hold, matched by seed: {a values, b values}
   */
  double[][] matched(int a, int b) {
    it.unimi.dsi.fastutil.longs.Long2DoubleOpenHashMap bySeed = new it.unimi.dsi.fastutil.longs.Long2DoubleOpenHashMap();
    double[] vb = values[b].values();
    LongArrayList sb = seeds.get(b);
    for (int i = 0; i < vb.length; i++) {
      bySeed.put(sb.getLong(i), vb[i]);
    }
    double[] va = values[a].values();
    LongArrayList sa = seeds.get(a);
    DoubleArrayList xa = new DoubleArrayList();
    DoubleArrayList xb = new DoubleArrayList();
    for (int i = 0; i < va.length; i++) {
      long s = sa.getLong(i);
      if (s != Long.MIN_VALUE && bySeed.containsKey(s)) {
        xa.add(va[i]);
        xb.add(bySeed.get(s));
      }
    }
    return new double[][] {xa.toDoubleArray(), xb.toDoubleArray()};
  }

  private boolean uniqueSeeds() {
    for (LongArrayList s : seeds) {
      it.unimi.dsi.fastutil.longs.LongOpenHashSet set = new it.unimi.dsi.fastutil.longs.LongOpenHashSet(s);
      if (set.size() != s.size() || set.contains(Long.MIN_VALUE)) {
        return false;
      }
    }
    return true;
  }
}
