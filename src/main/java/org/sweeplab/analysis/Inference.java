package org.sweeplab.analysis;

import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.special.Gamma;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.apache.commons.statistics.distribution.FDistribution;
import org.apache.commons.statistics.inference.ChiSquareTest;
import org.apache.commons.statistics.inference.FisherExactTest;
import org.apache.commons.statistics.inference.MannWhitneyUTest;
import org.apache.commons.statistics.inference.PValueMethod;
import org.apache.commons.statistics.inference.TTest;
import org.apache.commons.statistics.inference.WilcoxonSignedRankTest;

/**
 * Hypothesis tests and effect sizes. Internal; the configured analyses call these. Two-sample
 * p-values come from Commons Statistics 1.1 (Welch and paired t, Mann-Whitney U and Wilcoxon
 * signed-rank with their default exact or asymptotic p-value choice); ANOVA, Kruskal-Wallis and the
 * effect sizes are computed here from their definitions.
 *
 * <p>Precision: the parametric statistics are computed on values centred on a value of the data, so
 * a large common offset (values near 1e9 that differ in the last digits) costs no digits of the
 * difference, t, d or F. Ranks: -0.0 and 0.0 are one value. Wilcoxon signed-rank drops zero
 * differences, as R's {@code wilcox.test} does.
 */
final class Inference {
  private Inference() {}

  /**
   * The result of a test over k groups, with its effect size: eta squared (one-way ANOVA), epsilon
   * squared (Kruskal-Wallis), partial eta squared (ANOVA blocked by seed) or Kendall's W
   * (Friedman).
   */
  record Overall(
      String test, double statistic, double df1, double df2, double pValue, double effect) {
    /**
     * @return the name of the effect size
     */
    String effectKind() {
      return switch (test) {
        case "one_way_anova" -> "eta_squared";
        case "kruskal_wallis" -> "epsilon_squared";
        case "anova_blocked_by_seed" -> "partial_eta_squared";
        case "friedman" -> "kendalls_w";
        default -> "";
      };
    }
  }

  /** The result of comparing two proportions. */
  record Proportions(String test, double statistic, double pValue) {}

