package org.sweeplab.analysis;

import it.unimi.dsi.fastutil.longs.LongArrayList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Ranks groups by the mean of a metric over ok runs, and says which of them are distinguishable
 * from the best. Immutable and configured: {@code
 * Ranking.withDefaults().withDirection(Direction.LOWER_IS_BETTER)}.
 *
 * <p>Each group is tested against the best (Welch's t or Mann-Whitney U; paired t or Wilcoxon
 * signed-rank when runs are paired by seed), the p-values are Holm-adjusted over those comparisons,
 * and a group is distinguishable from the best when its adjusted p-value is below {@code 1 -
 * confidence}. Rank groups: the best and every group not distinguishable from it form group 1; the
 * best remaining group leads group 2 with the remaining groups not distinguishable from it (tests
 * against the leader, Holm-adjusted within that step), and so on.
 */
public final class Ranking {
  private static final Ranking DEFAULT =
      new Ranking(
          Direction.HIGHER_IS_BETTER,
          TestKind.PARAMETRIC,
          Pairing.AUTO,
          0.95,
          0.8,
          NaNPolicy.EXCLUDE);

  private final Direction direction;
  private final TestKind kind;
  private final Pairing pairing;
  private final double confidence;
  private final double power;
  private final NaNPolicy nanPolicy;

  private Ranking(
      Direction direction,
      TestKind kind,
      Pairing pairing,
      double confidence,
      double power,
      NaNPolicy nanPolicy) {
    this.direction = direction;
    this.kind = kind;
    this.pairing = pairing;
    this.confidence = confidence;
    this.power = power;
    this.nanPolicy = nanPolicy;
  }

  /**
   * @return higher is better, parametric tests, automatic pairing, 95% confidence, 80% power for
   *     the advice
   */
  public static Ranking withDefaults() {
    return DEFAULT;
  }

  public Ranking withDirection(Direction d) {
    return new Ranking(d, kind, pairing, confidence, power, nanPolicy);
  }

  public Ranking withTestKind(TestKind k) {
    return new Ranking(direction, k, pairing, confidence, power, nanPolicy);
  }

  public Ranking withPairing(Pairing p) {
    return new Ranking(direction, kind, p, confidence, power, nanPolicy);
  }

  /**
   * @param level confidence level; the significance threshold is {@code 1 - level}
   */
  public Ranking withConfidence(double level) {
    return new Ranking(
        direction, kind, pairing, VariationStatistics.checkLevel(level), power, nanPolicy);
  }

  /**
   * @param p the power the replicate advice aims for, in (0, 1)
   */
  public Ranking withPower(double p) {
    if (!(p > 0 && p < 1)) {
      throw AnalysisException.of("Power %s is outside (0, 1)", p);
    }
    return new Ranking(direction, kind, pairing, confidence, p, nanPolicy);
  }

  public Ranking withNaNPolicy(NaNPolicy p) {
    return new Ranking(direction, kind, pairing, confidence, power, p);
  }

  public Direction direction() {
    return direction;
  }

  /**
   * @param runs the runs, grouped by their group columns
   * @param metric the metric column, or null for the first metric
   * @return the ranking
   * @throws AnalysisException if a column is missing, or pairing is forced without a seed column
   */
  public RankingResult rank(Runs runs, String metric) {
    if (pairing == Pairing.PAIRED && runs.seedColumn() == null) {
      throw AnalysisException.of(
          "Pairing PAIRED needs a seed column, but table %s has none; name it with withSeed",
          runs.name());
    }
    return rank(GroupedRuns.of(runs, runs.requireGroups(), runs.metric(metric), nanPolicy));
  }

