package org.sweeplab.figures;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import org.sweeplab.analysis.AnalysisResult;
import org.sweeplab.analysis.CostEfficiencyResult;
import org.sweeplab.analysis.FigureLink;
import org.sweeplab.analysis.MainEffectsResult;
import org.sweeplab.analysis.MorrisResult;
import org.sweeplab.analysis.RankingResult;
import org.sweeplab.analysis.Runs;
import org.sweeplab.analysis.SensitivityResult;
import org.sweeplab.analysis.SobolResult;

/**
 * The key figures of an analysis report, written beside its report.md under {@code figures/} and
 * returned as links for {@link org.sweeplab.analysis.Analysis#withFigures}:
 *
 * <ul>
 *   <li>{@code ranking}: the best groups of the analysis's own ranking (its intervals and
 *       Holm-adjusted verdicts), at most {@link #withMaxGroups max groups} of them;
 *   <li>{@code box-PARAM}: the metric by the parameter with the largest main effect (by group when
 *       there are no parameters and few groups);
 *   <li>{@code main-effects}: every parameter with 2 to 12 levels;
 *   <li>{@code failure-rate-PARAM}: for the (at most two) parameters whose levels' failure rates
 *       differ most, when some runs are not ok;
 *   <li>{@code race} and {@code race-alive}: for raced runs, each variation's interval per round
 *       and the variations alive per round ({@link RacePlot});
 *   <li>{@code pareto}: the analysis's cost efficiency (mean cost per run against the mean metric
 *       per group) with its Pareto front, when there is a cost column with values.
 * </ul>
 *
 * Every mark comes from the analysis result: the ranking's verdicts, the cost efficiency's front,
 * and the level means and intervals of its main effects (at its confidence, {@code 1 - alpha}). A
 * figure whose data is missing (no parameter, no failure, no cost) is left out. Immutable: {@code
 * ReportFigures.withDefaults().withFormat(ExportFormat.PNG).write(result, dir)}.
 */
public final class ReportFigures {

  /** One figure to draw: its file name (without extension), its title in the report. */
  private record Job(String name, String title, Supplier<Figure> figure) {}

  /** The folder, inside the report folder, that holds the figures. */
  public static final String FOLDER = "figures";

  private static final int MAX_LEVELS = 12;

  private final FigureStyle style;
  private final ExportFormat format;
  private final int maxGroups;

  private ReportFigures(FigureStyle style, ExportFormat format, int maxGroups) {
    this.style = style;
    this.format = format;
    this.maxGroups = maxGroups;
  }

  /** SVG, the default style, at most 12 groups in the ranking and box plots. */
  public static ReportFigures withDefaults() {
    return new ReportFigures(FigureStyle.withDefaults(), ExportFormat.SVG, 12);
  }

  public ReportFigures withStyle(FigureStyle style) {
    return new ReportFigures(style, format, maxGroups);
  }

  public ReportFigures withFormat(ExportFormat format) {
    return new ReportFigures(style, format, maxGroups);
  }

  /**
   * @throws IllegalArgumentException if max is not in 2..200
   */
  public ReportFigures withMaxGroups(int max) {
    if (max < 2 || max > 200) {
      throw new IllegalArgumentException(
          String.format(Locale.ROOT, "Report figures show 2..200 groups, not %d", max));
    }
    return new ReportFigures(style, format, max);
  }

  /**
   * Writes the figures of an analysis result into {@code reportDir/figures/}.
   *
   * @return the links, paths relative to reportDir, in the order written
   * @throws java.io.UncheckedIOException if a file cannot be written
   */
  public List<FigureLink> write(AnalysisResult result, Path reportDir) {
    Runs runs = result.runs();
    String metric = result.metric();
    List<String> params = runs.parameters();
    List<Job> jobs = new ArrayList<>();

    List<RankingResult.Entry> ranked = result.ranking().entries();
    if (!ranked.isEmpty()) {
      String title =
          ranked.size() > maxGroups
              ? String.format(
                  Locale.ROOT, "Best %d of %d groups by %s", maxGroups, ranked.size(), metric)
              : "Ranking by " + metric;
      jobs.add(
          new Job(
              "ranking",
              title,
              () ->
                  RankingPlot.withDefaults()
                      .withStyle(style)
                      .withTitle(title)
                      .withMaxEntries(maxGroups)
                      .withLabels(
                          Data.parameterLabels(
                              runs,
                              ranked.stream()
                                  .limit(maxGroups)
                                  .map(RankingResult.Entry::label)
                                  .toList()))
                      .plot(result.ranking(), metric)));
    }

    if (result.race() != null && !result.race().rounds().isEmpty()) {
      RacePlot race = RacePlot.withDefaults().withStyle(style);
      jobs.add(new Job("race", "The race: intervals per round", () -> race.plot(result.race())));
      jobs.add(
          new Job(
              "race-alive",
              "The race: variations alive per round",
              () -> race.plotAlive(result.race())));
    }

    List<String> effects = byEffect(result, params, runs);
    if (!effects.isEmpty()) {
      String p = effects.get(0);
      String title = metric + " by " + p + " (largest main effect)";
      jobs.add(
          new Job(
              "box-" + p,
              title,
              () ->
                  BoxPlot.withDefaults()
                      .withStyle(style)
                      .withTitle(title)
                      .plot(runs.withGroups(p), metric)));
    } else if (params.isEmpty() && result.statistics().size() <= maxGroups) {
      String title = metric + " by " + String.join(", ", runs.groups());
      jobs.add(
          new Job(
              "box",
              title,
              () -> BoxPlot.withDefaults().withStyle(style).withTitle(title).plot(runs, metric)));
    }

    List<String> plotted = params.stream().filter(p -> levelsIn(runs, p, 2, MAX_LEVELS)).toList();
    if (!plotted.isEmpty() && result.patterns() != null) {
      MainEffectsResult mainEffects = result.patterns().mainEffects();
      jobs.add(
          new Job(
              "main-effects",
              "Main effects on " + metric,
              () -> MainEffectsPlot.withDefaults().withStyle(style).plot(mainEffects, plotted)));
    }

    if (anyNotOk(result)) {
      for (String p : bySpread(result, params, runs).stream().limit(2).toList()) {
        jobs.add(
            new Job(
                "failure-rate-" + p,
                "Runs not ok by " + p,
                () ->
                    result.patterns() != null
                            && !result.patterns().mainEffects().levels(p).isEmpty()
                        ? FailureRatePlot.withDefaults()
                            .withStyle(style)
                            .plot(result.patterns().mainEffects(), p)
                        : FailureRatePlot.withDefaults().withStyle(style).plot(runs, p)));
      }
    }

    CostEfficiencyResult cost = result.costEfficiency();
    if (cost != null
        && cost.rows().size() <= 1_000
        && cost.rows().stream()
            .anyMatch(r -> Double.isFinite(r.metricMean()) && r.totalCost() > 0)) {
      String title = "Mean " + runs.costColumn() + " per run against mean " + metric;
      jobs.add(
          new Job(
              "pareto",
              title + ", Pareto front",
              () ->
                  ParetoPlot.withDefaults()
                      .withStyle(style)
                      .withTitle(title)
                      .plot(cost, runs.costColumn())));
    }
    return FigureJobs.run(
        jobs, job -> save(job.figure().get(), reportDir, job.name(), job.title()));
  }

