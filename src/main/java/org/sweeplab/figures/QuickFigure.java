package org.sweeplab.figures;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.sweeplab.analysis.Direction;
import org.sweeplab.analysis.Runs;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;

/**
 * One figure of a sweep's runs by kind, as {@code sweeplab plot DIR --kind KIND} draws it. Immutable:
 *
 * <pre>{@code
 * Figure f = QuickFigure.of(FigureKind.HEATMAP).withMetric("score").withBy(List.of("tick_budget", "difficulty"))
 *         .plot(Path.of("sweeps/tournament"));
 * }</pre>
 *
 * <p>What {@code by} means, and its default, per kind:
 * <ul>
 *   <li>box, ranking, convergence: the groups, one entry per distinct combination of the columns; default the first
 *       parameter (the variation id when there is none);</li>
 *   <li>pareto: the groups of the points; default {@code variation_id}; cost from the runs' cost column;</li>
 *   <li>heatmap: exactly two parameters (x, y); default the first two;</li>
 *   <li>failure-rate: one parameter; default the first;</li>
 *   <li>main-effects: the parameters; default all;</li>
 *   <li>curve: a numeric parameter, then optionally a group column (one curve per level); default the first
 *       numeric parameter.</li>
 * </ul>
 * The metric defaults to the first numeric metric ({@link MetricChoice}); failure-rate takes none. Runs that are
 * not ok are left out of every metric aggregate.
 */
public final class QuickFigure {

    private final FigureKind kind;
    private final String metric;
    private final List<String> by;
    private final FigureStyle style;
    private final Direction direction;

    private QuickFigure(FigureKind kind, String metric, List<String> by, FigureStyle style, Direction direction) {
        this.kind = kind;
        this.metric = metric;
        this.by = List.copyOf(by);
        this.style = style;
        this.direction = direction;
    }

    /** A figure of this kind with the defaults above, the default style, higher is better. */
    public static QuickFigure of(FigureKind kind) {
        return new QuickFigure(kind, null, List.of(), FigureStyle.withDefaults(), Direction.HIGHER_IS_BETTER);
    }

    /** @param metric the metric; null for the default */
    public QuickFigure withMetric(String metric) {
        return new QuickFigure(kind, metric, by, style, direction);
    }

    /** @param columns the columns, as above; empty for the default */
    public QuickFigure withBy(List<String> columns) {
        return new QuickFigure(kind, metric, columns == null ? List.of() : columns, style, direction);
    }

    public QuickFigure withStyle(FigureStyle style) {
        return new QuickFigure(kind, metric, by, style, direction);
    }

    /** @param direction which end of the metric is best (ranking and pareto) */
    public QuickFigure withDirection(Direction direction) {
        return new QuickFigure(kind, metric, by, style, direction);
    }

    /**
     * Reads an output folder or CSV file and draws the figure.
     *
     * @throws IllegalArgumentException for a missing column, a wrong number of {@code by} columns, no cost column
     */
    public Figure plot(Path input) {
        return plot(Runs.read(input), input);
    }

    /**
     * Draws the figure of these runs.
     *
     * @param input where the runs came from, for the default metric (summary.json); may be null
     */
    public Figure plot(Runs runs, Path input) {
        String m = kind == FigureKind.FAILURE_RATE && metric == null ? null
                : MetricChoice.of(runs, input, metric).metric();
        List<String> params = runs.parameters();
        Goal goal = direction == Direction.HIGHER_IS_BETTER ? Goal.MAXIMIZE : Goal.MINIMIZE;
        return switch (kind) {
            case BOX -> BoxPlot.withDefaults().withStyle(style).plot(table(runs, m, groups(runs)), m, axis(runs));
            case RANKING -> RankingPlot.withDefaults().withStyle(style).withGoal(goal)
                    .plot(table(runs, m, groups(runs)), m, axis(runs));
            case CONVERGENCE -> ConvergencePlot.withDefaults().withStyle(style)
                    .plot(table(runs, m, groups(runs)), m, axis(runs));
            case PARETO -> {
                if (runs.costColumn() == null) {
                    throw new IllegalArgumentException(String.format(Locale.ROOT,
                            "Table %s has no cost column, which a pareto figure needs", runs.table().name()));
                }
                List<String> g = by.isEmpty() ? runs.groups() : by;
                yield ParetoPlot.withDefaults().withStyle(style).withGoal(goal)
                        .plot(table(runs, m, g), runs.costColumn(), m, axis(g));
            }
            case HEATMAP -> {
                List<String> xy = by.isEmpty() ? params.subList(0, Math.min(2, params.size())) : by;
                count(xy, 2, 2, "two parameters (x, y)");
                yield HeatmapPlot.withDefaults().withStyle(style).plot(table(runs, m, List.of()), m, xy.get(0),
                        xy.get(1));
            }
            case FAILURE_RATE -> {
                List<String> p = by.isEmpty() ? params.subList(0, Math.min(1, params.size())) : by;
                count(p, 1, 1, "one parameter");
                yield FailureRatePlot.withDefaults().withStyle(style).plot(table(runs, m, List.of()), p.get(0));
            }
            case MAIN_EFFECTS -> {
                List<String> p = by.isEmpty() ? params : by;
                count(p, 1, Integer.MAX_VALUE, "at least one parameter");
                yield MainEffectsPlot.withDefaults().withStyle(style).plot(table(runs, m, List.of()), m, p);
            }
            case CURVE -> {
                List<String> p = by.isEmpty() ? firstNumeric(runs) : by;
                count(p, 1, 2, "a numeric parameter and optionally a group column");
                yield ParameterCurvePlot.withDefaults().withStyle(style).plot(table(runs, m, List.of()), m, p.get(0),
                        p.size() == 2 ? p.get(1) : null);
            }
        };
    }

    private List<String> groups(Runs runs) {
        if (!by.isEmpty()) {
            return by;
        }
        return runs.parameters().isEmpty() ? runs.groups() : runs.parameters().subList(0, 1);
    }

    /** The column a grouped figure plots by: the one column asked for, else the joined label column. */
    private String axis(Runs runs) {
        return axis(groups(runs));
    }

    private static String axis(List<String> groups) {
        return groups.size() == 1 ? groups.get(0) : String.join(" / ", groups);
    }

    private static Table table(Runs runs, String metric, List<String> labels) {
        for (String c : labels) {
            if (!runs.table().containsColumn(c)) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "Column %s is not present in table %s; columns are %s", c, runs.table().name(),
                        runs.table().columnNames()));
            }
        }
        return ReportFigures.figureTable(runs, metric, labels, axis(labels.isEmpty() ? List.of(ReportFigures.GROUP)
                : labels));
    }

    private void count(List<String> columns, int min, int max, String what) {
        if (columns.size() < min || columns.size() > max) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "A %s figure takes %s as --by, not %s", kind.label(), what, columns.isEmpty() ? "none" : columns));
        }
    }

    private static List<String> firstNumeric(Runs runs) {
        return runs.parameters().stream().filter(p -> runs.table().column(p) instanceof NumericColumn<?>)
                .limit(1).toList();
    }
}
