package org.sweeplab.analysis;

import it.unimi.dsi.fastutil.doubles.DoubleArrayList;
import it.unimi.dsi.fastutil.longs.Long2DoubleOpenHashMap;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * An ad hoc comparison of two subsets of runs on one metric and on their success rates. Immutable
 * and configured: {@code Comparison.withDefaults().withTestKind(TestKind.RANK).compare(runs,
 * "score", a, b)}.
 *
 * <p>The metric is compared over ok runs (NaN per the policy) with Welch's t or Mann-Whitney U,
 * paired by seed (paired t or Wilcoxon signed-rank) under {@link Pairing#PAIRED}, or under {@link
 * Pairing#AUTO} when each subset holds every seed at most once and the shared seeds (at least two)
 * cover at least half of each subset's own values (the ranking's rule, applied to both subsets
 * since neither is the reference). The success rates are compared with Fisher's exact test, or
 * Pearson's chi-square when the counts are large (see {@link #compare}).
 */
public final class Comparison {
  private static final Comparison DEFAULT =
      new Comparison(TestKind.PARAMETRIC, Pairing.AUTO, 0.95, NaNPolicy.EXCLUDE);

  private final TestKind kind;
  private final Pairing pairing;
  private final double confidence;
  private final NaNPolicy nanPolicy;

  private Comparison(TestKind kind, Pairing pairing, double confidence, NaNPolicy nanPolicy) {
    this.kind = kind;
    this.pairing = pairing;
    this.confidence = confidence;
    this.nanPolicy = nanPolicy;
  }

  /**
   * @return parametric tests, automatic pairing, 95% interval, NaN excluded
   */
  public static Comparison withDefaults() {
    return DEFAULT;
  }

  public Comparison withTestKind(TestKind k) {
    return new Comparison(k, pairing, confidence, nanPolicy);
  }

  public Comparison withPairing(Pairing p) {
    return new Comparison(kind, p, confidence, nanPolicy);
  }

  public Comparison withConfidence(double level) {
    return new Comparison(kind, pairing, VariationStatistics.checkLevel(level), nanPolicy);
  }

  public Comparison withNaNPolicy(NaNPolicy p) {
    return new Comparison(kind, pairing, confidence, p);
  }

  /**
   * The result record.
   *
   * @param a the first subset
   * @param b the second subset
   * @param metric the metric compared
   * @param runsA runs in a
   * @param okA ok runs in a
   * @param runsB runs in b
   * @param okB ok runs in b
   * @param metricTest the metric comparison, a minus b
   * @param successTest {@code fisher_exact} or {@code chi_square}
   * @param successStatistic the odds ratio (Fisher) or the chi-square statistic
   * @param successPValue the two-sided p-value of equal success rates
   */
  public record Result(
      Subset a,
      Subset b,
      String metric,
      long runsA,
      long okA,
      long runsB,
      long okB,
      TwoSampleResult metricTest,
      String successTest,
      double successStatistic,
      double successPValue) {

    /**
     * @return one row with every field, for printing and export
     */
    public Table table() {
      TwoSampleResult m = metricTest;
      Table t = Table.create("comparison of " + metric);
      t.addColumns(
          StringColumn.create("subset_a", a.toString()),
          StringColumn.create("subset_b", b.toString()),
          LongColumn.create("runs_a", runsA),
          LongColumn.create("ok_runs_a", okA),
          LongColumn.create("runs_b", runsB),
          LongColumn.create("ok_runs_b", okB),
          DoubleColumn.create("success_rate_a", rate(okA, runsA)),
          DoubleColumn.create("success_rate_b", rate(okB, runsB)),
          StringColumn.create("success_test", successTest),
          DoubleColumn.create("success_statistic", successStatistic),
          DoubleColumn.create("success_p_value", successPValue),
          StringColumn.create("test", m.test()),
          LongColumn.create("n_a", m.nA()),
          LongColumn.create("n_b", m.nB()),
          DoubleColumn.create("mean_a", m.meanA()),
          DoubleColumn.create("mean_b", m.meanB()),
          DoubleColumn.create("difference", m.difference()),
          DoubleColumn.create("ci_low", m.ciLow()),
          DoubleColumn.create("ci_high", m.ciHigh()),
          DoubleColumn.create("statistic", m.statistic()),
          DoubleColumn.create("p_value", m.pValue()),
          StringColumn.create("effect_kind", m.effectKind()),
          DoubleColumn.create("effect_size", m.effectSize()),
          DoubleColumn.create("hedges_g", m.hedgesG()));
      return t;
    }

    private static double rate(long ok, long n) {
      return n == 0 ? Double.NaN : (double) ok / n;
    }
  }

