package org.sweeplab.figures;

import java.awt.BasicStroke;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import tech.tablesaw.api.Table;

/**
 * A main-effects plot: for each parameter, the mean of a metric at each of its levels (with 95% t-intervals),
 * side by side on one axis labelled {@code parameter=level}, against the dashed overall mean. Steep lines mark
 * the parameters that matter.
 */
public final class MainEffectsPlot {

    private final FigureStyle style;
    private final String title;

    private MainEffectsPlot(FigureStyle style, String title) {
        this.style = style;
        this.title = title;
    }

    public static MainEffectsPlot withDefaults() {
        return new MainEffectsPlot(FigureStyle.withDefaults(), null);
    }

    public MainEffectsPlot withStyle(FigureStyle style) {
        return new MainEffectsPlot(style, title);
    }

    public MainEffectsPlot withTitle(String title) {
        return new MainEffectsPlot(style, title);
    }

    /** @throws IllegalArgumentException if no parameter is given, a column is missing, or no row is ok */
    public Figure plot(Table results, String metric, List<String> parameters) {
        if (parameters.isEmpty()) {
            throw new IllegalArgumentException("A main-effects plot needs at least one parameter");
        }
        Data.require(results, metric);
        Data.require(results, parameters.toArray(new String[0]));
        List<Integer> rows = Data.okRows(results, metric);
        if (rows.isEmpty()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "No ok row with a value of %s in table %s", metric, results.name()));
        }
        var m = Data.numeric(results, metric);
        double grand = rows.stream().mapToDouble(m::getDouble).average().orElse(Double.NaN);
        List<String> categories = new ArrayList<>();
        List<List<Data.Summary>> perParameter = new ArrayList<>();
        for (String p : parameters) {
            List<Data.Summary> sums = Data.summarizeGroups(results, metric, p);
            sums.forEach(s -> categories.add(p + "=" + s.level()));
            perParameter.add(sums);
        }
        CategoryChart chart = new CategoryChartBuilder().width(style.width()).height(style.height())
                .title(Data.title(title, "Main effects on " + metric)).xAxisTitle("").yAxisTitle(metric).build();
        Theme.apply(chart, style);
        chart.getStyler().setOverlapped(true);
        chart.getStyler().setErrorBarsColorSeriesColor(false);
        chart.getStyler().setErrorBarsColor(Theme.MUTED);
        chart.getStyler().setXAxisLabelRotation(categories.size() > 8 ? 45 : 0);
        List<Double> mid = new ArrayList<>();
        List<Double> half = new ArrayList<>();
        double min = grand;
        double max = grand;
        for (List<Data.Summary> sums : perParameter) {
            for (Data.Summary s : sums) {
                mid.add((s.low() + s.high()) / 2);
                half.add(s.halfWidth());
                min = Math.min(min, s.low());
                max = Math.max(max, s.high());
            }
        }
        double pad = Math.max(1e-9, (max - min) * 0.08);
        chart.getStyler().setYAxisMin(min - pad).setYAxisMax(max + pad);
        CategorySeries ci = chart.addSeries("95% CI", categories, mid, half);
        ci.setChartCategorySeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Scatter);
        ci.setMarker(SeriesMarkers.NONE);
        ci.setShowInLegend(false);
        Double[] overall = new Double[categories.size()];
        Arrays.fill(overall, grand);
        CategorySeries g = chart.addSeries("overall mean", categories, Arrays.asList(overall));
        g.setChartCategorySeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Line);
        g.setMarker(SeriesMarkers.NONE);
        g.setLineColor(Theme.MUTED);
        g.setLineStyle(new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
        int offset = 0;
        for (int i = 0; i < parameters.size(); i++) {
            Double[] ys = new Double[categories.size()];
            List<Data.Summary> sums = perParameter.get(i);
            for (int k = 0; k < sums.size(); k++) {
                ys[offset + k] = sums.get(k).mean();
            }
            offset += sums.size();
            CategorySeries s = chart.addSeries(parameters.get(i), categories, Arrays.asList(ys));
            s.setChartCategorySeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Line);
            s.setLineColor(style.palette().color(i));
            s.setMarkerColor(style.palette().color(i));
            s.setMarker(SeriesMarkers.CIRCLE);
            s.setLineStyle(new BasicStroke(2f));
        }
        return new Figure("main-effects", chart, style);
    }
}
