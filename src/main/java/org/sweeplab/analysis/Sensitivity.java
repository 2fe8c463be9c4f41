package org.sweeplab.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.sweeplab.results.DesignLayout;

/**
 * Global sensitivity analysis of a sweep run with a {@code saltelli} or {@code morris} design:
 * Sobol indices (first order, total, optionally second order) or Morris's screening measures, each
 * with a seeded percentile bootstrap interval. Immutable and configured:
 *
 * <pre>{@code
 * DesignLayout layout = RunPlan.of(spec).layout().orElseThrow();   // or SensitivityDesigns.layout(folder)
 * SobolResult s = Sensitivity.sobol(Runs.read(folder), "y", layout);
 * Sensitivity.withDefaults().withResamples(2000).withFailedRuns(FailedRunPolicy.SUCCESS_INDICATOR)
 *     .sobol(runs, "y", layout).toTable();
 * }</pre>
 *
 * <p>The layout says which variation each cell of the design ran as; the runs give each variation's
 * value, the mean of the metric over its ok runs. A cell without value (every run failed, NaN, or
 * not run) is handled by the {@link FailedRunPolicy}, never passed on as NaN. Intervals resample
 * whole base rows (Saltelli) or trajectories (Morris) with replacement: the percentile interval at
 * the confidence level from {@code resamples} resamples drawn from a {@link SplittableRandom}
 * seeded with the seed, so the same input gives the same intervals. A QMC sample is more even than
 * the independent rows the bootstrap assumes, so its intervals are, if anything, wide.
 *
 * <p>Convergence: the Sobol indices are estimated again on the first N/8, N/4 and N/2 complete base
 * rows (the Saltelli sample's rows come in Sobol-sequence order, so a prefix is a smaller sample of
 * the same design). A warning names every S1 or ST whose interval at the full size straddles 0 or
 * is wider than the tolerance.
 */
public final class Sensitivity {
  private static final Sensitivity DEFAULT =
      new Sensitivity(1000, 0.95, 1L, FailedRunPolicy.DROP_INCOMPLETE_BLOCKS, 0.1);

  private final int resamples;
  private final double confidence;
  private final long seed;
  private final FailedRunPolicy failedRuns;
  private final double tolerance;

  private Sensitivity(
      int resamples, double confidence, long seed, FailedRunPolicy failedRuns, double tolerance) {
    this.resamples = resamples;
    this.confidence = confidence;
    this.seed = seed;
    this.failedRuns = failedRuns;
    this.tolerance = tolerance;
  }

  /**
   * @return 1000 resamples, 95% intervals, seed 1, {@link FailedRunPolicy#DROP_INCOMPLETE_BLOCKS},
   *     interval width tolerance 0.1
   */
  public static Sensitivity withDefaults() {
    return DEFAULT;
  }

  /**
   * The Sobol indices of a metric with every default; see {@link #sobol(Runs, String,
   * DesignLayout)}.
   */
  public static SobolResult sobol(Runs runs, String metric, DesignLayout layout) {
    return DEFAULT.sobolIndices(runs, metric, layout);
  }

  /** The Morris measures of a metric with every default; see {@link #morrisMeasures}. */
  public static MorrisResult morris(Runs runs, String metric, DesignLayout layout) {
    return DEFAULT.morrisMeasures(runs, metric, layout);
  }

  /**
   * @throws AnalysisException if resamples is below 100
   */
  public Sensitivity withResamples(int n) {
    if (n < 100) {
      throw AnalysisException.of(
          "Bootstrap resamples %d < 100; percentile intervals need at least 100", n);
    }
    return new Sensitivity(n, confidence, seed, failedRuns, tolerance);
  }

  /**
   * @throws AnalysisException if the level is outside (0, 1)
   */
  public Sensitivity withConfidence(double level) {
    if (!(level > 0 && level < 1)) {
      throw AnalysisException.of(
          "Confidence %s is outside (0, 1); use e.g. 0.95",
          String.format(Locale.ROOT, "%s", level));
    }
    return new Sensitivity(resamples, level, seed, failedRuns, tolerance);
  }

  /**
   * @param s the seed of the bootstrap
   */
  public Sensitivity withSeed(long s) {
    return new Sensitivity(resamples, confidence, s, failedRuns, tolerance);
  }

  public Sensitivity withFailedRuns(FailedRunPolicy policy) {
    return new Sensitivity(
        resamples, confidence, seed, java.util.Objects.requireNonNull(policy, "policy"), tolerance);
  }

  /**
   * @param width the widest interval of an S1 or ST that passes without a warning
   * @throws AnalysisException if width is not positive
   */
  public Sensitivity withTolerance(double width) {
    if (!(width > 0)) {
      throw AnalysisException.of(
          "Tolerance %s is not positive; use e.g. 0.1", String.format(Locale.ROOT, "%s", width));
    }
    return new Sensitivity(resamples, confidence, seed, failedRuns, width);
  }

