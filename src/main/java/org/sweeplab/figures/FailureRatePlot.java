package org.sweeplab.figures;

import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * The share of runs that did not end ok, per level of a parameter: stacked bars, one colour per status
 * (failed, timeout, cancelled, skipped, and any other), read from the {@code status} column.
 */
public final class FailureRatePlot {

    private static final Map<String, Color> COLOURS = Map.of(
            "failed", new Color(0xD55E00), "timeout", new Color(0xE69F00),
            "cancelled", new Color(0x999999), "skipped", new Color(0x56B4E9));
    private final FigureStyle style;
    private final String title;

    private FailureRatePlot(FigureStyle style, String title) {
        this.style = style;
        this.title = title;
    }

    public static FailureRatePlot withDefaults() {
        return new FailureRatePlot(FigureStyle.withDefaults(), null);
    }

    public FailureRatePlot withStyle(FigureStyle style) {
        return new FailureRatePlot(style, title);
    }

    public FailureRatePlot withTitle(String title) {
        return new FailureRatePlot(style, title);
    }

    /** @throws IllegalArgumentException if the parameter or status column is missing, or the table is empty */
    public Figure plot(Table results, String parameter) {
        Data.require(results, parameter, Data.STATUS);
        if (results.rowCount() == 0) {
            throw new IllegalArgumentException("Table " + results.name() + " has no rows");
        }
        List<Integer> all = new ArrayList<>();
        for (int r = 0; r < results.rowCount(); r++) {
            all.add(r);
        }
        List<String> levels = Data.levels(results, parameter, all);
        Column<?> p = results.column(parameter);
        Column<?> status = results.column(Data.STATUS);
        Map<String, int[]> counts = new LinkedHashMap<>();
        for (String s : List.of("failed", "timeout", "cancelled", "skipped")) {
            counts.put(s, new int[levels.size()]);
        }
        int[] totals = new int[levels.size()];
        for (int r : all) {
            int level = levels.indexOf(p.getString(r));
            totals[level]++;
            String s = status.getString(r);
            if (!"ok".equals(s)) {
                counts.computeIfAbsent(s.isEmpty() ? "unknown" : s, k -> new int[levels.size()])[level]++;
            }
        }
        CategoryChart chart = new CategoryChartBuilder().width(style.width()).height(style.height())
                .title(Data.title(title, "Runs not ok by " + parameter)).xAxisTitle(parameter)
                .yAxisTitle("share of runs").build();
        Theme.apply(chart, style);
        chart.getStyler().setStacked(true);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisDecimalPattern("0%");
        chart.getStyler().setAvailableSpaceFill(0.6);
        int other = 0;
        boolean none = counts.values().stream().allMatch(c -> java.util.Arrays.stream(c).sum() == 0);
        for (Map.Entry<String, int[]> e : counts.entrySet()) {
            List<Double> share = new ArrayList<>();
            boolean present = false;
            for (int i = 0; i < levels.size(); i++) {
                share.add(totals[i] == 0 ? 0.0 : e.getValue()[i] / (double) totals[i]);
                present |= e.getValue()[i] > 0;
            }
            if (present || (none && e.getKey().equals("failed"))) {
                CategorySeries s = chart.addSeries(e.getKey(), levels, share);
                s.setFillColor(COLOURS.getOrDefault(e.getKey(), style.palette().color(4 + other++)));
            }
        }
        return new Figure("failure-rate", chart, style);
    }
}
