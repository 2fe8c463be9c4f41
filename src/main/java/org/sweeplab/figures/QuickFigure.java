package org.sweeplab.figures;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sweeplab.analysis.AnalysisOptions;
import org.sweeplab.analysis.CostEfficiency;
import org.sweeplab.analysis.Direction;
import org.sweeplab.analysis.Quantiles;
import org.sweeplab.analysis.Ranking;
import org.sweeplab.analysis.RunningMean;
import org.sweeplab.analysis.Runs;
import org.sweeplab.analysis.VariationStatistics;
import org.sweeplab.analysis.VariationStatisticsResult;

/**
 * One figure of a sweep's runs by kind, as {@code sweeplab plot DIR --kind KIND} draws it.
 * Immutable:
 *
 * <pre>{@code
 * Figure f = QuickFigure.of(FigureKind.HEATMAP).withMetric("score").withBy(List.of("tick_budget", "difficulty"))
 *         .plot(Path.of("sweeps/tournament"));
 * }</pre>
 *
 * <p>What {@code by} means, and its default, per kind:
 *
 * <ul>
 *   <li>box, ranking, convergence, pareto: the groups, one entry per distinct combination of the
 *       columns; default the runs' own groups, as {@code analyze} groups them ({@link
 *       AnalysisOptions#runs()}: {@code --group}, else {@code variation_id}); a variation is
 *       labelled by its parameter values; pareto takes the cost from the runs' cost column;
 *   <li>heatmap: exactly two parameters (x, y); default the first two;
 *   <li>failure-rate: one parameter; default the first;
 *   <li>main-effects: the parameters; default all;
 *   <li>curve: a numeric parameter, then optionally a group column (one curve per level); default
 *       the first numeric parameter.
 * </ul>
 *
 * The metric defaults to the first numeric metric ({@link MetricChoice}); failure-rate takes none.
 * Every number a figure draws comes from the analysis: the ranking from {@link Ranking}, the front
 * from {@link CostEfficiency}, means and intervals from {@link VariationStatistics} and {@link
 * RunningMean}.
 */
public final class QuickFigure {

  private final FigureKind kind;
  private final String metric;
  private final List<String> by;
  private final FigureStyle style;
  private final Direction direction;

  private QuickFigure(
      FigureKind kind, String metric, List<String> by, FigureStyle style, Direction direction) {
    this.kind = kind;
    this.metric = metric;
    this.by = List.copyOf(by);
    this.style = style;
    this.direction = direction;
  }

  /** A figure of this kind with the defaults above, the default style, higher is better. */
  public static QuickFigure of(FigureKind kind) {
    return new QuickFigure(
        kind, null, List.of(), FigureStyle.withDefaults(), Direction.HIGHER_IS_BETTER);
  }

  /**
   * @param metric the metric; null for the default
   */
  public QuickFigure withMetric(String metric) {
    return new QuickFigure(kind, metric, by, style, direction);
  }

  /**
   * @param columns the columns, as above; empty for the default
   */
  public QuickFigure withBy(List<String> columns) {
    return new QuickFigure(kind, metric, columns == null ? List.of() : columns, style, direction);
  }

  public QuickFigure withStyle(FigureStyle style) {
    return new QuickFigure(kind, metric, by, style, direction);
  }

  /**
   * @param direction which end of the metric is best (ranking and pareto)
   */
  public QuickFigure withDirection(Direction direction) {
    return new QuickFigure(kind, metric, by, style, direction);
  }

  /**
   * Reads the input of the options with their column roles and draws the figure, ranking with the
   * options' test, pairing and significance level: what {@code sweeplab plot} calls. The options'
   * metric and direction are used unless this figure names its own.
   *
   * @throws IllegalArgumentException for a missing column, a wrong number of {@code by} columns, no
   *     cost column
   */
  public Figure plot(AnalysisOptions options) {
    QuickFigure q =
        metric == null && options.metric() != null ? withMetric(options.metric()) : this;
    if (direction == Direction.HIGHER_IS_BETTER) {
      q = q.withDirection(options.direction());
    }
    if (by.isEmpty()) {
      q = q.withBy(options.by());
    }
    return q.draw(options.runs(), options.input(), options.ranking(), 1 - options.alpha());
  }

  /** Reads an output folder or CSV file with the default roles and draws the figure. */
  public Figure plot(Path input) {
    return plot(AnalysisOptions.of(input));
  }