  public FailedRunPolicy failedRuns() {
    return failedRuns;
  }

  public double confidence() {
    return confidence;
  }

  /**
   * The Sobol indices of a metric (see {@link SobolEstimator} for the estimators and their
   * sources).
   *
   * @param runs the runs of a sweep with a saltelli design
   * @param metric the metric; null for the first
   * @param layout the design's layout
   * @throws AnalysisException if the layout is not a Saltelli one, runs do not belong to it, fewer
   *     than 2 base rows are complete, or a cell has no value under {@link FailedRunPolicy#FAIL}
   */
  public SobolResult sobolIndices(Runs runs, String metric, DesignLayout layout) {
    if (layout.kind() != DesignLayout.Kind.SALTELLI) {
      throw AnalysisException.of(
          "Sobol indices need a saltelli design; this sweep's design is %s (use Morris"
              + " measures)",
          layout.kind().name().toLowerCase(Locale.ROOT));
    }
    String m = failedRuns == FailedRunPolicy.SUCCESS_INDICATOR ? "success" : runs.metric(metric);
    SensitivityCells cells = SensitivityCells.of(runs, metric, layout, failedRuns);
    List<String> factors = layout.factors();
    SobolEstimator estimator =
        new SobolEstimator(cells.values(), factors.size(), layout.hasSecondOrder());
    int[] rows = cells.complete();
    List<SobolResult.Step> steps = new ArrayList<>();
    for (int divisor : new int[] {8, 4, 2}) {
      int n = rows.length / divisor;
      if (n >= 2 && (steps.isEmpty() || steps.get(steps.size() - 1).rows() < n)) {
        steps.add(
            new SobolResult.Step(
                n, sobolStep(estimator, java.util.Arrays.copyOf(rows, n), factors)));
      }
    }
    List<SobolResult.Index> full = sobolStep(estimator, rows, factors);
    steps.add(new SobolResult.Step(rows.length, full));
    List<String> warnings = new ArrayList<>();
    if (cells.dropped() > 0) {
      warnings.add(dropped(cells.dropped(), layout.rows(), "base rows", m));
    }
    for (SobolResult.Index i : full) {
      if (i.kind() == SobolResult.Kind.S2) {
        continue;
      }
      if (Double.isNaN(i.estimate())) {
        warnings.add(
            String.format(
                Locale.ROOT, "%s is undefined: %s does not vary over the sample.", i.label(), m));
      } else if (i.straddlesZero()) {
        warnings.add(
            String.format(
                Locale.ROOT,
                "%s: the interval [%.4f, %.4f] straddles 0, so it cannot be told"
                    + " from 0 at N = %d (a negative estimate is noise around 0).",
                i.label(),
                i.low(),
                i.high(),
                rows.length));
      }
      if (i.width() > tolerance) {
        warnings.add(
            String.format(
                Locale.ROOT,
                "%s: the interval is %.4f wide, more than the tolerance %s; about"
                    + " %d base rows would be needed.",
                i.label(),
                i.width(),
                tolerance,
                (long) Math.ceil(rows.length * Math.pow(i.width() / tolerance, 2))));
      }
    }
    return new SobolResult(
        m, failedRuns, layout.rows(), cells.dropped(), confidence, full, steps, warnings);
  }

