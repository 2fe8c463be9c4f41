package org.sweeplab.figures;

import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * A heatmap of a metric over two parameters: the mean of the ok runs in each cell, written in the cell.
 * Cells without an ok run stay blank. The colour ramp is viridis (sequential, colour-blind safe); its legend
 * is piecewise, as a gradient legend would be rasterised in SVG and PDF.
 */
public final class HeatmapPlot {

    static final Color[] VIRIDIS = {new Color(0x440154), new Color(0x3B528B), new Color(0x21908C),
        new Color(0x5DC863), new Color(0xFDE725)};
    private final FigureStyle style;
    private final String title;

    private HeatmapPlot(FigureStyle style, String title) {
        this.style = style;
        this.title = title;
    }

    public static HeatmapPlot withDefaults() {
        return new HeatmapPlot(FigureStyle.withDefaults(), null);
    }

    public HeatmapPlot withStyle(FigureStyle style) {
        return new HeatmapPlot(style, title);
    }

    public HeatmapPlot withTitle(String title) {
        return new HeatmapPlot(style, title);
    }

    /** @throws IllegalArgumentException if a column is missing or no row is ok */
    public Figure plot(Table results, String metric, String xParameter, String yParameter) {
        Data.require(results, metric, xParameter, yParameter);
        List<Integer> rows = Data.okRows(results, metric);
        if (rows.isEmpty()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "No ok row with a value of %s in table %s", metric, results.name()));
        }
        List<String> xs = Data.levels(results, xParameter, rows);
        List<String> ys = Data.levels(results, yParameter, rows);
        Column<?> xc = results.column(xParameter);
        Column<?> yc = results.column(yParameter);
        var m = Data.numeric(results, metric);
        Map<String, double[]> sums = new HashMap<>();
        for (int r : rows) {
            double[] acc = sums.computeIfAbsent(xc.getString(r) + "\u0000" + yc.getString(r), k -> new double[2]);
            acc[0] += m.getDouble(r);
            acc[1]++;
        }
        List<Number[]> cells = new ArrayList<>();
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < xs.size(); i++) {
            for (int j = 0; j < ys.size(); j++) {
                double[] acc = sums.get(xs.get(i) + "\u0000" + ys.get(j));
                if (acc != null) {
                    double mean = acc[0] / acc[1];
                    cells.add(new Number[] {i, j, mean});
                    min = Math.min(min, mean);
                    max = Math.max(max, mean);
                }
            }
        }
        HeatMapChart chart = new HeatMapChartBuilder().width(style.width()).height(style.height())
                .title(Data.title(title, "mean " + metric)).xAxisTitle(xParameter).yAxisTitle(yParameter).build();
        Theme.apply(chart, style);
        chart.getStyler().setRangeColors(VIRIDIS);
        chart.getStyler().setShowValue(true);
        chart.getStyler().setPiecewise(true).setSplitNumber(VIRIDIS.length);
        chart.getStyler().setValueFont(new Font(style.fontFamily(), Font.PLAIN, style.tickFontSize()));
        chart.getStyler().setValueFontColor(Color.WHITE);
        double magnitude = Math.max(Math.abs(min), Math.abs(max));
        int decimals = magnitude == 0 ? 0 : Math.max(0, Math.min(6, 2 - (int) Math.floor(Math.log10(magnitude))));
        chart.getStyler().setHeatMapValueDecimalPattern(decimals == 0 ? "0" : "0." + "0".repeat(decimals));
        chart.getStyler().setMin(min).setMax(max > min ? max : min + 1);
        chart.getStyler().setPlotGridLinesVisible(false);
        chart.getStyler().setDrawBorder(false);
        chart.addSeries("mean " + metric, xs, ys, cells);
        return new Figure("heatmap", chart, style);
    }
}
