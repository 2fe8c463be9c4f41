package org.sweeplab.figures;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * A metric against a numeric parameter: per group, the mean of the ok runs at each parameter value, joined
 * by a line, with its 95% t-interval as a band. Without a group column, one curve over all runs.
 */
public final class ParameterCurvePlot {

    private final FigureStyle style;
    private final String title;

    private ParameterCurvePlot(FigureStyle style, String title) {
        this.style = style;
        this.title = title;
    }

    public static ParameterCurvePlot withDefaults() {
        return new ParameterCurvePlot(FigureStyle.withDefaults(), null);
    }

    public ParameterCurvePlot withStyle(FigureStyle style) {
        return new ParameterCurvePlot(style, title);
    }

    public ParameterCurvePlot withTitle(String title) {
        return new ParameterCurvePlot(style, title);
    }

    /**
     * @param group the column whose levels get one curve each, or null for one curve
     * @throws IllegalArgumentException if a column is missing, the parameter is not numeric, or no row is ok
     */
    public Figure plot(Table results, String metric, String parameter, String group) {
        Data.require(results, metric, parameter);
        if (group != null) {
            Data.require(results, group);
        }
        List<Integer> rows = Data.okRows(results, metric, parameter);
        if (rows.isEmpty()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "No ok row with values of %s and %s in table %s", metric, parameter, results.name()));
        }
        var m = Data.numeric(results, metric);
        var x = Data.numeric(results, parameter);
        Column<?> g = group == null ? null : results.column(group);
        XYChart chart = new XYChartBuilder().width(style.width()).height(style.height())
                .title(Data.title(title, metric + " against " + parameter)).xAxisTitle(parameter)
                .yAxisTitle(metric).build();
        Theme.apply(chart, style);
        chart.getStyler().setMarkerSize(Math.max(5, style.tickFontSize() / 2 + 2));
        List<String> levels = g == null ? List.of("all runs") : Data.levels(results, group, rows);
        for (int i = 0; i < levels.size(); i++) {
            String level = levels.get(i);
            List<Integer> own = g == null ? rows : rows.stream().filter(r -> g.getString(r).equals(level)).toList();
            List<String> xs = Data.levels(results, parameter, own);
            List<Double> xv = new ArrayList<>();
            List<Data.Summary> sums = new ArrayList<>();
            for (String xl : xs) {
                List<Integer> cell = own.stream().filter(r -> x.getString(r).equals(xl)).toList();
                xv.add(x.getDouble(cell.get(0)));
                sums.add(Data.summarize(xl, cell.stream().mapToDouble(m::getDouble).toArray()));
            }
            double[] px = xv.stream().mapToDouble(Double::doubleValue).toArray();
            double[] mean = sums.stream().mapToDouble(Data.Summary::mean).toArray();
            double[] low = sums.stream().mapToDouble(s -> s.n() >= 2 ? s.low() : Double.NaN).toArray();
            double[] high = sums.stream().mapToDouble(s -> s.n() >= 2 ? s.high() : Double.NaN).toArray();
            Bands.add(chart, level, px, mean, low, high, style.palette().color(i), style.palette().translucent(i, 50));
        }
        return new Figure("parameter-curve", chart, style);
    }
}