  private List<SobolResult.Index> sobolStep(
      SobolEstimator estimator, int[] rows, List<String> factors) {
    double[] point = estimator.estimate(rows);
    double[][] boot = new double[point.length][resamples];
    SplittableRandom rng = new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * rows.length));
    int[] sample = new int[rows.length];
    for (int b = 0; b < resamples; b++) {
      for (int i = 0; i < sample.length; i++) {
        sample[i] = rows[rng.nextInt(rows.length)];
      }
      double[] e = estimator.estimate(sample);
      for (int j = 0; j < e.length; j++) {
        boot[j][b] = e[j];
      }
    }
    int k = factors.size();
    List<SobolResult.Index> out = new ArrayList<>();
    for (int j = 0; j < point.length; j++) {
      String p;
      String other = "";
      SobolResult.Kind kind;
      if (j < 2 * k) {
        p = factors.get(j % k);
        kind = j < k ? SobolResult.Kind.S1 : SobolResult.Kind.ST;
      } else {
        int[] pair = pair(j - 2 * k, k);
        p = factors.get(pair[0]);
        other = factors.get(pair[1]);
        kind = SobolResult.Kind.S2;
      }
      double[] ci = percentiles(boot[j]);
      out.add(new SobolResult.Index(p, other, kind, point[j], ci[0], ci[1]));
    }
    // S1 of every factor, then ST of every factor, then S2: the order of the estimator.
    return out;
  }

  /** The pair (i, j), i &lt; j, at position {@code at} of the row-major upper triangle. */
  private static int[] pair(int at, int k) {
    for (int i = 0; i < k; i++) {
      int inRow = k - 1 - i;
      if (at < inRow) {
        return new int[] {i, i + 1 + at};
      }
      at -= inRow;
    }
    throw new IllegalStateException("no pair at " + at);
  }

  private double[] percentiles(double[] stats) {
    for (double s : stats) {
      if (Double.isNaN(s)) {
        return new double[] {Double.NaN, Double.NaN};
      }
    }
    MetricAccumulator a = MetricAccumulator.of(stats);
    return new double[] {a.quantile((1 - confidence) / 2), a.quantile((1 + confidence) / 2)};
  }

  /**
   * Morris's screening measures of a metric: per factor, the elementary effects {@code (y(x + Δ
   * e_i) - y(x)) / Δ} with Δ the signed step in the unit (quantile) scale (Morris 1991,
   * Technometrics 33:161), their mean μ, mean absolute value μ* (Campolongo, Cariboni &amp;
   * Saltelli 2007, Environ. Model. Softw. 22:1509) and standard deviation σ (divisor n - 1, as
   * SALib).
   *
   * @param runs the runs of a sweep with a morris design
   * @param metric the metric; null for the first
   * @param layout the design's layout
   * @throws AnalysisException as {@link #sobolIndices}
   */
  public MorrisResult morrisMeasures(Runs runs, String metric, DesignLayout layout) {
    if (layout.kind() != DesignLayout.Kind.MORRIS) {
      throw AnalysisException.of(
          "Morris measures need a morris design; this sweep's design is %s (use Sobol"
              + " indices)",
          layout.kind().name().toLowerCase(Locale.ROOT));
    }
    String m = failedRuns == FailedRunPolicy.SUCCESS_INDICATOR ? "success" : runs.metric(metric);
    SensitivityCells cells = SensitivityCells.of(runs, metric, layout, failedRuns);
    List<String> factors = layout.factors();
    int k = factors.size();
    int[] kept = cells.complete();
    double[][] effects = new double[k][kept.length];
    for (int n = 0; n < kept.length; n++) {
      int t = kept[n];
      double[] y = cells.values()[t];
      for (int s = 0; s < k; s++) {
        effects[layout.stepFactor()[t * k + s]][n] =
            (y[s + 1] - y[s]) / layout.stepDelta()[t * k + s];
      }
    }
    SplittableRandom rng = new SplittableRandom(seed);
    double[][][] boot = new double[k][3][resamples];
    int[] sample = new int[kept.length];
    for (int b = 0; b < resamples; b++) {
      for (int i = 0; i < sample.length; i++) {
        sample[i] = rng.nextInt(kept.length);
      }
      for (int f = 0; f < k; f++) {
        double[] stats = measures(effects[f], sample);
        for (int q = 0; q < 3; q++) {
          boot[f][q][b] = stats[q];
        }
      }
    }
    int[] all = new int[kept.length];
    for (int i = 0; i < all.length; i++) {
      all[i] = i;
    }
    List<MorrisResult.Row> rows = new ArrayList<>();
    for (int f = 0; f < k; f++) {
      double[] est = measures(effects[f], all);
      double[][] ci = new double[3][];
      for (int q = 0; q < 3; q++) {
        ci[q] = kept.length < 2 ? new double[] {Double.NaN, Double.NaN} : percentiles(boot[f][q]);
      }
      rows.add(
          new MorrisResult.Row(
              factors.get(f),
              kept.length,
              est[0],
              ci[0][0],
              ci[0][1],
              est[1],
              ci[1][0],
              ci[1][1],
              est[2],
              ci[2][0],
              ci[2][1]));
    }
    List<String> warnings = new ArrayList<>();
    if (cells.dropped() > 0) {
      warnings.add(dropped(cells.dropped(), layout.rows(), "trajectories", m));
    }
    return new MorrisResult(
        m, failedRuns, layout.rows(), cells.dropped(), confidence, rows, warnings);
  }

  /** μ, μ*, σ of the effects at these positions. */
  private static double[] measures(double[] effects, int[] at) {
    double sum = 0;
    double abs = 0;
    for (int i : at) {
      sum += effects[i];
      abs += Math.abs(effects[i]);
    }
    double mean = sum / at.length;
    double ss = 0;
    for (int i : at) {
      ss += (effects[i] - mean) * (effects[i] - mean);
    }
    return new double[] {
      mean, abs / at.length, at.length < 2 ? Double.NaN : Math.sqrt(ss / (at.length - 1))
    };
  }

  private String dropped(int n, int of, String unit, String metric) {
    return String.format(
        Locale.ROOT,
        "%d of %d %s have a cell without a value of %s (failed, NaN or not run) and"
            + " were dropped (policy %s); the indices describe the runs that succeeded.",
        n,
        of,
        unit,
        metric,
        failedRuns.name().toLowerCase(Locale.ROOT));
  }
}