  /**
   * Draws the figure of these runs.
   *
   * @param input where the runs came from, for the default metric (summary.json); may be null
   */
  public Figure plot(Runs runs, Path input) {
    return draw(runs, input, Ranking.withDefaults(), 0.95);
  }

  private Figure draw(Runs given, Path input, Ranking ranking, double confidence) {
    String m =
        kind == FigureKind.FAILURE_RATE && metric == null
            ? null
            : MetricChoice.of(given, input, metric).metric();
    List<String> params = given.parameters();
    // Grouped kinds group as analyze does: --by, else the runs' own groups (variation_id by
    // default).
    Runs runs = by.isEmpty() || !grouped() ? given : given.withGroups(by);
    return switch (kind) {
      case BOX ->
          BoxPlot.withDefaults()
              .withStyle(style)
              .withLabels(Data.parameterLabels(runs))
              .plot(runs, m);
      case RANKING ->
          RankingPlot.withDefaults()
              .withStyle(style)
              .withLabels(Data.parameterLabels(runs))
              .plot(ranking.withDirection(direction).rank(runs, m), m);
      case CONVERGENCE ->
          ConvergencePlot.withDefaults()
              .withStyle(style)
              .plot(RunningMean.withDefaults().withConfidence(confidence).compute(runs, m));
      case PARETO -> {
        if (runs.costColumn() == null) {
          throw new IllegalArgumentException(
              String.format(
                  Locale.ROOT,
                  "Table %s has no cost column, which a pareto figure needs; name it with --cost-column",
                  runs.name()));
        }
        yield ParetoPlot.withDefaults()
            .withStyle(style)
            .plot(
                CostEfficiency.withDefaults().withDirection(direction).compute(runs, m),
                runs.costColumn());
      }
      case HEATMAP -> {
        List<String> xy = by.isEmpty() ? params.subList(0, Math.min(2, params.size())) : by;
        count(xy, 2, 2, "two parameters (x, y)");
        yield HeatmapPlot.withDefaults()
            .withStyle(style)
            .plot(statistics(runs, m, confidence, xy), m, xy.get(0), xy.get(1));
      }
      case FAILURE_RATE -> {
        List<String> p = by.isEmpty() ? params.subList(0, Math.min(1, params.size())) : by;
        count(p, 1, 1, "one parameter");
        yield FailureRatePlot.withDefaults().withStyle(style).plot(runs, p.get(0));
      }
      case MAIN_EFFECTS -> {
        List<String> p = by.isEmpty() ? params : by;
        count(p, 1, Integer.MAX_VALUE, "at least one parameter");
        Map<String, VariationStatisticsResult> levels = new LinkedHashMap<>();
        for (String parameter : p) {
          levels.put(parameter, statistics(runs, m, confidence, List.of(parameter)));
        }
        yield MainEffectsPlot.withDefaults().withStyle(style).plot(levels, m);
      }
      case CURVE -> {
        List<String> p = by.isEmpty() ? firstNumeric(runs) : by;
        count(p, 1, 2, "a numeric parameter and optionally a group column");
        List<String> cells = p.size() == 2 ? List.of(p.get(1), p.get(0)) : p.subList(0, 1);
        yield ParameterCurvePlot.withDefaults()
            .withStyle(style)
            .plot(
                statistics(runs, m, confidence, cells),
                m,
                p.get(0),
                p.size() == 2 ? p.get(1) : null);
      }
    };
  }

  private boolean grouped() {
    return kind == FigureKind.BOX
        || kind == FigureKind.RANKING
        || kind == FigureKind.CONVERGENCE
        || kind == FigureKind.PARETO;
  }

  private static VariationStatisticsResult statistics(
      Runs runs, String metric, double confidence, List<String> columns) {
    for (String c : columns) {
      if (!runs.columnNames().contains(c)) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "Column %s is not present in table %s; columns are %s",
                c,
                runs.name(),
                runs.columnNames()));
      }
    }
    // The figures drawn from these read counts, means and intervals, never the quartiles.
    return VariationStatistics.withDefaults()
        .withConfidence(confidence)
        .withQuantiles(Quantiles.NONE)
        .compute(runs.withGroups(columns), metric);
  }

  private void count(List<String> columns, int min, int max, String what) {
    if (columns.size() < min || columns.size() > max) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "A %s figure takes %s as --by, not %s",
              kind.label(),
              what,
              columns.isEmpty() ? "none" : columns));
    }
  }

  private static List<String> firstNumeric(Runs runs) {
    return runs.parameters().stream().filter(p -> runs.isNumeric(p)).limit(1).toList();
  }
}
