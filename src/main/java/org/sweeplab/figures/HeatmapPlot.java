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
import org.sweeplab.analysis.VariationStatisticsResult;

/**
 * A heatmap of a metric over two parameters: each cell's mean over its ok runs, written in the
 * cell, as {@link org.sweeplab.analysis.VariationStatistics} computed it for the runs grouped by
 * the two parameters. Cells without an ok value stay blank. The colour ramp is viridis (sequential,
 * colour-blind safe); its legend is piecewise, as a gradient legend would be rasterised in SVG and
 * PDF.
 *
 * <pre>{@code
 * VariationStatisticsResult cells =
 *     VariationStatistics.withDefaults().compute(runs.withGroups("tick_budget", "difficulty"), "score");
 * Figure f = HeatmapPlot.withDefaults().plot(cells, "score", "tick_budget", "difficulty");
 * }</pre>
 */
public final class HeatmapPlot {

  static final Color[] VIRIDIS = {
    new Color(0x440154),
    new Color(0x3B528B),
    new Color(0x21908C),
    new Color(0x5DC863),
    new Color(0xFDE725)
  };
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

  /**
   * @param statistics a VariationStatistics result with the group columns xParameter and yParameter
   * @throws IllegalArgumentException if a column is missing or no cell has a value
   */
  public Figure plot(
      VariationStatisticsResult statistics, String metric, String xParameter, String yParameter) {
    List<Data.Cell> all = Data.cells(statistics, List.of(xParameter, yParameter));
    List<Data.Cell> cells = all.stream().filter(c -> c.n() > 0).toList();
    if (cells.isEmpty()) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT, "No cell of %s has an ok value of %s", Data.name(statistics), metric));
    }
    List<String> xs = Data.ordered(cells.stream().map(c -> c.key().get(0)).toList());
    List<String> ys = Data.ordered(cells.stream().map(c -> c.key().get(1)).toList());
    Map<String, Double> means = new HashMap<>();
    cells.forEach(c -> means.put(c.key().get(0) + "\u0000" + c.key().get(1), c.mean()));
    List<Number[]> data = new ArrayList<>();
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < xs.size(); i++) {
      for (int j = 0; j < ys.size(); j++) {
        Double mean = means.get(xs.get(i) + "\u0000" + ys.get(j));
        if (mean != null) {
          data.add(new Number[] {i, j, mean});
          min = Math.min(min, mean);
          max = Math.max(max, mean);
        }
      }
    }
    HeatMapChart chart =
        new HeatMapChartBuilder()
            .width(style.width())
            .height(style.height())
            .title(Data.title(title, "mean " + metric))
            .xAxisTitle(xParameter)
            .yAxisTitle(yParameter)
            .build();
    Theme.apply(chart, style);
    chart.getStyler().setRangeColors(VIRIDIS);
    chart.getStyler().setShowValue(true);
    chart.getStyler().setPiecewise(true).setSplitNumber(VIRIDIS.length);
    chart.getStyler().setValueFont(new Font(style.fontFamily(), Font.PLAIN, style.tickFontSize()));
    chart.getStyler().setValueFontColor(Color.WHITE);
    double magnitude = Math.max(Math.abs(min), Math.abs(max));
    int decimals =
        magnitude == 0 ? 0 : Math.max(0, Math.min(6, 2 - (int) Math.floor(Math.log10(magnitude))));
    chart
        .getStyler()
        .setHeatMapValueDecimalPattern(decimals == 0 ? "0" : "0." + "0".repeat(decimals));
    chart.getStyler().setMin(min).setMax(max > min ? max : min + 1);
    chart.getStyler().setPlotGridLinesVisible(false);
    chart.getStyler().setDrawBorder(false);
    chart.addSeries("mean " + metric, xs, ys, data);
    return new Figure("heatmap", chart, style);
  }
}