  static TwoSampleResult unpaired(double[] a, double[] b, TestKind kind, double level) {
    double ma = MetricAccumulator.of(a).mean();
    double mb = MetricAccumulator.of(b).mean();
    // Centred on a value of the data, so the difference, t and d keep full precision under a large
    // offset.
    double[] ca = centred(a, reference(a, b));
    double[] cb = centred(b, reference(a, b));
    MetricAccumulator sa = MetricAccumulator.of(ca);
    MetricAccumulator sb = MetricAccumulator.of(cb);
    double va = sa.variance();
    double vb = sb.variance();
    double se2 = va / a.length + vb / b.length;
    double df =
        se2 * se2 / (sq(va / a.length) / (a.length - 1) + sq(vb / b.length) / (b.length - 1));
    double h = Intervals.t(level, df) * Math.sqrt(se2);
    double diff = sa.mean() - sb.mean();
    double stat;
    double p;
    if (kind == TestKind.PARAMETRIC) {
      if (a.length < 2 || b.length < 2) {
        stat = Double.NaN;
        p = Double.NaN;
      } else if (se2 == 0) {
        stat = diff == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, diff);
        p = diff == 0 ? 1 : 0;
      } else {
        TTest.Result r = TTest.withDefaults().test(ca, cb);
        stat = r.getStatistic();
        p = r.getPValue();
      }
      double pooled =
          Math.sqrt(((a.length - 1) * va + (b.length - 1) * vb) / (a.length + b.length - 2));
      double d = pooled == 0 ? effectOfZeroSpread(diff) : diff / pooled;
      return new TwoSampleResult(
          "welch_t",
          a.length,
          b.length,
          ma,
          mb,
          diff,
          diff - h,
          diff + h,
          stat,
          p,
          "cohens_d",
          d,
          d * hedgesCorrection(a.length + b.length - 2.0));
    }
    if (a.length == 0 || b.length == 0) {
      stat = Double.NaN;
      p = Double.NaN;
    } else if (allEqual(a, b)) {
      stat = a.length * (double) b.length / 2;
      p = 1;
    } else {
      MannWhitneyUTest.Result r =
          MannWhitneyUTest.withDefaults().test(positiveZero(a), positiveZero(b));
      stat = r.getStatistic();
      p = r.getPValue();
    }
    return new TwoSampleResult(
        "mann_whitney_u",
        a.length,
        b.length,
        ma,
        mb,
        diff,
        diff - h,
        diff + h,
        stat,
        p,
        "cliffs_delta",
        cliffsDelta(a, b));
  }

  /** a and b are matched: a[i] and b[i] share a seed. */
  static TwoSampleResult paired(double[] a, double[] b, TestKind kind, double level) {
    int n = a.length;
    double[] d = new double[n];
    for (int i = 0; i < n; i++) {
      d[i] = a[i] - b[i];
    }
    MetricAccumulator sd = MetricAccumulator.of(d);
    double md = sd.mean();
    double[] ci = Intervals.meanT(md, sd.standardDeviation(), n, level);
    double ma = MetricAccumulator.of(a).mean();
    double mb = MetricAccumulator.of(b).mean();
    double stat;
    double p;
    boolean zeroSpread = n >= 2 && sd.variance() == 0;
    if (kind == TestKind.PARAMETRIC) {
      if (n < 2) {
        stat = Double.NaN;
        p = Double.NaN;
      } else if (zeroSpread) {
        stat = md == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, md);
        p = md == 0 ? 1 : 0;
      } else {
        TTest.Result r = TTest.withDefaults().pairedTest(a, b);
        stat = r.getStatistic();
        p = r.getPValue();
      }
      double dz = zeroSpread ? effectOfZeroSpread(md) : md / sd.standardDeviation();
      return new TwoSampleResult(
          "paired_t",
          n,
          n,
          ma,
          mb,
          md,
          ci[0],
          ci[1],
          stat,
          p,
          "cohens_d",
          dz,
          dz * hedgesCorrection(n - 1.0));
    }
    if (n == 0) {
      stat = Double.NaN;
      p = Double.NaN;
    } else if (Arrays.stream(d).allMatch(x -> x == 0)) {
      stat = 0;
      p = 1;
    } else {
      // As R's wilcox.test: zero differences are dropped (not Pratt's method), and with zeros
      // dropped the p-value is
      // the normal approximation with continuity correction (ties and n >= 50 too, as the library
      // decides).
      double[] nonZero = Arrays.stream(d).filter(x -> x != 0).toArray();
      WilcoxonSignedRankTest test = WilcoxonSignedRankTest.withDefaults();
      if (nonZero.length < n) {
        test = test.with(PValueMethod.ASYMPTOTIC);
      }
      WilcoxonSignedRankTest.Result r = test.test(nonZero);
      stat = r.getStatistic();
      p = r.getPValue();
    }
    return new TwoSampleResult(
        "wilcoxon_signed_rank",
        n,
        n,
        ma,
        mb,
        md,
        ci[0],
        ci[1],
        stat,
        p,
        "cliffs_delta",
        cliffsDelta(a, b));
  }

  /**
   * Cliff's delta, {@code (#(a > b) - #(a < b)) / (n_a n_b)} over all pairs (Cliff, 1993), in O(n
   * log n).
   *
   * @return a value in [-1, 1]; NaN when either sample is empty
   */
  static double cliffsDelta(double[] a, double[] b) {
    if (a.length == 0 || b.length == 0) {
      return Double.NaN;
    }
    double[] s = b.clone();
    Arrays.sort(s);
    long greater = 0;
    long less = 0;
    for (double x : a) {
      greater += lowerBound(s, x);
      less += s.length - upperBound(s, x);
    }
    return (greater - less) / ((double) a.length * b.length);
  }

  /**
   * One-way ANOVA: {@code F = (SSB / (k - 1)) / (SSW / (N - k))}, p from F(k - 1, N - k); effect
   * eta squared {@code SSB / SST}. Groups with no values are left out.
   */
  static Overall anova(List<double[]> groups) {
    List<double[]> g = groups.stream().filter(x -> x.length > 0).toList();
    int k = g.size();
    long n = g.stream().mapToLong(x -> x.length).sum();
    // The centre from the groups' own (exact) means, and the grand mean of the centred values in
    // one pass: no array of all values, which at ten million values cost several hundred MB here.
    double c = 0;
    for (double[] x : g) {
      c += MetricAccumulator.wrap(x).mean() * ((double) x.length / n);
    }
    double residual = 0;
    for (double[] x : g) {
      for (double v : x) {
        residual += v - c;
      }
    }
    long[] counts = new long[k];
    double[] means = new double[k];
    double[] ss = new double[k];
    for (int i = 0; i < k; i++) {
      double[] x = g.get(i);
      MetricAccumulator m = MetricAccumulator.of(centred(x, c));
      counts[i] = x.length;
      means[i] = m.mean();
      ss[i] = x.length > 1 ? m.variance() * (x.length - 1) : 0;
    }
    return anova(counts, means, ss, residual / n);
  }

  /**
   * The one-way ANOVA of {@link #anova(List)} from the levels' moments, computed without a copy of
   * the values. Levels with no values are left out.
   */
  static Overall anova(LevelMoments m) {
    return anova(m.n, m.centredMean, m.ss, m.grandCentred);
  }

  /**
   * @param n per group, its count (groups of 0 are left out)
   * @param mean per group, the mean of its centred values
   * @param ss per group, the sum of squared deviations from its mean
   * @param grand the mean of all centred values
   */
  private static Overall anova(long[] n, double[] mean, double[] ss, double grand) {
    int k = 0;
    long total = 0;
    for (long c : n) {
      k += c > 0 ? 1 : 0;
      total += c;
    }
    if (k < 2 || total <= k) {
      return new Overall("one_way_anova", Double.NaN, k - 1, total - k, Double.NaN, Double.NaN);
    }
    double ssb = 0;
    double ssw = 0;
    for (int i = 0; i < n.length; i++) {
      if (n[i] > 0) {
        ssb += n[i] * sq(mean[i] - grand);
        ssw += ss[i];
      }
    }
    double f = (ssb / (k - 1)) / (ssw / (total - k));
    double p =
        ssw == 0
            ? (ssb == 0 ? Double.NaN : 0)
            : FDistribution.of(k - 1, total - k).survivalProbability(f);
    double sst = ssb + ssw;
    return new Overall("one_way_anova", f, k - 1, total - k, p, sst == 0 ? Double.NaN : ssb / sst);
  }

  /**
   * Kruskal-Wallis H with the tie correction {@code 1 - sum(t^3 - t) / (N^3 - N)}, p from
   * chi-square(k - 1); effect epsilon squared {@code H / (N - 1)} (Tomczak and Tomczak, 2014).
   */
  static Overall kruskalWallis(List<double[]> groups) {
    List<double[]> g = groups.stream().filter(x -> x.length > 0).toList();
    int k = g.size();
    int n = g.stream().mapToInt(x -> x.length).sum();
    if (k < 2) {
      return new Overall("kruskal_wallis", Double.NaN, k - 1, Double.NaN, Double.NaN, Double.NaN);
    }
    double[] all = g.stream().flatMapToDouble(Arrays::stream).toArray();
    double[] sorted = all.clone();
    Arrays.sort(sorted);
    double ties = 0;
    for (int i = 0; i < n; ) {
      int j = upperBound(sorted, sorted[i]);
      double t = j - i;
      ties += t * t * t - t;
      i = j;
    }
    double h = 0;
    for (double[] x : g) {
      double r = 0;
      for (double v : x) {
        r += (lowerBound(sorted, v) + upperBound(sorted, v) + 1) / 2.0;
      }
      h += r * r / x.length;
    }
    h = 12.0 / (n * (n + 1.0)) * h - 3.0 * (n + 1);
    double c = 1 - ties / ((double) n * n * n - n);
    if (c == 0) {
      return new Overall("kruskal_wallis", Double.NaN, k - 1, Double.NaN, Double.NaN, Double.NaN);
    }
    h /= c;
    double p = ChiSquaredDistribution.of(k - 1).survivalProbability(h);
    return new Overall("kruskal_wallis", h, k - 1, Double.NaN, p, h / (n - 1));
  }

  /**
   * Compares two success rates from a 2x2 table {@code {{okA, failA}, {okB, failB}}}: Fisher's
   * exact test when the smallest expected count is below 5 or the total is at most 2000, otherwise
   * Pearson's chi-square without continuity correction.
   */
  static Proportions proportions(long okA, long failA, long okB, long failB) {
    long n = okA + failA + okB + failB;
    long rowA = okA + failA;
    long rowB = okB + failB;
    long colOk = okA + okB;
    long colFail = failA + failB;
    if (rowA == 0 || rowB == 0 || colOk == 0 || colFail == 0) {
      return new Proportions(n <= 2000 ? "fisher_exact" : "chi_square", Double.NaN, 1);
    }
    double minExpected =
        Math.min(
                Math.min(rowA * (double) colOk, rowA * (double) colFail),
                Math.min(rowB * (double) colOk, rowB * (double) colFail))
            / n;
    if (minExpected < 5 || n <= 2000) {
      var r =
          FisherExactTest.withDefaults()
              .test(new int[][] {{(int) okA, (int) failA}, {(int) okB, (int) failB}});
      return new Proportions("fisher_exact", r.getStatistic(), r.getPValue());
    }
    var r = ChiSquareTest.withDefaults().test(new long[][] {{okA, failA}, {okB, failB}});
    return new Proportions("chi_square", r.getStatistic(), r.getPValue());
  }

  /**
   * @return the mean of a minus the mean of b, computed on centred values so it keeps full
   *     precision
   */
  static double meanDifference(double[] a, double[] b) {
    double c = reference(a, b);
    return MetricAccumulator.of(centred(a, c)).mean() - MetricAccumulator.of(centred(b, c)).mean();
  }

  /**
   * @return a value of the data to centre on: the first finite value of a, else of b, else 0
   */
  static double reference(double[] a, double[] b) {
    for (double[] x : new double[][] {a, b}) {
      for (double v : x) {
        if (Double.isFinite(v)) {
          return v;
        }
      }
    }
    return 0;
  }

  /**
   * @return {@code x - c} for every value. For values close to c the subtraction is exact
   *     (Sterbenz), so statistics of the centred values lose nothing to the offset c.
   */
  static double[] centred(double[] x, double c) {
    double[] y = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      y[i] = x[i] - c;
    }
    return y;
  }

  /**
   * Hedges' small-sample correction of Cohen's d, {@code J(df) = Γ(df/2) / (sqrt(df/2)
   * Γ((df-1)/2))} (Hedges, 1981), about {@code 1 - 3 / (4 df - 1)}.
   *
   * @return J, in (0, 1); NaN when df < 2
   */
  static double hedgesCorrection(double df) {
    if (!(df >= 2)) {
      return Double.NaN;
    }
    return Math.exp(Gamma.logGamma(df / 2) - 0.5 * Math.log(df / 2) - Gamma.logGamma((df - 1) / 2));
  }

  static double sq(double x) {
    return x * x;
  }

  private static double effectOfZeroSpread(double diff) {
    return diff == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, diff);
  }

  /**
   * @return a copy with -0.0 replaced by 0.0, so ranks treat them as one value (a tie), as R does
   */
  static double[] positiveZero(double[] x) {
    double[] y = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      y[i] = x[i] + 0.0;
    }
    return y;
  }

  private static boolean allEqual(double[] a, double[] b) {
    double v = a[0];
    return Arrays.stream(a).allMatch(x -> x == v) && Arrays.stream(b).allMatch(x -> x == v);
  }

  /**
   * @return the number of elements of sorted s strictly below x
   */
  static int lowerBound(double[] s, double x) {
    int lo = 0;
    int hi = s.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (s[mid] < x) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /**
   * @return the number of elements of sorted s at most x
   */
  static int upperBound(double[] s, double x) {
    int lo = 0;
    int hi = s.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (s[mid] <= x) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
