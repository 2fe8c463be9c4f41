package org.sweeplab.figures;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.sweeplab.analysis.AnalysisResult;
import org.sweeplab.analysis.Direction;
import org.sweeplab.analysis.FigureLink;
import org.sweeplab.analysis.Runs;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * The key figures of an analysis report, written beside its report.md under {@code figures/} and returned as links
 * for {@link org.sweeplab.analysis.Analysis#withFigures}:
 * <ul>
 *   <li>{@code ranking}: the best groups of the analysis's own ranking (its intervals and Holm-adjusted verdicts),
 *       at most {@link #withMaxGroups max groups} of them;</li>
 *   <li>{@code box-PARAM}: the metric by the parameter with the largest main effect (by group when there are no
 *       parameters and few groups);</li>
 *   <li>{@code main-effects}: every parameter with 2 to 12 levels;</li>
 *   <li>{@code failure-rate-PARAM}: for the (at most two) parameters whose levels' failure rates differ most, when
 *       some runs are not ok;</li>
 *   <li>{@code pareto}: mean cost against the mean metric per group, when there is a cost column with values.</li>
 * </ul>
 * A figure whose data is missing (no parameter, no failure, no cost) is left out. Immutable:
 * {@code ReportFigures.withDefaults().withFormat(ExportFormat.PNG).write(result, dir)}.
 */
public final class ReportFigures {

    /** The folder, inside the report folder, that holds the figures. */
    public static final String FOLDER = "figures";
    private static final int MAX_LEVELS = 12;
    static final String GROUP = "sweeplab_group";

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

    /** @throws IllegalArgumentException if max is not in 2..200 */
    public ReportFigures withMaxGroups(int max) {
        if (max < 2 || max > 200) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "Report figures show 2..200 groups, not %d", max));
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
        Table table = figureTable(runs, metric, labelColumns(runs), GROUP);
        List<String> params = runs.parameters();
        List<FigureLink> links = new ArrayList<>();

        Table ranking = rankingTable(result);
        if (ranking.rowCount() > 0) {
            String title = ranking.rowCount() < rankedCount(result)
                    ? String.format(Locale.ROOT, "Best %d of %d groups by %s", ranking.rowCount(), rankedCount(result),
                    metric)
                    : "Ranking by " + metric;
            Figure f = RankingPlot.withDefaults().withStyle(style).withGoal(goal(result.direction())).withTitle(title)
                    .withColumns(GROUP, "mean", "ci_low", "ci_high", "distinguishable_from_best").plot(ranking, metric);
            links.add(save(f, reportDir, "ranking", title));
        }

        List<String> effects = byEffect(result, params, table);
        if (!effects.isEmpty()) {
            String p = effects.get(0);
            String title = metric + " by " + p + " (largest main effect)";
            Figure f = BoxPlot.withDefaults().withStyle(style).withTitle(title).plot(table, metric, p);
            links.add(save(f, reportDir, "box-" + p, title));
        } else if (params.isEmpty() && distinct(table, GROUP) <= maxGroups) {
            String by = runs.groups().size() == 1 ? runs.groups().get(0) : GROUP;
            Figure f = BoxPlot.withDefaults().withStyle(style).withTitle(metric + " by "
                    + String.join(", ", runs.groups())).plot(table, metric, by);
            links.add(save(f, reportDir, "box", metric + " by " + String.join(", ", runs.groups())));
        }

        List<String> plotted = params.stream().filter(p -> levelsIn(table, p, 2, MAX_LEVELS)).toList();
        if (!plotted.isEmpty()) {
            Figure f = MainEffectsPlot.withDefaults().withStyle(style).plot(table, metric, plotted);
            links.add(save(f, reportDir, "main-effects", "Main effects on " + metric));
        }

        if (anyNotOk(table)) {
            for (String p : bySpread(result, params, table).stream().limit(2).toList()) {
                Figure f = FailureRatePlot.withDefaults().withStyle(style).plot(table, p);
                links.add(save(f, reportDir, "failure-rate-" + p, "Runs not ok by " + p));
            }
        }

        String cost = runs.costColumn();
        if (cost != null && table.column(cost) instanceof NumericColumn<?> c && c.countMissing() < c.size()
                && distinct(table, GROUP) <= 1_000 && hasOkCost(table, metric, cost)) {
            Figure f = ParetoPlot.withDefaults().withStyle(style).withGoal(goal(result.direction()))
                    .withTitle("Mean " + cost + " against mean " + metric).plot(table, cost, metric, GROUP);
            links.add(save(f, reportDir, "pareto", "Mean " + cost + " against mean " + metric + ", Pareto front"));
        }
        return links;
    }

    private FigureLink save(Figure f, Path reportDir, String name, String title) {
        String file = safe(name) + "." + format.extension();
        f.save(reportDir.resolve(FOLDER).resolve(file), format);
        return new FigureLink(title, FOLDER + "/" + file);
    }

    /**
     * The runs as the figures read them: a {@code status} column holding {@code ok} for successful runs (whatever
     * the runs' own status column and ok value), the metric (if any) as numbers, and a label column named
     * {@code labelName} joining the label columns' values (unless a column of that name exists).
     */
    static Table figureTable(Runs runs, String metric, List<String> labelColumns, String labelName) {
        Table src = runs.table();
        Table t = src.copy();
        int n = t.rowCount();
        StringColumn status = StringColumn.create(Data.STATUS, n);
        Column<?> given = runs.statusColumn() == null ? null : src.column(runs.statusColumn());
        for (int i = 0; i < n; i++) {
            String s = given == null ? "ok" : given.isMissing(i) ? "" : given.getString(i);
            status.set(i, s.equals(runs.okValue()) ? "ok" : "ok".equals(s) ? "not ok" : s);
        }
        if (t.containsColumn(Data.STATUS)) {
            t.removeColumns(Data.STATUS);
        }
        t.addColumns(status);
        if (metric != null && !(src.column(metric) instanceof NumericColumn<?>)) {
            t.replaceColumn(metric, asNumbers(src.column(metric)));
        }
        if (!t.containsColumn(labelName)) {
            t.addColumns(label(src, labelColumns, labelName));
        }
        return t;
    }

    private static DoubleColumn asNumbers(Column<?> c) {
        DoubleColumn d = DoubleColumn.create(c.name(), c.size());
        for (int i = 0; i < c.size(); i++) {
            if (c.isMissing(i)) {
                d.setMissing(i);
            } else if (c instanceof BooleanColumn b) {
                d.set(i, b.get(i) ? 1 : 0);
            } else {
                try {
                    d.set(i, Double.parseDouble(c.getString(i).trim()));
                } catch (NumberFormatException e) {
                    d.setMissing(i);
                }
            }
        }
        return d;
    }

    /** One text column joining the group columns' values with " / ". */
    private static StringColumn label(Table t, List<String> groups, String name) {
        StringColumn out = StringColumn.create(name, t.rowCount());
        for (int i = 0; i < t.rowCount(); i++) {
            StringBuilder b = new StringBuilder();
            for (String g : groups) {
                b.append(b.length() == 0 ? "" : " / ").append(t.column(g).getString(i));
            }
            out.set(i, b.toString());
        }
        return out;
    }

    /** The analysis ranking's ranked rows, best first, at most maxGroups, with a {@code group} label column. */
    private Table rankingTable(AnalysisResult r) {
        Table rank = r.ranking().table();
        Table ranked = rank.where(rank.intColumn("rank").isNotMissing());
        Table top = ranked.first(Math.min(maxGroups, ranked.rowCount()));
        Table out = top.selectColumns("mean", "ci_low", "ci_high", "distinguishable_from_best").copy();
        List<String> cols = labelColumns(r.runs());
        out.addColumns(top.columnNames().containsAll(cols) ? label(top, cols, GROUP)
                : label(keyed(r.runs(), top), cols, GROUP));
        return out;
    }

    /**
     * The columns that name a group in a figure: the group columns, or, when the runs are grouped by variation id
     * alone, the parameters (which say more than "var-0042").
     */
    private static List<String> labelColumns(Runs runs) {
        List<String> groups = runs.groups();
        return groups.equals(List.of("variation_id")) && !runs.parameters().isEmpty() ? runs.parameters() : groups;
    }

    /** The ranking rows with the parameter values of their variation (the first run of each), for labels. */
    private static Table keyed(Runs runs, Table top) {
        Table src = runs.table();
        Column<?> id = src.column("variation_id");
        java.util.Map<String, Integer> first = new java.util.HashMap<>();
        for (int i = 0; i < src.rowCount(); i++) {
            first.putIfAbsent(id.getString(i), i);
        }
        Table out = Table.create("labels");
        for (String p : runs.parameters()) {
            StringColumn c = StringColumn.create(p, top.rowCount());
            for (int i = 0; i < top.rowCount(); i++) {
                Integer row = first.get(top.column("variation_id").getString(i));
                c.set(i, row == null ? "" : src.column(p).getString(row));
            }
            out.addColumns(c);
        }
        return out;
    }

    private static int rankedCount(AnalysisResult r) {
        return r.ranking().table().rowCount() - r.ranking().table().intColumn("rank").countMissing();
    }

    /** Parameters with at most maxGroups levels, largest main effect (eta squared) first. */
    private List<String> byEffect(AnalysisResult r, List<String> params, Table table) {
        return ordered(r, params, table, "eta_squared", maxGroups);
    }

    /** Parameters with at most 12 levels, largest spread of failure rates first. */
    private static List<String> bySpread(AnalysisResult r, List<String> params, Table table) {
        return ordered(r, params, table, "failure_rate_spread", MAX_LEVELS);
    }

    private static List<String> ordered(AnalysisResult r, List<String> params, Table table, String column,
                                        int maxLevels) {
        List<String> usable = params.stream().filter(p -> levelsIn(table, p, 2, maxLevels)).toList();
        if (r.patterns() == null || !r.patterns().mainEffects().containsColumn(column)) {
            return usable;
        }
        Table effects = r.patterns().mainEffects();
        List<String> out = new ArrayList<>(usable);
        out.sort(Comparator.comparingDouble((String p) -> {
            for (int i = 0; i < effects.rowCount(); i++) {
                if (p.equals(effects.stringColumn("parameter").get(i))) {
                    double v = effects.doubleColumn(column).getDouble(i);
                    return Double.isNaN(v) ? 0 : -v;
                }
            }
            return 0;
        }));
        return out;
    }

    private static boolean levelsIn(Table t, String column, int min, int max) {
        int d = distinct(t, column);
        return d >= min && d <= max;
    }

    private static int distinct(Table t, String column) {
        Column<?> c = t.column(column);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < c.size() && seen.size() <= 5_000; i++) {
            seen.add(c.getString(i));
        }
        return seen.size();
    }

    private static boolean anyNotOk(Table t) {
        return t.stringColumn(Data.STATUS).isNotEqualTo("ok").size() > 0;
    }

    private static boolean hasOkCost(Table t, String metric, String cost) {
        return !Data.okRows(t, metric, cost).isEmpty();
    }

    private static Goal goal(Direction d) {
        return d == Direction.HIGHER_IS_BETTER ? Goal.MAXIMIZE : Goal.MINIMIZE;
    }

    private static String safe(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
