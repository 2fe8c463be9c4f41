package org.sweeplab.analysis;

import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apache.commons.statistics.inference.ChiSquareTest;

/**
 * Main effects of each parameter on a metric over ok runs (one-way ANOVA per parameter: eta
 * squared, F, p, the level means; p Holm-adjusted over parameters), the strongest two-way
 * interactions, and the survivorship check.
 *
 * <p>A parameter has a metric difference when its adjusted p is below alpha and eta squared is at
 * least 0.01. When its levels also differ in failure rate (chi-square p, Holm-adjusted over the
 * parameters, below alpha, and rates at least 10 points apart), the ok runs of each level are a
 * different selection, and {@link Survivorship} asks whether failing only the lowest (or highest)
 * runs of one common distribution would produce the level means: verdict {@code possible_selection}
 * with a survivorship warning if it would, else {@code effect_beyond_selection} with a caution.
 * Otherwise {@code effect}, or {@code no_effect} without a metric difference. Interactions: {@link
 * Interactions}. Internal.
 */
final class MainEffects {
  private MainEffects() {}

  record Result(
      MainEffectsResult effects, InteractionsResult interactions, List<String> warnings) {}

  /**
   * @param status the runs' status codes, for the status breakdown of each level; null without a
   *     status column
   */
  static Result detect(
      List<Levels> levels,
      boolean[] ok,
      RunColumn.Codes status,
      double[] metric,
      String metricName,
      double alpha,
      int keepInteractions) {
    int n = ok.length;
    boolean[] use = new boolean[n];
    for (int i = 0; i < n; i++) {
      use[i] = ok[i] && !Double.isNaN(metric[i]);
    }
    int k = levels.size();
    Inference.Overall[] res = new Inference.Overall[k];
    String[] means = new String[k];
    double[] selectionP = new double[k];
    double[] rateSpread = new double[k];
    Survivorship.Verdict[] selection = new Survivorship.Verdict[k];
    List<MainEffectsResult.Level> levelRows = new ArrayList<>();
    int[] stratum = null; // only where a verdict needs it: 40 MB at ten million rows
    for (int a = 0; a < k; a++) {
      Levels l = levels.get(a);
      long[][] counts = new long[l.size()][2];
      int statuses = status == null ? 0 : status.size();
      long[][] byStatus = new long[l.size()][statuses];
      int[][] firstRow = new int[l.size()][statuses];
      for (int i = 0; i < n; i++) {
        int v = l.levelOfRow[i];
        if (ok[i]) {
          counts[v][0]++;
        } else {
          counts[v][1]++;
          if (statuses > 0 && byStatus[v][status.ofRow()[i]]++ == 0) {
            firstRow[v][status.ofRow()[i]] = i;
          }
        }
      }
      LevelMoments moments = LevelMoments.of(l.levelOfRow, l.size(), use, metric);
      res[a] = Inference.anova(moments);
      for (int v : ascending(l)) {
        long values = moments.n[v];
        double sd = values > 1 ? Math.sqrt(moments.ss[v] / (values - 1)) : Double.NaN;
        double[] ci = Intervals.meanT(moments.mean[v], sd, values, 1 - alpha);
        levelRows.add(
            new MainEffectsResult.Level(
                l.parameter,
                l.values.get(v),
                counts[v][0] + counts[v][1],
                counts[v][0],
                values,
                moments.mean[v],
                ci[0],
                ci[1],
                notOk(byStatus[v], firstRow[v], status)));
      }
      StringBuilder b = new StringBuilder();
      double lo = 1;
      double hi = 0;
      for (int v = 0; v < l.size(); v++) {
        b.append(v > 0 ? "; " : "")
            .append(l.labels.get(v))
            .append(": ")
            .append(Ranking.fmt(moments.mean[v]));
        double rate = (double) counts[v][1] / (counts[v][0] + counts[v][1]);
        lo = Math.min(lo, rate);
        hi = Math.max(hi, rate);
      }
      means[a] = b.toString();
      rateSpread[a] = hi - lo;
      boolean varies =
          l.size() > 1
              && java.util.Arrays.stream(counts).allMatch(c -> c[0] + c[1] > 0)
              && java.util.Arrays.stream(counts).mapToLong(c -> c[1]).sum() > 0
              && java.util.Arrays.stream(counts).mapToLong(c -> c[0]).sum() > 0;
      selectionP[a] = varies ? ChiSquareTest.withDefaults().test(counts).getPValue() : Double.NaN;
    }
    double[] p = new double[k];
    for (int a = 0; a < k; a++) {
      p[a] = res[a].pValue();
    }
    double[] adj = Intervals.holm(p);
    double[] ratesAdj = Intervals.holm(selectionP);
    long rateTests = java.util.Arrays.stream(selectionP).filter(x -> !Double.isNaN(x)).count();
    List<String> warnings = new ArrayList<>();
    List<MainEffectsResult.Row> rows = new ArrayList<>(k);
    Integer[] order = new Integer[k];
    for (int a = 0; a < k; a++) {
      order[a] = a;
    }
    java.util.Arrays.sort(
        order,
        Comparator.comparingDouble(a -> Double.isNaN(res[a].effect()) ? 1 : -res[a].effect()));
    for (int a : order) {
      boolean effect = adj[a] < alpha && res[a].effect() >= 0.01;
      boolean rates = ratesAdj[a] < alpha && rateSpread[a] >= 0.1;
      if (effect && rates) {
        // Only where it decides the verdict: the test of pure selection, by strata of the other
        // parameters.
        stratum = stratum == null ? new int[n] : stratum;
        int strata = strata(levels, a, stratum);
        Levels l = levels.get(a);
        selection[a] =
            Survivorship.test(l.levelOfRow, l.size(), stratum, strata, ok, use, metric, alpha);
      }
      boolean selected = effect && rates && selection[a].explains();
      MainEffectsResult.Verdict v =
          selected
              ? MainEffectsResult.Verdict.POSSIBLE_SELECTION
              : effect && rates
                  ? MainEffectsResult.Verdict.EFFECT_BEYOND_SELECTION
                  : effect ? MainEffectsResult.Verdict.EFFECT : MainEffectsResult.Verdict.NO_EFFECT;
      if (effect && rates && !selected) {
        warnings.add(
            String.format(
                Locale.ROOT,
                "Caution: the levels of %s fail at different rates (spread %.0f"
                    + " points); part of its effect on %s (eta² %.3f) may be selection, though not all of it: pure selection"
                    + " from the distribution of %s, which fails least, would give other level means (Holm p = %s).",
                levels.get(a).parameter,
                100 * rateSpread[a],
                metricName,
                res[a].effect(),
                levels.get(a).labels.get(selection[a].reference()),
                Ranking.fmt(selection[a].minAdjustedP())));
      }
      if (selected) {
        warnings.add(
            String.format(
                Locale.ROOT,
                "Survivorship: %s of ok runs differs across the levels of %s (eta²"
                    + " %.3f), but those levels also fail at very different rates (spread %.0f points, chi-square p = %s,"
                    + " Holm-adjusted over %d parameters). Failing only the %s runs of one common distribution (that of %s,"
                    + " which fails least) would produce these level means, so the difference may come from which runs"
                    + " survive rather than from %s itself.",
                metricName,
                levels.get(a).parameter,
                res[a].effect(),
                100 * rateSpread[a],
                Ranking.fmt(ratesAdj[a]),
                rateTests,
                selection[a].direction() == null
                    ? "lowest or highest"
                    : selection[a].direction().name().toLowerCase(Locale.ROOT),
                selection[a].reference() < 0
                    ? "any level"
                    : levels.get(a).labels.get(selection[a].reference()),
                levels.get(a).parameter));
      }
      rows.add(
          new MainEffectsResult.Row(
              levels.get(a).parameter,
              res[a].effect(),
              res[a].statistic(),
              p[a],
              adj[a],
              rateSpread[a],
              ratesAdj[a],
              v,
              means[a]));
    }
    return new Result(
        new MainEffectsResult(metricName, rows, levelRows),
        Interactions.detect(levels, use, metric, metricName, keepInteractions),
        warnings);
  }