  /**
   * @param runs the runs
   * @param metric the metric, or null for the first
   * @param a the first subset
   * @param b the second subset
   * @return the comparison of a with b
   * @throws AnalysisException if a subset holds no runs, a column is missing, or pairing is forced
   *     without seeds
   */
  public Result compare(Runs runs, String metric, Subset a, Subset b) {
    String m = runs.metric(metric);
    boolean[] inA = a.rows(runs);
    boolean[] inB = b.rows(runs);
    boolean[] ok = runs.ok();
    double[] v = runs.numeric(m);
    long[] seed = runs.seedColumn() == null ? null : runs.longs(runs.seedColumn());
    if (pairing == Pairing.PAIRED && seed == null) {
      throw AnalysisException.of(
          "Pairing PAIRED needs a seed column, but table %s has none", runs.name());
    }
    long[] counts = new long[4];
    DoubleArrayList va = new DoubleArrayList();
    DoubleArrayList vb = new DoubleArrayList();
    LongArrayList sa = new LongArrayList();
    LongArrayList sb = new LongArrayList();
    for (int i = 0; i < ok.length; i++) {
      for (int side = 0; side < 2; side++) {
        if (!(side == 0 ? inA[i] : inB[i])) {
          continue;
        }
        counts[2 * side]++;
        if (!ok[i]) {
          continue;
        }
        counts[2 * side + 1]++;
        if (Double.isNaN(v[i])) {
          if (nanPolicy == NaNPolicy.ERROR) {
            throw AnalysisException.of(
                "Metric '%s' is NaN or empty in ok run at row %d of table %s; NaN policy is"
                    + " ERROR",
                m, i + 1, runs.name());
          }
          if (nanPolicy == NaNPolicy.EXCLUDE) {
            continue;
          }
        }
        (side == 0 ? va : vb).add(v[i]);
        (side == 0 ? sa : sb).add(seed == null ? Long.MIN_VALUE : seed[i]);
      }
    }
    if (counts[0] == 0 || counts[2] == 0) {
      throw AnalysisException.of(
          "Subset '%s' holds no runs of table %s", counts[0] == 0 ? a : b, runs.name());
    }
    double[][] matched = seed == null || pairing == Pairing.UNPAIRED ? null : match(va, sa, vb, sb);
    boolean paired =
        matched != null
            && (pairing == Pairing.PAIRED
                || Ranking.coversHalf(matched[0].length, va.size())
                    && Ranking.coversHalf(matched[0].length, vb.size()));
    TwoSampleResult t =
        paired
            ? Inference.paired(matched[0], matched[1], kind, confidence)
            : Inference.unpaired(va.toDoubleArray(), vb.toDoubleArray(), kind, confidence);
    Inference.Proportions pr =
        Inference.proportions(counts[1], counts[0] - counts[1], counts[3], counts[2] - counts[3]);
    return new Result(
        a,
        b,
        m,
        counts[0],
        counts[1],
        counts[2],
        counts[3],
        t,
        pr.test(),
        pr.statistic(),
        pr.pValue());
  }

  /**
   * @return matched values by seed, or null when a seed repeats within a side
   */
  private static double[][] match(
      DoubleArrayList va, LongArrayList sa, DoubleArrayList vb, LongArrayList sb) {
    Long2DoubleOpenHashMap byB = new Long2DoubleOpenHashMap();
    for (int i = 0; i < vb.size(); i++) {
      if (byB.containsKey(sb.getLong(i))) {
        return null;
      }
      byB.put(sb.getLong(i), vb.getDouble(i));
    }
    it.unimi.dsi.fastutil.longs.LongOpenHashSet seenA =
        new it.unimi.dsi.fastutil.longs.LongOpenHashSet();
    DoubleArrayList xa = new DoubleArrayList();
    DoubleArrayList xb = new DoubleArrayList();
    for (int i = 0; i < va.size(); i++) {
      long s = sa.getLong(i);
      if (!seenA.add(s)) {
        return null;
      }
      if (s != Long.MIN_VALUE && byB.containsKey(s)) {
        xa.add(va.getDouble(i));
        xb.add(byB.get(s));
      }
    }
    return new double[][] {xa.toDoubleArray(), xb.toDoubleArray()};
  }
}
