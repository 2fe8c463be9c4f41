package org.sweeplab.analysis;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The whole analysis of a sweep in one call: statistics, ranking, cost efficiency and patterns, and
 * the report. Immutable and configured:
 *
 * <pre>{@code
 * Analysis.of(Runs.read(Path.of("sweeps/tournament"))).withMetric("score").run();
 * Analysis.of(runs).withDirection(Direction.LOWER_IS_BETTER).writeReport(Path.of("out"));
 * Analysis.analyze(AnalysisOptions.of(Path.of("sweeps/tournament")));   // what the CLI calls
 * }</pre>
 */
public final class Analysis {
  private final Runs runs;
  private final String metric;
  private final Direction direction;
  private final TestKind kind;
  private final Pairing pairing;
  private final NaNPolicy nanPolicy;
  private final VariationStatistics statistics;
  private final List<FigureLink> figures;
  private final RacePolicy race;

  private Analysis(
      Runs runs,
      String metric,
      Direction direction,
      TestKind kind,
      Pairing pairing,
      NaNPolicy nanPolicy,
      VariationStatistics statistics,
      List<FigureLink> figures,
      RacePolicy race) {
    this.runs = runs;
    this.metric = metric;
    this.direction = direction;
    this.kind = kind;
    this.pairing = pairing;
    this.nanPolicy = nanPolicy;
    this.statistics = statistics;
    this.figures = List.copyOf(figures);
    this.race = race;
  }

  /**
   * @return the analysis of these runs with every default
   */
  public static Analysis of(Runs runs) {
    return new Analysis(
        runs,
        null,
        Direction.HIGHER_IS_BETTER,
        TestKind.PARAMETRIC,
        Pairing.AUTO,
        NaNPolicy.EXCLUDE,
        VariationStatistics.withDefaults(),
        List.of(),
        null);
  }

  /**
   * Reads the input, analyses it and writes the report files, as {@code analyze} does.
   *
   * @return the folder written
   */
  public static Path analyze(AnalysisOptions options) {
    return options.analysis(options.runs()).writeReport(options.outputDirectory());
  }

  public Analysis withMetric(String m) {
    return new Analysis(
        runs, runs.metric(m), direction, kind, pairing, nanPolicy, statistics, figures, race);
  }

  public Analysis withDirection(Direction d) {
    return new Analysis(runs, metric, d, kind, pairing, nanPolicy, statistics, figures, race);
  }

  public Analysis withTestKind(TestKind k) {
    return new Analysis(runs, metric, direction, k, pairing, nanPolicy, statistics, figures, race);
  }

  public Analysis withPairing(Pairing p) {
    return new Analysis(runs, metric, direction, kind, p, nanPolicy, statistics, figures, race);
  }

  public Analysis withNaNPolicy(NaNPolicy p) {
    return new Analysis(
        runs, metric, direction, kind, pairing, p, statistics.withNaNPolicy(p), figures, race);
  }

  /**
   * @param s the statistics configuration (bootstrap, confidence); its NaN policy is replaced by
   *     this one's
   */
  public Analysis withStatistics(VariationStatistics s) {
    return new Analysis(
        runs,
        metric,
        direction,
        kind,
        pairing,
        nanPolicy,
        s.withNaNPolicy(nanPolicy),
        figures,
        race);
  }

  /**
   * @param links figures to link from report.md (the figures package adds them), paths relative to
   *     the report
   */
  public Analysis withFigures(List<FigureLink> links) {
    return new Analysis(runs, metric, direction, kind, pairing, nanPolicy, statistics, links, race);
  }

  /**
   * @param policy the rule of the race the runs come from (a raced folder's {@code summary.json}
   *     records it; {@link AnalysisOptions#race()} reads it), or null: the result then has no race
   */
  public Analysis withRace(RacePolicy policy) {
    return new Analysis(
        runs, metric, direction, kind, pairing, nanPolicy, statistics, figures, policy);
  }

  /** Which data files {@link #writeData(AnalysisResult, Path, DataFiles)} writes. */
  public enum DataFiles {
    /** variation-statistics.csv and .json, ranking.csv, cost-efficiency.csv, patterns.json. */
    ALL,
    /**
     * All but variation-statistics.csv and .json, for a caller that wrote them as soon as the
     * statistics were computed ({@link #run(Consumer)}, {@link #writeStatistics}).
     */
    ALL_BUT_STATISTICS
  }

  /**
   * @return every result
   */
  public AnalysisResult run() {
    return run(s -> {});
  }

