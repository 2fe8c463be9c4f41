package org.sweeplab.figures;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.sweeplab.analysis.VariationStatisticsResult;

/**
 * A metric against a numeric parameter: per group, the mean of the ok runs at each parameter value,
 * joined by a line, with its t interval as a band, as {@link
 * org.sweeplab.analysis.VariationStatistics} computed them. Without a group column, one curve over
 * all runs.
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
   * @param statistics the VariationStatistics result of the runs grouped by the parameter, or by
   *     the group column and the parameter
   * @param group the column whose levels get one curve each, or null for one curve
   * @throws IllegalArgumentException if a column is missing, the parameter is not numeric, or no
   *     cell has a value
   */
  public Figure plot(
      VariationStatisticsResult statistics, String metric, String parameter, String group) {
    List<String> key = group == null ? List.of(parameter) : List.of(group, parameter);
    List<Data.Cell> cells = Data.cells(statistics, key).stream().filter(c -> c.n() > 0).toList();
    if (cells.isEmpty()) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT, "No cell of %s has an ok value of %s", Data.name(statistics), metric));
    }
    int xAt = key.size() - 1;
    for (Data.Cell c : cells) {
      try {
        Double.parseDouble(c.key().get(xAt));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "Parameter %s has the value '%s', not a number; a curve needs a numeric parameter",
                parameter,
                c.key().get(xAt)));
      }
    }
    XYChart chart =
        new XYChartBuilder()
            .width(style.width())
            .height(style.height())
            .title(Data.title(title, metric + " against " + parameter))
            .xAxisTitle(parameter)
            .yAxisTitle(metric)
            .build();
    Theme.apply(chart, style);
    chart.getStyler().setMarkerSize(Math.max(5, style.tickFontSize() / 2 + 2));
    List<String> levels =
        group == null
            ? List.of("all runs")
            : Data.ordered(cells.stream().map(c -> c.key().get(0)).toList());
    for (int i = 0; i < levels.size(); i++) {
      String level = levels.get(i);
      List<Data.Cell> own =
          new ArrayList<>(
              group == null
                  ? cells
                  : cells.stream().filter(c -> c.key().get(0).equals(level)).toList());
      own.sort(Comparator.comparingDouble(c -> Double.parseDouble(c.key().get(xAt))));
      double[] px = own.stream().mapToDouble(c -> Double.parseDouble(c.key().get(xAt))).toArray();
      double[] mean = own.stream().mapToDouble(Data.Cell::mean).toArray();
      double[] low = own.stream().mapToDouble(Data.Cell::low).toArray();
      double[] high = own.stream().mapToDouble(Data.Cell::high).toArray();
      Bands.add(
          chart,
          level,
          px,
          mean,
          low,
          high,
          style.palette().color(i),
          style.palette().translucent(i, 50));
    }
    return new Figure("parameter-curve", chart, style);
  }
}