  /**
   * @return the runs not ok by status (an empty status as {@code unknown}), in order of their first
   *     run
   */
  private static java.util.Map<String, Long> notOk(
      long[] byStatus, int[] firstRow, RunColumn.Codes status) {
    double[] first = new double[firstRow.length];
    for (int s = 0; s < first.length; s++) {
      first[s] = firstRow[s];
    }
    java.util.Map<String, Long> out = new java.util.LinkedHashMap<>();
    for (int s : Order.ascending(first)) {
      if (byStatus[s] > 0) {
        String label = status.labels()[s];
        out.merge(label.isEmpty() ? "unknown" : label, byStatus[s], Long::sum);
      }
    }
    return out;
  }

  /** The levels of a parameter, by number when each is one number, else in their own order. */
  private static int[] ascending(Levels l) {
    return Order.ascending(l.numbers != null ? l.numbers : new double[l.size()]);
  }

  /**
   * @param out the stratum of each row: its combination of the levels of every parameter but {@code
   *     except}
   * @return the number of strata
   */
  private static int strata(List<Levels> levels, int except, int[] out) {
    Long2IntOpenHashMap index = new Long2IntOpenHashMap();
    index.defaultReturnValue(-1);
    long[] radix = new long[levels.size()];
    long span = 1;
    for (int b = 0; b < levels.size(); b++) {
      if (b == except) {
        continue;
      }
      radix[b] = span;
      try {
        span = Math.multiplyExact(span, levels.get(b).size());
      } catch (ArithmeticException e) {
        throw AnalysisException.of(
            "Too many combinations of parameter levels to stratify by (over 2^63)");
      }
    }
    for (int i = 0; i < out.length; i++) {
      long key = 0;
      for (int b = 0; b < levels.size(); b++) {
        key += radix[b] * levels.get(b).levelOfRow[i];
      }
      int id = index.get(key);
      if (id < 0) {
        id = index.size();
        index.put(key, id);
      }
      out[i] = id;
    }
    return index.size();
  }
}
