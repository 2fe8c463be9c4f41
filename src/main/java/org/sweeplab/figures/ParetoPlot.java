package org.sweeplab.figures;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import tech.tablesaw.api.Table;

/**
 * Cost against a metric: one point per level of a group column (mean cost, mean metric over its ok runs),
 * with the Pareto front, the points no other point beats on both, joined by a step line and drawn in
 * vermillion. Lower cost is better; the metric's direction is the plot's {@link Goal}.
 */
public final class ParetoPlot {

    static final Color FRONT = new Color(0xD55E00);
    private final FigureStyle style;
    private final String title;
    private final Goal goal;

    private ParetoPlot(FigureStyle style, String title, Goal goal) {
        this.style = style;
        this.title = title;
        this.goal = goal;
    }

    /** Goal MAXIMIZE. */
    public static ParetoPlot withDefaults() {
        return new ParetoPlot(FigureStyle.withDefaults(), null, Goal.MAXIMIZE);
    }

    public ParetoPlot withStyle(FigureStyle style) {
        return new ParetoPlot(style, title, goal);
    }

    public ParetoPlot withTitle(String title) {
        return new ParetoPlot(style, title, goal);
    }

    public ParetoPlot withGoal(Goal goal) {
        return new ParetoPlot(style, title, goal);
    }

    /** A point of the plot: a group's mean cost and mean metric. */
    public record Point(String label, double cost, double metric) {
    }

    /** The Pareto front of points, by increasing cost: each is strictly better on the metric than all cheaper. */
    public List<Point> front(List<Point> points) {
        List<Point> sorted = new ArrayList<>(points);
        Comparator<Point> byMetric = Comparator.comparingDouble(Point::metric);
        sorted.sort(Comparator.comparingDouble(Point::cost).thenComparing(
                goal == Goal.MAXIMIZE ? byMetric.reversed() : byMetric));
        List<Point> front = new ArrayList<>();
        for (Point p : sorted) {
            if (front.isEmpty() || goal.better(p.metric(), front.get(front.size() - 1).metric())) {
                front.add(p);
            }
        }
        return front;
    }

    /** @throws IllegalArgumentException if a column is missing or no row is ok */
    public Figure plot(Table results, String cost, String metric, String group) {
        Data.require(results, cost, metric, group);
        List<Integer> rows = Data.okRows(results, metric, cost);
        if (rows.isEmpty()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "No ok row with values of %s and %s in table %s", metric, cost, results.name()));
        }
        var c = Data.numeric(results, cost);
        var m = Data.numeric(results, metric);
        var g = results.column(group);
        List<Point> points = new ArrayList<>();
        for (String level : Data.levels(results, group, rows)) {
            List<Integer> own = rows.stream().filter(r -> g.getString(r).equals(level)).toList();
            points.add(new Point(level, own.stream().mapToDouble(c::getDouble).average().orElseThrow(),
                    own.stream().mapToDouble(m::getDouble).average().orElseThrow()));
        }
        List<Point> front = front(points);
        XYChart chart = new XYChartBuilder().width(style.width()).height(style.height())
                .title(Data.title(title, metric + " against " + cost)).xAxisTitle(cost).yAxisTitle(metric).build();
        Theme.apply(chart, style);
        chart.getStyler().setMarkerSize(Math.max(7, style.tickFontSize()));
        List<Point> rest = points.stream().filter(p -> !front.contains(p)).toList();
        if (!rest.isEmpty()) {
            XYSeries s = chart.addSeries("dominated", rest.stream().mapToDouble(Point::cost).toArray(),
                    rest.stream().mapToDouble(Point::metric).toArray());
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            s.setMarker(SeriesMarkers.CIRCLE);
            s.setMarkerColor(style.palette().translucent(0, 150));
        }
        XYSeries f = chart.addSeries("Pareto front", front.stream().mapToDouble(Point::cost).toArray(),
                front.stream().mapToDouble(Point::metric).toArray());
        f.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Step);
        f.setMarker(SeriesMarkers.DIAMOND);
        f.setMarkerColor(FRONT);
        f.setLineColor(FRONT);
        f.setLineStyle(new BasicStroke(1.8f));
        return new Figure("pareto", chart, style);
    }
}
