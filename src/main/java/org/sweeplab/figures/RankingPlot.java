package org.sweeplab.figures;

import java.awt.Color;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.math3.stat.inference.TTest;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * A ranking: each entry's mean with its confidence interval as an error bar, best first. The best entry is
 * drawn in black, entries indistinguishable from the best in orange, the others in blue.
 *
 * <p>It plots a ranking table with columns label, mean, ci_low, ci_high and a boolean "distinguishable from
 * the best" ({@link #withColumns} renames them), such as the analysis stage produces; {@link #rank} makes one
 * from a results table (95% t-intervals, Welch's t-test against the best at the 5% level).
 */
public final class RankingPlot {

    static final Color BEST = Color.BLACK;
    static final Color TIED = new Color(0xE69F00);
    static final Color WORSE = new Color(0x0072B2);
    private final FigureStyle style;
    private final String title;
    private final Goal goal;
    private final List<String> columns;

    private RankingPlot(FigureStyle style, String title, Goal goal, List<String> columns) {
        this.style = style;
        this.title = title;
        this.goal = goal;
        this.columns = columns;
    }

    /** Goal MAXIMIZE; columns label, mean, ci_low, ci_high, distinguishable. */
    public static RankingPlot withDefaults() {
        return new RankingPlot(FigureStyle.withDefaults(), null, Goal.MAXIMIZE,
                List.of("label", "mean", "ci_low", "ci_high", "distinguishable"));
    }

    public RankingPlot withStyle(FigureStyle style) {
        return new RankingPlot(style, title, goal, columns);
    }

    public RankingPlot withTitle(String title) {
        return new RankingPlot(style, title, goal, columns);
    }

    public RankingPlot withGoal(Goal goal) {
        return new RankingPlot(style, title, goal, columns);
    }

    /** Names the ranking table's columns. */
    public RankingPlot withColumns(String label, String mean, String ciLow, String ciHigh, String distinguishable) {
        return new RankingPlot(style, title, goal, List.of(label, mean, ciLow, ciHigh, distinguishable));
    }

    /**
     * A ranking table of a results table: per level of {@code group}, n, mean, ci_low, ci_high (95% t) and
     * distinguishable (Welch's two-sided t-test against the best level, p &lt; 0.05; false when either has
     * fewer than 2 values). Sorted best first under this plot's goal.
     */
    public Table rank(Table results, String metric, String group) {
        Map<String, double[]> groups = Data.groupValues(results, metric, group);
        List<Data.Summary> rows = new ArrayList<>();
        groups.forEach((level, values) -> rows.add(Data.summarize(level, values)));
        Comparator<Data.Summary> byMean = Comparator.comparingDouble(Data.Summary::mean);
        rows.sort(goal == Goal.MAXIMIZE ? byMean.reversed() : byMean);
        if (rows.isEmpty()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "No ok row with a value of %s in table %s", metric, results.name()));
        }
        double[] best = groups.get(rows.get(0).level());
        Table t = Table.create("ranking of " + metric + " by " + group,
                StringColumn.create(columns.get(0)), IntColumn.create("n"), DoubleColumn.create(columns.get(1)),
                DoubleColumn.create(columns.get(2)), DoubleColumn.create(columns.get(3)),
                BooleanColumn.create(columns.get(4)));
        for (Data.Summary s : rows) {
            double[] values = groups.get(s.level());
            boolean distinct = values != best && values.length >= 2 && best.length >= 2
                    && new TTest().tTest(values, best) < 0.05;
            t.stringColumn(0).append(s.level());
            t.intColumn(1).append(s.n());
            t.doubleColumn(2).append(s.mean());
            t.doubleColumn(3).append(s.low());
            t.doubleColumn(4).append(s.high());
            t.booleanColumn(5).append(distinct);
        }
        return t;
    }

    /** Plots a results table: {@code plot(rank(results, metric, group))} with the metric as axis title. */
    public Figure plot(Table results, String metric, String group) {
        return plot(rank(results, metric, group), metric);
    }

    /**
     * Plots a ranking table.
     *
     * @param axisTitle the title of the value axis (the metric)
     * @throws IllegalArgumentException if a column is missing or the table is empty
     */
    public Figure plot(Table ranking, String axisTitle) {
        Data.require(ranking, columns.toArray(new String[0]));
        if (ranking.rowCount() == 0) {
            throw new IllegalArgumentException("Ranking table " + ranking.name() + " has no rows");
        }
        Column<?> label = ranking.column(columns.get(0));
        var mean = Data.numeric(ranking, columns.get(1));
        var low = Data.numeric(ranking, columns.get(2));
        var high = Data.numeric(ranking, columns.get(3));
        Column<?> distinct = ranking.column(columns.get(4));
        List<Integer> order = new ArrayList<>();
        for (int r = 0; r < ranking.rowCount(); r++) {
            if (!Double.isNaN(mean.getDouble(r))) { // a group with no value has nothing to draw
                order.add(r);
            }
        }
        if (order.isEmpty()) {
            throw new IllegalArgumentException("Ranking table " + ranking.name() + " has no finite " + columns.get(1));
        }
        Comparator<Integer> byMean = Comparator.comparingDouble(mean::getDouble);
        order.sort(goal == Goal.MAXIMIZE ? byMean.reversed() : byMean);
        List<String> labels = new ArrayList<>();
        List<Double> mid = new ArrayList<>();
        List<Double> half = new ArrayList<>();
        List<List<Double>> classes = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < order.size(); k++) {
            int r = order.get(k);
            labels.add(label.getString(r));
            // A group with one value has no interval (NaN bounds): it is drawn collapsed onto its mean.
            double m = mean.getDouble(r);
            double lo = Double.isNaN(low.getDouble(r)) ? m : Math.min(low.getDouble(r), m);
            double hi = Double.isNaN(high.getDouble(r)) ? m : Math.max(high.getDouble(r), m);
            mid.add((lo + hi) / 2);
            half.add((hi - lo) / 2);
            min = Math.min(min, lo);
            max = Math.max(max, hi);
            int cls = k == 0 ? 0 : "true".equalsIgnoreCase(distinct.getString(r)) ? 2 : 1;
            for (int c = 0; c < 3; c++) {
                classes.get(c).add(c == cls ? mean.getDouble(r) : null);
            }
        }
        CategoryChart chart = new CategoryChartBuilder().width(style.width()).height(style.height())
                .title(Data.title(title, "Ranking by " + axisTitle)).xAxisTitle("").yAxisTitle(axisTitle).build();
        Theme.apply(chart, style);
        chart.getStyler().setOverlapped(true);
        chart.getStyler().setErrorBarsColorSeriesColor(false);
        chart.getStyler().setErrorBarsColor(Theme.TEXT);
        chart.getStyler().setMarkerSize(Math.max(8, style.labelFontSize()));
        chart.getStyler().setXAxisLabelRotation(order.size() > 8 ? 45 : 0);
        double pad = Math.max(1e-9, (max - min) * 0.08);
        chart.getStyler().setYAxisMin(min - pad).setYAxisMax(max + pad);
        CategorySeries ci = chart.addSeries("95% CI", labels, mid, half);
        ci.setChartCategorySeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Scatter);
        ci.setMarker(SeriesMarkers.NONE).setShowInLegend(false);
        String[] names = {"best", "indistinguishable from best", "worse than best"};
        Color[] colours = {BEST, TIED, WORSE};
        for (int c = 0; c < 3; c++) {
            if (classes.get(c).stream().allMatch(java.util.Objects::isNull)) {
                continue;
            }
            CategorySeries s = chart.addSeries(names[c], labels, classes.get(c));
            s.setChartCategorySeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Scatter);
            s.setMarker(c == 0 ? SeriesMarkers.DIAMOND : SeriesMarkers.CIRCLE).setMarkerColor(colours[c]);
        }
        return new Figure("ranking", chart, style);
    }
}