  RankingResult rank(GroupedRuns g) {
    int k = g.size();
    double alpha = 1 - confidence;
    int sign = direction.sign();
    // Best mean first, then more values, then first appearance; groups without values (mean NaN,
    // count 0) last.
    double[] byMean = new double[k];
    double[] byCount = new double[k];
    for (int i = 0; i < k; i++) {
      byMean[i] = -sign * g.values[i].mean();
      byCount[i] = -g.values[i].count();
    }
    int[] o = Order.ascending(byMean, byCount);
    int ranked = (int) Arrays.stream(o).filter(i -> g.values[i].count() > 0).count();
    TwoSampleResult[] vsBest = new TwoSampleResult[k];
    // When the comparisons may be paired, the overall test blocked by seed starts beside the paired
    // tests: at ten million values it takes about as long as they do, and the ranking ended on it
    // alone. Kept only if the pairing rule holds.
    long values = 0;
    for (MetricAccumulator m : g.values) {
      values += m.count();
    }
    java.util.concurrent.CompletableFuture<RankingResult.Overall> blocked =
        ranked > 1 && values >= SPECULATE_ABOVE && mayPair(g)
            ? Parallel.async(() -> overall(g, o, ranked, true))
            : null;
    boolean paired = ranked > 1 && pairedTests(g, o, ranked, vsBest);
    double[] p = new double[ranked];
    Arrays.fill(p, Double.NaN);
    for (int r = 1; r < ranked; r++) {
      if (!paired) {
        vsBest[o[r]] = compare(g, o[r], o[0], false);
      }
      p[r] = vsBest[o[r]].pValue();
    }
    double[] holm = Intervals.holm(p);
    int[] rankGroup = rankGroups(g, o, ranked, paired, alpha);

    List<ResultTableColumn> keys = g.grouping.keys(o);
    List<String> groups = g.grouping.columns();
    String effectKind = kind == TestKind.PARAMETRIC ? "cohens_d" : "cliffs_delta";
    List<RankingResult.Entry> rows = new ArrayList<>(k);
    for (int r = 0; r < k; r++) {
      int i = o[r];
      MetricAccumulator m = g.values[i];
      double[] ci = Intervals.meanT(m.mean(), m.standardDeviation(), m.count(), confidence);
      TwoSampleResult c = vsBest[i];
      List<String> key = Grouping.keyText(keys, r);
      rows.add(
          new RankingResult.Entry(
              r < ranked ? r + 1 : 0,
              label(groups, key),
              key,
              m.count(),
              m.mean(),
              ci[0],
              ci[1],
              m.standardDeviation(),
              m.median(),
              r == 0 ? 0 : c == null ? Double.NaN : c.difference(),
              c == null ? "" : c.test(),
              r < ranked && r > 0 ? p[r] : Double.NaN,
              r < ranked && r > 0 ? holm[r] : Double.NaN,
              r > 0 && r < ranked && holm[r] < alpha,
              effectKind,
              r == 0 ? 0 : c == null ? Double.NaN : c.effectSize(),
              kind != TestKind.PARAMETRIC
                  ? Double.NaN
                  : r == 0 ? 0 : c == null ? Double.NaN : c.hedgesG(),
              r < ranked && rankGroup[r] > 0 ? rankGroup[r] : 0));
    }
    return new RankingResult(
        g.metric,
        groups,
        keys,
        rows,
        paired && blocked != null ? Parallel.join(blocked) : overall(g, o, ranked, paired),
        paired,
        advice(g, o, ranked, holm, paired, alpha),
        alpha);
  }

  /** The label of a group: its value for one group column, {@code a=1, b=x} for several. */
  private static String label(List<String> groups, List<String> key) {
    if (groups.size() == 1) {
      return key.get(0);
    }
    StringBuilder b = new StringBuilder();
    for (int j = 0; j < groups.size(); j++) {
      b.append(j > 0 ? ", " : "").append(groups.get(j)).append('=').append(key.get(j));
    }
    return b.toString();
  }

  /**
   * Decides the pairing and, when it is paired, runs the paired tests with the best into vsBest:
   * under {@link Pairing#AUTO} each group's pairs are matched once, for the rule and for its test
   * (the rule alone walked every group's seeds a second time); the tests already run are dropped
   * when a later group fails the rule.
   *
   * @return whether the comparisons are paired (vsBest then holds them)
   */
  private boolean pairedTests(GroupedRuns g, int[] order, int ranked, TwoSampleResult[] vsBest) {
    if (pairing == Pairing.UNPAIRED || g.runs.seedColumn() == null) {
      return false;
    }
    boolean rule = pairing == Pairing.AUTO;
    if (rule && !g.seedsUniqueWithinGroups()) {
      return false;
    }
    for (int r = 1; r < ranked; r++) {
      double[][] m = g.matched(order[r], order[0]);
      long own = g.values[order[r]].count();
      if (rule && own >= 2 && !coversHalf(m[0].length, own)) {
        return false;
      }
      vsBest[order[r]] = Inference.paired(m[0], m[1], kind, confidence);
    }
    return true;
  }

  /** Below this many values the blocked overall test is not worth a thread of its own. */
  private static final long SPECULATE_ABOVE = 1 << 18;

  /** Whether the comparisons can be paired: a seed column, and under AUTO unique seeds. */
  private boolean mayPair(GroupedRuns g) {
    return pairing != Pairing.UNPAIRED
        && g.runs.seedColumn() != null
        && (pairing == Pairing.PAIRED || g.seedsUniqueWithinGroups());
  }

  /**
   * The pairing rule of {@link Pairing#AUTO} for one compared group: it shares at least two seeds,
   * and they cover at least half of its own ok runs, so a paired test leaves out at most half of
   * them.
   */
  static boolean coversHalf(long shared, long own) {
    return shared >= 2 && 2 * shared >= own;
  }

  private TwoSampleResult compare(GroupedRuns g, int a, int b, boolean paired) {
    if (paired) {
      double[][] m = g.matched(a, b);
      return Inference.paired(m[0], m[1], kind, confidence);
    }
    return Inference.unpaired(g.values[a].values(), g.values[b].values(), kind, confidence);
  }