  /**
   * Writes the figures of a sensitivity result into {@code reportDir/figures/}: for Sobol indices
   * the indices and their convergence, for Morris measures μ* and σ against μ*.
   *
   * @return the links, paths relative to reportDir
   */
  public List<FigureLink> writeSensitivity(SensitivityResult result, Path reportDir) {
    SensitivityPlot plot = SensitivityPlot.withDefaults().withStyle(style);
    List<FigureLink> links = new ArrayList<>();
    if (result instanceof SobolResult s) {
      links.add(
          save(
              plot.indices(s), reportDir, "sensitivity-indices", "Sobol indices of " + s.metric()));
      links.add(
          save(
              plot.convergence(s),
              reportDir,
              "sensitivity-convergence",
              "Convergence of the Sobol indices of " + s.metric()));
    } else if (result instanceof MorrisResult m) {
      links.add(
          save(plot.muStar(m), reportDir, "morris-mu-star", "Morris \u03bc* of " + m.metric()));
      links.add(
          save(
              plot.muStarSigma(m),
              reportDir,
              "morris-mu-star-sigma",
              "Morris \u03c3 against \u03bc* of " + m.metric()));
    }
    return links;
  }

  private FigureLink save(Figure f, Path reportDir, String name, String title) {
    String file = safe(name) + "." + format.extension();
    f.save(reportDir.resolve(FOLDER).resolve(file), format);
    return new FigureLink(title, FOLDER + "/" + file);
  }

  /** Parameters with at most maxGroups levels, largest main effect (eta squared) first. */
  private List<String> byEffect(AnalysisResult r, List<String> params, Runs runs) {
    return ordered(r, params, runs, MainEffectsResult.Row::etaSquared, maxGroups);
  }

  /** Parameters with at most 12 levels, largest spread of failure rates first. */
  private static List<String> bySpread(AnalysisResult r, List<String> params, Runs runs) {
    return ordered(r, params, runs, MainEffectsResult.Row::failureRateSpread, MAX_LEVELS);
  }

  /**
   * The usable parameters, largest value of the main-effects field first (NaN and absent ones as
   * zero).
   */
  private static List<String> ordered(
      AnalysisResult r,
      List<String> params,
      Runs runs,
      ToDoubleFunction<MainEffectsResult.Row> field,
      int maxLevels) {
    List<String> usable = params.stream().filter(p -> levelsIn(runs, p, 2, maxLevels)).toList();
    if (r.patterns() == null) {
      return usable;
    }
    Map<String, Double> value = new HashMap<>();
    for (MainEffectsResult.Row e : r.patterns().mainEffects().rows()) {
      value.putIfAbsent(e.parameter(), field.applyAsDouble(e));
    }
    List<String> out = new ArrayList<>(usable);
    out.sort(
        Comparator.comparingDouble(
            (String p) -> {
              double v = value.getOrDefault(p, 0.0);
              return Double.isNaN(v) ? 0 : -v;
            }));
    return out;
  }

  private static boolean levelsIn(Runs runs, String column, int min, int max) {
    int n = runs.distinctValues(column);
    return n >= min && n <= max;
  }

  private static boolean anyNotOk(AnalysisResult result) {
    return result.statistics().totalOkRuns() < result.statistics().totalRuns();
  }

  private static String safe(String name) {
    return name.replaceAll("[^A-Za-z0-9._-]", "_");
  }
}