  /**
   * As {@link #run()}, handing the group statistics to {@code onStatistics} as soon as they are
   * computed, before the ranking, cost efficiency and patterns, on the calling thread: {@code
   * analyze} writes their files on another core meanwhile.
   */
  public AnalysisResult run(Consumer<VariationStatisticsResult> onStatistics) {
    String m = runs.metric(metric);
    runs.requireGroups();
    // Patterns read the runs on their own: on a second core they cost no time beside the group
    // statistics.
    java.util.concurrent.CompletableFuture<Patterns.Result> pending =
        runs.parameters().isEmpty()
            ? null
            : Parallel.async(
                () ->
                    Patterns.withDefaults().withAlpha(1 - statistics.confidence()).detect(runs, m));
    GroupedRuns g = GroupedRuns.of(runs, runs.requireGroups(), m, nanPolicy);
    VariationStatisticsResult stats = statistics.compute(g);
    onStatistics.accept(stats);
    RankingResult ranking =
        Ranking.withDefaults()
            .withDirection(direction)
            .withTestKind(kind)
            .withPairing(pairing)
            .withNaNPolicy(nanPolicy)
            .withConfidence(statistics.confidence())
            .rank(g);
    CostEfficiencyResult cost =
        runs.costColumn() == null
            ? null
            : CostEfficiency.withDefaults()
                .withDirection(direction)
                .withNaNPolicy(nanPolicy)
                .compute(g);
    Patterns.Result patterns = pending == null ? null : Parallel.join(pending);
    List<String> warnings = new ArrayList<>();
    long total = runs.rowCount();
    long ok = java.util.Arrays.stream(g.ok).sum();
    if (ok < total) {
      warnings.add(
          String.format(
              Locale.ROOT,
              "%d of %d runs are not ok; they are counted in the success rates but"
                  + " left out of every statistic of %s.",
              total - ok,
              total,
              m));
    }
    long thin = java.util.Arrays.stream(g.values).filter(v -> v.count() < 2).count();
    if (thin > 0) {
      warnings.add(
          String.format(
              Locale.ROOT,
              "%d of %d groups have fewer than 2 values of %s: no interval or test" + " for them.",
              thin,
              g.size(),
              m));
    }
    long nan = java.util.Arrays.stream(g.nan).sum();
    if (nan > 0) {
      warnings.add(
          String.format(
              Locale.ROOT,
              "%d ok runs have no value of %s (NaN or empty); NaN policy %s.",
              nan,
              m,
              nanPolicy));
    }
    long rankedGroups = java.util.Arrays.stream(g.values).filter(v -> v.count() > 0).count();
    if (rankedGroups > Ranking.RANK_GROUP_RANKS) {
      warnings.add(
          String.format(
              Locale.ROOT,
              "Rank groups are given to the first %d of %d ranked groups (each rank"
                  + " group tests its lead against every group below it); rank_group is empty below.",
              Ranking.RANK_GROUP_RANKS,
              rankedGroups));
    }
    if (!ranking.advice().isEmpty()) {
      warnings.add(ranking.advice());
    }
    if (cost == null) {
      warnings.add("No cost column: cost efficiency is left out.");
    }
    if (patterns == null) {
      warnings.add("No parameter columns: pattern detection is left out.");
    } else {
      warnings.addAll(patterns.warnings());
    }
    RaceResult raced = race == null ? null : race.replay(runs, variationIds(runs));
    if (raced != null) {
      warnings.add(
          String.format(
              Locale.ROOT,
              "The runs come from a race on %s: %d of %d variations were left out"
                  + " after fewer than %d replicates, so their statistics rest on fewer runs (see Race).",
              race.metric(),
              raced.roundOut().size(),
              raced.variations().size(),
              race.maxReplicates()));
    }
    return new AnalysisResult(
        m,
        direction,
        runs,
        StatusBreakdown.of(runs),
        stats,
        ranking,
        cost,
        patterns,
        warnings,
        raced);
  }

  /**
   * Runs the analysis and writes report.md, report.html, variation-statistics.csv and .json,
   * ranking.csv, cost-efficiency.csv and patterns.json into {@code dir}, creating it.
   *
   * @return dir
   */
  public Path writeReport(Path dir) {
    ReportWriter.write(run(), dir, figures);
    return dir;
  }

  /**
   * Writes a result this analysis computed (by {@link #run()}) as {@link #writeReport(Path)} does,
   * without computing it again; for callers that need the result first, e.g. to draw the report's
   * figures.
   *
   * @return dir
   */
  public Path writeReport(AnalysisResult result, Path dir) {
    ReportWriter.write(result, dir, figures);
    return dir;
  }

  /**
   * Writes the data files of a result (variation-statistics.csv and .json, ranking.csv,
   * cost-efficiency.csv, patterns.json) but not report.md; with {@link #writeMarkdown} it does what
   * {@link #writeReport(AnalysisResult, Path)} does, in two steps that callers may run beside the
   * drawing of the figures.
   *
   * @return dir
   */
  public Path writeData(AnalysisResult result, Path dir) {
    ReportWriter.writeData(result, dir);
    return dir;
  }

  /**
   * Writes the data files of a result that {@code which} names.
   *
   * @return dir
   */
  public Path writeData(AnalysisResult result, Path dir, DataFiles which) {
    ReportWriter.writeData(result, dir, which);
    return dir;
  }

  /**
   * Writes variation-statistics.csv and .json of the statistics {@link #run(Consumer)} handed out.
   *
   * @return dir
   */
  public Path writeStatistics(VariationStatisticsResult statistics, Path dir) {
    ReportWriter.writeStatistics(statistics, dir);
    return dir;
  }

  /**
   * The report of a result, linking this analysis's figures ({@link #withFigures}): what report.md
   * ({@link MarkdownReport}) and report.html ({@link HtmlReport}) render.
   */
  public ReportModel report(AnalysisResult result) {
    return ReportModel.of(result, figures);
  }

  /**
   * Writes report.md of a result, linking this analysis's figures ({@link #withFigures}). @return
   * dir
   */
  public Path writeMarkdown(AnalysisResult result, Path dir) {
    ReportWriter.writeMarkdown(result, dir, figures);
    return dir;
  }

  /**
   * The variation ids of the runs, in order of first appearance (plan order for a sweep folder).
   */
  static List<String> variationIds(Runs runs) {
    java.util.LinkedHashSet<String> ids = new java.util.LinkedHashSet<>();
    for (String id : runs.text(org.sweeplab.results.ResultsContract.VARIATION_ID)) {
      ids.add(id);
    }
    return List.copyOf(ids);
  }
}
