package org.sweeplab.figures;

import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.BoxChart;
import org.knowm.xchart.BoxChartBuilder;
import org.knowm.xchart.BoxSeries;
import tech.tablesaw.api.Table;

/**
 * Box plots of a metric, one box per level of a group column (a variation or a parameter). Boxes show the
 * quartiles (XChart's default, linear interpolation) and whiskers to the last point within 1.5 IQR.
 * Rows that are not {@code ok} or lack the metric are left out.
 *
 * <pre>{@code Figure f = BoxPlot.withDefaults().plot(results, "score", "variation_id");}</pre>
 */
public final class BoxPlot {

    private final FigureStyle style;
    private final String title;

    private BoxPlot(FigureStyle style, String title) {
        this.style = style;
        this.title = title;
    }

    public static BoxPlot withDefaults() {
        return new BoxPlot(FigureStyle.withDefaults(), null);
    }

    public BoxPlot withStyle(FigureStyle style) {
        return new BoxPlot(style, title);
    }

    /** @param title the chart title; by default "METRIC by GROUP" */
    public BoxPlot withTitle(String title) {
        return new BoxPlot(style, title);
    }

    /**
     * @throws IllegalArgumentException if a column is missing, the metric is not numeric, or no row is ok
     */
    public Figure plot(Table results, String metric, String group) {
        Data.require(results, metric, group);
        Map<String, double[]> groups = Data.groupValues(results, metric, group);
        if (groups.isEmpty()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "No ok row with a value of %s in table %s", metric, results.name()));
        }
        BoxChart chart = new BoxChartBuilder().width(style.width()).height(style.height())
                .title(Data.title(title, metric + " by " + group)).xAxisTitle(group).yAxisTitle(metric).build();
        Theme.apply(chart, style);
        chart.getStyler().setLegendVisible(false);
        int i = 0;
        for (Map.Entry<String, double[]> e : groups.entrySet()) {
            BoxSeries s = chart.addSeries(e.getKey(), e.getValue());
            s.setFillColor(style.palette().translucent(i, 90));
            s.setLineColor(style.palette().color(i));
            i++;
        }
        return new Figure("box", chart, style);
    }
}
