package org.sweeplab.figures;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.BoxChart;
import org.knowm.xchart.BoxChartBuilder;
import org.knowm.xchart.BoxSeries;
import org.knowm.xchart.style.BoxStyler;
import org.sweeplab.analysis.GroupedValues;
import org.sweeplab.analysis.MetricAccumulator;
import org.sweeplab.analysis.Runs;

/**
 * Box plots of a metric, one box per group of the runs (a variation, a parameter, any group
 * columns). Boxes show the type-7 quartiles (R's default, the same as {@link
 * org.sweeplab.analysis.VariationStatistics}'s q1, median, q3) and whiskers to the last point
 * within 1.5 IQR. Runs that are not ok or lack the metric are left out. Levels that are all numbers
 * are ordered by value, others by first appearance.
 *
 * <pre>{@code Figure f = BoxPlot.withDefaults().plot(runs.withGroups("strategy"), "score");}</pre>
 */
public final class BoxPlot {

  private final FigureStyle style;
  private final String title;
  private final Map<String, String> names;

  private BoxPlot(FigureStyle style, String title, Map<String, String> names) {
    this.style = style;
    this.title = title;
    this.names = Map.copyOf(names);
  }

  public static BoxPlot withDefaults() {
    return new BoxPlot(FigureStyle.withDefaults(), null, Map.of());
  }

  public BoxPlot withStyle(FigureStyle style) {
    return new BoxPlot(style, title, names);
  }

  /**
   * @param title the chart title; by default "METRIC by GROUP"
   */
  public BoxPlot withTitle(String title) {
    return new BoxPlot(style, title, names);
  }

  /**
   * @param names display names by group label (e.g. parameter values by variation id); others keep
   *     theirs
   */
  public BoxPlot withLabels(Map<String, String> names) {
    return new BoxPlot(style, title, names);
  }

  /** Groups with more values than this are drawn from their five-number summary. */
  static final int MAX_DRAWN_VALUES = 10_000;

  /**
   * @return the values to hand to the chart: all of them, or for a large group its minimum,
   *     quartiles and maximum (type-7 quantiles, which the chart's N_LESS_1_PLUS_1 method
   *     reproduces from those five points), so a box of millions of runs draws the same box without
   *     millions of outlier marks
   */
  static double[] drawn(double[] values) {
    if (values.length <= MAX_DRAWN_VALUES) {
      return values;
    }
    MetricAccumulator m = MetricAccumulator.of(values);
    return new double[] {m.min(), m.lowerQuartile(), m.median(), m.upperQuartile(), m.max()};
  }

  /**
   * One box per group of the runs ({@link Runs#groups()}), of the metric's values in ok runs (NaN
   * left out).
   *
   * @throws IllegalArgumentException if the runs have no group columns or no ok value
   */
  public Figure plot(Runs runs, String metric) {
    List<String> groups = runs.groups();
    if (groups.isEmpty()) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "Table %s has no group column; group it with withGroups or --by",
              runs.name()));
    }
    Map<String, double[]> values = new LinkedHashMap<>();
    for (GroupedValues.Group g : GroupedValues.of(runs, metric)) {
      if (g.values().length > 0) {
        values.put(String.join(" / ", g.key()), drawn(g.values()));
      }
    }
    if (values.isEmpty()) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT, "No ok row with a value of %s in table %s", metric, runs.name()));
    }
    String axis = String.join(" / ", groups);
    BoxChart chart =
        new BoxChartBuilder()
            .width(style.width())
            .height(style.height())
            .title(Data.title(title, metric + " by " + axis))
            .xAxisTitle(axis)
            .yAxisTitle(metric)
            .build();
    Theme.apply(chart, style);
    chart.getStyler().setLegendVisible(false);
    chart
        .getStyler()
        .setBoxplotCalCulationMethod(BoxStyler.BoxplotCalCulationMethod.N_LESS_1_PLUS_1);
    int i = 0;
    for (String level : Data.ordered(values.keySet())) {
      BoxSeries s = chart.addSeries(names.getOrDefault(level, level), values.get(level));
      s.setFillColor(style.palette().translucent(i, 90));
      s.setLineColor(style.palette().color(i));
      i++;
    }
    return new Figure("box", chart, style);
  }
}