  private int[] rankGroups(
      GroupedRuns g, int[] order, int allRanked, boolean paired, double alpha) {
    // Each rank group tests its lead against every group below it: quadratic in the groups, so only
    // the first
    // RANK_GROUP_RANKS ranks get one (the family of each lead's tests is those ranks).
    int ranked = Math.min(allRanked, RANK_GROUP_RANKS);
    int[] group = new int[allRanked];
    int next = 1;
    for (int lead = 0; lead < ranked; lead++) {
      if (group[lead] != 0) {
        continue;
      }
      group[lead] = next;
      List<Integer> rest = new ArrayList<>();
      for (int r = lead + 1; r < ranked; r++) {
        if (group[r] == 0) {
          rest.add(r);
        }
      }
      double[] p = new double[rest.size()];
      for (int j = 0; j < p.length; j++) {
        p[j] = compare(g, order[rest.get(j)], order[lead], paired).pValue();
      }
      double[] adj = Intervals.holm(p);
      for (int j = 0; j < p.length; j++) {
        if (!(adj[j] < alpha)) {
          group[rest.get(j)] = next;
        }
      }
      next++;
    }
    return group;
  }

  private RankingResult.Overall overall(GroupedRuns g, int[] o, int ranked, boolean paired) {
    List<double[]> samples = new ArrayList<>();
    List<long[]> seeds = new ArrayList<>();
    for (int r = 0; r < ranked; r++) {
      // Views, not copies: the tests only read them, and copies of 10M values would double the
      // memory here.
      samples.add(g.values[o[r]].exact());
      LongArrayList s = g.seeds.get(o[r]);
      seeds.add(s.elements().length == s.size() ? s.elements() : s.toLongArray());
    }
    Inference.Overall res;
    if (paired && kind == TestKind.PARAMETRIC) {
      res = BlockedTests.anova(samples, seeds);
    } else if (paired) {
      res = BlockedTests.friedman(samples, seeds);
    } else {
      res =
          kind == TestKind.PARAMETRIC ? Inference.anova(samples) : Inference.kruskalWallis(samples);
    }
    return new RankingResult.Overall(
        g.metric,
        res.test(),
        res.statistic(),
        res.df1(),
        res.df2(),
        res.pValue(),
        res.effectKind(),
        res.effect());
  }

  /**
   * The replicates needed per group to separate the best from the runner-up: {@code n = (z(1 - a/2)
   * + z(power))^2 (s1^2 + s2^2) / delta^2} (unpaired) or {@code (z + z)^2 s_d^2 / delta^2}
   * (paired), with the observed spread and difference, and a Bonferroni-adjusted a over the
   * comparisons with the best.
   */
  private String advice(
      GroupedRuns g, int[] o, int ranked, double[] holm, boolean paired, double alpha) {
    if (ranked < 2 || holm[1] < alpha) {
      return "";
    }
    int best = o[0];
    int second = o[1];
    double a = alpha / (ranked - 1);
    double z = Intervals.z(1 - a) + Intervals.z(2 * power - 1);
    double delta;
    double var;
    if (paired) {
      double[][] m = g.matched(best, second);
      double[] d = new double[m[0].length];
      for (int i = 0; i < d.length; i++) {
        d[i] = m[0][i] - m[1][i];
      }
      MetricAccumulator acc = MetricAccumulator.of(d);
      delta = Math.abs(acc.mean());
      var = acc.variance();
    } else {
      delta =
          Math.abs(Inference.meanDifference(g.values[best].values(), g.values[second].values()));
      var = g.values[best].variance() + g.values[second].variance();
    }
    String head =
        String.format(
            Locale.ROOT,
            "The best (%s) and the runner-up (%s) cannot be told apart at %s",
            g.grouping.label(best),
            g.grouping.label(second),
            alpha(alpha));
    if (!(delta > 0) || Double.isNaN(var)) {
      return head
          + ": their observed difference is zero or their spread is unknown, so no number of replicates"
          + " can be estimated from these runs.";
    }
    long need = (long) Math.ceil(z * z * var / (delta * delta));
    return String.format(
        Locale.ROOT,
        "%s. To detect their observed difference of %s (%s) with %d%% power at"
            + " %s (Bonferroni over %d comparisons), about %d ok runs per variation are needed; the best has %d.",
        head,
        fmt(delta),
        paired
            ? "paired by seed, sd of differences " + fmt(Math.sqrt(var))
            : "sd "
                + fmt(g.values[best].standardDeviation())
                + " and "
                + fmt(g.values[second].standardDeviation()),
        Math.round(power * 100),
        alpha(a),
        ranked - 1,
        need,
        g.values[best].count());
  }

  /**
   * @return "α = 0.05": the significance level to 4 significant digits, without trailing zeros
   */
  static String alpha(double a) {
    if (!Double.isFinite(a)) {
      return "α = " + a;
    }
    return "α = "
        + new java.math.BigDecimal(String.format(Locale.ROOT, "%.4g", a))
            .stripTrailingZeros()
            .toPlainString();
  }

  /** Rank groups are given to the first this many ranks; below them rank_group is missing. */
  static final int RANK_GROUP_RANKS = 500;

  /** A number to four significant digits, as {@code %.4g} writes it ({@link FourDigits}). */
  static String fmt(double x) {
    return FourDigits.format(x);
  }
}
