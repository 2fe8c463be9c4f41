package org.sweeplab.analysis;

import it.unimi.dsi.fastutil.doubles.DoubleArrayList;
import java.util.Arrays;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * Could selection alone explain why the ok runs of a parameter's levels differ, when the levels
 * also fail at different rates? Internal; {@link MainEffects} calls it.
 *
 * <p>The hypothesis of pure selection: within each stratum (one combination of the levels of the
 * other parameters), every level of the parameter has the same distribution of the metric before
 * failures, and a level that fails a fraction f of its runs loses exactly its lowest (or, in the
 * other direction, its highest) fraction f. The common distribution is estimated from the reference
 * level, the one that fails least overall: in a stratum where it fails f0 and keeps m ok runs,
 * those are the top (bottom) {@code 1 - f0} of the common distribution, so under the hypothesis the
 * ok runs of a level failing f there are distributed as the top (bottom) {@code round(q m)}, {@code
 * q = (1 - f) / (1 - f0)}, of the reference's ok runs (all of them where the level fails less than
 * the reference, q capped at 1). No normal model is assumed, and the survivors' truncated spread is
 * never used as a bound. For each other level, the differences between its ok runs' mean and the
 * implied mean are combined over the strata where both have at least two ok runs, weighted by its
 * ok runs there, and tested with a Welch-Satterthwaite t (exactly Welch's test with one stratum);
 * the p-values are Holm-adjusted over the levels. Selection explains the differences when, in one
 * of the two directions, no level differs from its implied selection (every adjusted p at least
 * alpha). When no level can be tested, selection is not ruled out.
 *
 * <p>Limitation: the test compares means. A real shift of the size that selection would also
 * produce is reported as possible selection, never as an effect; only a difference beyond what
 * selection can produce is called an effect.
 */
final class Survivorship {
  private Survivorship() {}

  /** Which runs the hypothesis of pure selection removes. */
  enum Direction {
    LOWEST,
    HIGHEST
  }

  /**
   * @param explains whether selection alone could produce the level means
   * @param direction the direction in which it could (the one with the larger smallest adjusted p),
   *     or null when no level could be tested
   * @param reference the index of the level that fails least, or -1
   * @param minAdjustedP the smallest Holm-adjusted p over the levels in that direction; NaN when
   *     none was tested
   */
  record Verdict(boolean explains, Direction direction, int reference, double minAdjustedP) {}

  /**
   * @param level the level of the parameter of each row, in [0, levels)
   * @param stratum the stratum of each row (a combination of the other parameters' levels), in [0,
   *     strata)
   * @param ok whether each run is ok
   * @param use whether each row's metric enters (ok and not NaN)
   * @param metric the metric
   * @param alpha the significance level
   */
  static Verdict test(
      int[] level,
      int levels,
      int[] stratum,
      int strata,
      boolean[] ok,
      boolean[] use,
      double[] metric,
      double alpha) {
    long[][] runs = new long[strata][levels];
    long[][] failed = new long[strata][levels];
    DoubleArrayList[][] values = new DoubleArrayList[strata][levels];
    long[] allRuns = new long[levels];
    long[] allFailed = new long[levels];
    long[] allUsed = new long[levels];
    for (int i = 0; i < ok.length; i++) {
      int s = stratum[i];
      int v = level[i];
      runs[s][v]++;
      allRuns[v]++;
      if (!ok[i]) {
        failed[s][v]++;
        allFailed[v]++;
      }
      if (use[i]) {
        if (values[s][v] == null) {
          values[s][v] = new DoubleArrayList();
        }
        values[s][v].add(metric[i]);
        allUsed[v]++;
      }
    }
    int ref = -1;
    for (int v = 0; v < levels; v++) {
      if (allUsed[v] >= 2
          && (ref < 0
              || (double) allFailed[v] / allRuns[v] < (double) allFailed[ref] / allRuns[ref])) {
        ref = v;
      }
    }
    if (ref < 0) {
      return new Verdict(true, null, -1, Double.NaN);
    }
    double[][] sortedRef = new double[strata][];
    for (int s = 0; s < strata; s++) {
      if (values[s][ref] != null) {
        sortedRef[s] = values[s][ref].toDoubleArray();
        Arrays.sort(sortedRef[s]);
      }
    }
    Verdict best = null;
    for (Direction d : Direction.values()) {
      double[] p = new double[levels];
      Arrays.fill(p, Double.NaN);
      for (int v = 0; v < levels; v++) {
        if (v != ref) {
          p[v] = levelP(d, v, ref, runs, failed, values, sortedRef);
        }
      }
      double[] adj = Intervals.holm(p);
      double min = Arrays.stream(adj).filter(x -> !Double.isNaN(x)).min().orElse(Double.NaN);
      Verdict x =
          new Verdict(Double.isNaN(min) || min >= alpha, Double.isNaN(min) ? null : d, ref, min);
      if (best == null
          || x.minAdjustedP() > best.minAdjustedP()
          || Double.isNaN(x.minAdjustedP())) {
        best = x;
      }
    }
    return best;
  }

  /**
   * @return the p-value of level v against its implied selection in direction d; NaN when no
   *     stratum is usable
   */
  private static double levelP(
      Direction d,
      int v,
      int ref,
      long[][] runs,
      long[][] failed,
      DoubleArrayList[][] values,
      double[][] sortedRef) {
    double sumD = 0;
    double weight = 0;
    double var = 0;
    double dfDenominator = 0;
    for (int s = 0; s < runs.length; s++) {
      double[] r = sortedRef[s];
      if (r == null || r.length < 2 || values[s][v] == null || values[s][v].size() < 2) {
        continue;
      }
      int m = r.length;
      double f0 = (double) failed[s][ref] / runs[s][ref];
      double f = (double) failed[s][v] / runs[s][v];
      int take = (int) Math.max(2, Math.min(m, Math.round((1 - f) / (1 - f0) * m)));
      double[] implied =
          d == Direction.LOWEST
              ? Arrays.copyOfRange(r, m - take, m)
              : Arrays.copyOfRange(r, 0, take);
      double[] x = values[s][v].toDoubleArray();
      int n = x.length;
      double diff = Inference.meanDifference(x, implied);
      double a = MetricAccumulator.of(x).variance() / n;
      double b = MetricAccumulator.of(implied).variance() / take;
      sumD += n * diff;
      weight += n;
      var += (double) n * n * (a + b);
      dfDenominator += Math.pow(n, 4) * (a * a / (n - 1) + b * b / (take - 1));
    }
    if (weight == 0) {
      return Double.NaN;
    }
    double mean = sumD / weight;
    if (var == 0) {
      return mean == 0 ? 1 : 0;
    }
    double t = mean / (Math.sqrt(var) / weight);
    double df = var * var / dfDenominator;
    return 2 * TDistribution.of(df).survivalProbability(Math.abs(t));
  }
}
