package org.sweeplab.figures;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sweeplab.analysis.CostEfficiency;
import org.sweeplab.analysis.Ranking;
import org.sweeplab.analysis.RunningMean;
import org.sweeplab.analysis.Runs;
import org.sweeplab.analysis.VariationStatistics;
import org.sweeplab.analysis.VariationStatisticsResult;
import tech.tablesaw.api.Table;

/**
 * Renders one figure of every kind from a results table: the gallery of {@code docs/figures.md}.
 *
 * <p>The gallery of the docs comes from the example sweeps: run {@code
 * data/examples/tournament.yaml} and {@code mmc.yaml}, then {@code Gallery docs/figures --examples
 * TOURNAMENT_DIR MMC_DIR} (see {@link #examples}). Run it with the synthetic table: {@code Gallery
 * docs/figures}; or with a sweep's results: {@code Gallery OUT_DIR results.csv METRIC GROUP PARAM_X
 * PARAM_Y} (PARAM_X numeric; cost column "cost"). From Maven: {@code ./mvnw -o -q test-compile
 * exec:java} is not set up, so use the test class path, e.g. {@code java -cp
 * target/classes:target/test-classes:'target/lib/*' org.sweeplab.figures.Gallery docs/figures}.
 */
public final class Gallery {

  /** The columns the gallery reads. */
  public record Columns(
      String metric, String group, String numericParameter, String otherParameter) {}

  /** The synthetic results' columns. */
  public static final Columns SYNTHETIC =
      new Columns("score", "algorithm", "population", "mutation");

  private Gallery() {}

  /**
   * One figure per kind, by kind name, in the order the docs show them, each drawn from the
   * analysis result of its kind (ranking, cost efficiency, variation statistics, running mean) of
   * the results table.
   */
  public static Map<String, Figure> figures(Table results, Columns c, FigureStyle style) {
    Runs runs = Runs.of(results);
    String first = results.column(c.numericParameter()).getString(0);
    Table oneSetting =
        results.where(results.column(c.numericParameter()).asStringColumn().isEqualTo(first));
    return draw(
        runs,
        Runs.of(oneSetting).withGroups(c.group()),
        c.metric(),
        c.group(),
        List.of(c.group(), c.numericParameter(), c.otherParameter()),
        c.numericParameter(),
        c.otherParameter(),
        null,
        style);
  }

  /**
   * Every kind from the analysis results of these runs.
   *
   * @param convergence the runs of the convergence figure, grouped
   * @param effects the parameters of the main-effects figure
   * @param x the numeric parameter (heatmap x, curve x)
   * @param y the other parameter (heatmap y, failure rate)
   */
  static Map<String, Figure> draw(
      Runs runs,
      Runs convergence,
      String metric,
      String group,
      List<String> effects,
      String x,
      String y,
      String title,
      FigureStyle style) {
    Map<String, Figure> out = new LinkedHashMap<>();
    Runs byGroup = runs.withGroups(group);
    out.put("box", BoxPlot.withDefaults().withStyle(style).plot(byGroup, metric));
    out.put(
        "ranking",
        RankingPlot.withDefaults()
            .withStyle(style)
            .plot(Ranking.withDefaults().rank(byGroup, metric), metric));
    out.put(
        "heatmap",
        HeatmapPlot.withDefaults()
            .withStyle(style)
            .plot(
                VariationStatistics.withDefaults().compute(runs.withGroups(x, y), metric),
                metric,
                x,
                y));
    out.put(
        "pareto",
        ParetoPlot.withDefaults()
            .withStyle(style)
            .plot(CostEfficiency.withDefaults().compute(runs, metric), "cost"));
    out.put("failure-rate", FailureRatePlot.withDefaults().withStyle(style).plot(runs, y));
    Map<String, VariationStatisticsResult> levels = new LinkedHashMap<>();
    for (String p : effects) {
      levels.put(p, VariationStatistics.withDefaults().compute(runs.withGroups(p), metric));
    }
    out.put("main-effects", MainEffectsPlot.withDefaults().withStyle(style).plot(levels, metric));
    out.put(
        "convergence",
        ConvergencePlot.withDefaults()
            .withStyle(style)
            .withTitle(title)
            .plot(RunningMean.withDefaults().compute(convergence, metric)));
    out.put(
        "parameter-curve",
        ParameterCurvePlot.withDefaults()
            .withStyle(style)
            .plot(
                VariationStatistics.withDefaults().compute(runs.withGroups(group, x), metric),
                metric,
                x,
                group));
    return out;
  }

  /** Writes {@code <kind>.png} for every kind into dir; returns the files. */
  public static List<Path> write(Table results, Columns c, FigureStyle style, Path dir) {
    return figures(results, c, style).entrySet().stream()
        .map(e -> e.getValue().save(dir.resolve(e.getKey() + ".png")))
        .toList();
  }

  /**
   * The gallery of docs/figures.md from the example sweeps' output folders: box, ranking, heatmap,
   * Pareto front, failure rate and main effects of the tournament (score; strategy, tick budget,
   * difficulty); convergence and the parameter curve of the M/M/c queue (mean wait against arrival
   * rate, by number of servers).
   */
  public static Map<String, Figure> examples(Path tournamentDir, Path mmcDir, FigureStyle style) {
    Runs t = Runs.read(tournamentDir);
    Runs q = Runs.read(mmcDir);
    Table heavy = q.table().where(q.table().doubleColumn("arrival_rate").isEqualTo(0.9));
    Map<String, Figure> all =
        draw(
            t,
            t.withGroups("strategy"),
            "score",
            "strategy",
            List.of("strategy", "tick_budget", "difficulty", "world"),
            "tick_budget",
            "difficulty",
            null,
            style);
    all.put(
        "convergence",
        ConvergencePlot.withDefaults()
            .withStyle(style)
            .withTitle("mean_wait at arrival_rate 0.9, by servers")
            .plot(
                RunningMean.withDefaults()
                    .compute(Runs.of(heavy).withGroups("servers"), "mean_wait")));
    all.put(
        "parameter-curve",
        ParameterCurvePlot.withDefaults()
            .withStyle(style)
            .plot(
                VariationStatistics.withDefaults()
                    .compute(q.withGroups("servers", "arrival_rate"), "mean_wait"),
                "mean_wait",
                "arrival_rate",
                "servers"));
    return all;
  }

  public static void main(String[] args) {
    System.setProperty("java.awt.headless", "true");
    if (args.length == 4 && args[1].equals("--examples")) {
      FigureStyle style = FigureStyle.withDefaults().withSize(720, 440).withPngScale(1);
      examples(Path.of(args[2]), Path.of(args[3]), style)
          .forEach(
              (kind, f) -> System.out.println(f.save(Path.of(args[0]).resolve(kind + ".png"))));
      return;
    }
    if (args.length != 1 && args.length != 6) {
      System.err.println(
          "usage: Gallery OUT_DIR [RESULTS_CSV METRIC GROUP PARAM_X PARAM_Y]"
              + " | Gallery OUT_DIR --examples TOURNAMENT_DIR MMC_DIR");
      System.exit(2);
    }
    Table results = args.length == 1 ? SyntheticResults.table(7) : Table.read().csv(args[1]);
    Columns c = args.length == 1 ? SYNTHETIC : new Columns(args[2], args[3], args[4], args[5]);
    FigureStyle style = FigureStyle.withDefaults().withSize(720, 440).withPngScale(1);
    write(results, c, style, Path.of(args[0])).forEach(System.out::println);
  }
}
