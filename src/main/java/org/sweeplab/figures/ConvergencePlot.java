package org.sweeplab.figures;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Convergence over replicates: per group, the running mean of a metric and its 95% t-interval against the
 * number of ok replicates taken so far (in replicate order). The band starts at 3 replicates, as the
 * interval from 2 (t = 12.7) would dwarf the rest. A band that stops narrowing says more replicates
 * buy little.
 */
public final class ConvergencePlot {

    private final FigureStyle style;
    private final String title;
    private final String replicateColumn;

    private ConvergencePlot(FigureStyle style, String title, String replicateColumn) {
        this.style = style;
        this.title = title;
        this.replicateColumn = replicateColumn;
    }

    /** Replicates ordered by the {@code replicate} column. */
    public static ConvergencePlot withDefaults() {
        return new ConvergencePlot(FigureStyle.withDefaults(), null, "replicate");
    }

    public ConvergencePlot withStyle(FigureStyle style) {
        return new ConvergencePlot(style, title, replicateColumn);
    }

    public ConvergencePlot withTitle(String title) {
        return new ConvergencePlot(style, title, replicateColumn);
    }

    public ConvergencePlot withReplicateColumn(String column) {
        return new ConvergencePlot(style, title, column);
    }

    /** @throws IllegalArgumentException if a column is missing or no row is ok */
    public Figure plot(Table results, String metric, String group) {
        Data.require(results, metric, group, replicateColumn);
        List<Integer> rows = Data.okRows(results, metric);
        if (rows.isEmpty()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "No ok row with a value of %s in table %s", metric, results.name()));
        }
        var m = Data.numeric(results, metric);
        var rep = Data.numeric(results, replicateColumn);
        Column<?> g = results.column(group);
        XYChart chart = new XYChartBuilder().width(style.width()).height(style.height())
                .title(Data.title(title, "Running mean of " + metric)).xAxisTitle("replicates")
                .yAxisTitle(metric).build();
        Theme.apply(chart, style);
        chart.getStyler().setMarkerSize(Math.max(4, style.tickFontSize() / 2));
        chart.getStyler().setXAxisDecimalPattern("0");
        int i = 0;
        for (String level : Data.levels(results, group, rows)) {
            List<Integer> own = new ArrayList<>(rows.stream().filter(r -> g.getString(r).equals(level)).toList());
            own.sort(Comparator.comparingDouble(rep::getDouble));
            int n = own.size();
            double[] xs = new double[n];
            double[] mean = new double[n];
            double[] low = new double[n];
            double[] high = new double[n];
            double sum = 0;
            double sumSq = 0;
            for (int k = 0; k < n; k++) {
                double v = m.getDouble(own.get(k));
                sum += v;
                sumSq += v * v;
                int count = k + 1;
                xs[k] = count;
                mean[k] = sum / count;
                if (count >= 3) {
                    double var = Math.max(0, (sumSq - count * mean[k] * mean[k]) / (count - 1));
                    double half = Data.tQuantile(count - 1) * Math.sqrt(var / count);
                    low[k] = mean[k] - half;
                    high[k] = mean[k] + half;
                } else {
                    low[k] = Double.NaN;
                    high[k] = Double.NaN;
                }
            }
            Bands.add(chart, level, xs, mean, low, high, style.palette().color(i), style.palette().translucent(i, 50));
            if (n > 30) {
                chart.getSeriesMap().get(level).setMarker(org.knowm.xchart.style.markers.SeriesMarkers.NONE);
            }
            i++;
        }
        return new Figure("convergence", chart, style);
    }
}
