package org.sweeplab.figures;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.sweeplab.analysis.CostEfficiency;
import org.sweeplab.analysis.CostEfficiencyResult;

/**
 * Cost against a metric, as {@link CostEfficiency} computed it: one point per group (mean cost per
 * run, mean metric over its ok runs), with the result's Pareto front joined by a step line and
 * drawn in vermillion. It draws the result and computes nothing.
 *
 * <pre>
 * {@code Figure f = ParetoPlot.withDefaults().plot(CostEfficiency.withDefaults().compute(runs, "score"), "cost");}
 * </pre>
 *
 * <p>Series, for reading the figure's data: {@code Pareto front} (the front's points by increasing
 * cost) and {@code dominated} (the others). Groups without a metric value or a cost are not drawn.
 */
public final class ParetoPlot {

  static final Color FRONT = new Color(0xD55E00);
  static final String FRONT_SERIES = "Pareto front";
  static final String DOMINATED = "dominated";
  private final FigureStyle style;
  private final String title;

  private ParetoPlot(FigureStyle style, String title) {
    this.style = style;
    this.title = title;
  }

  public static ParetoPlot withDefaults() {
    return new ParetoPlot(FigureStyle.withDefaults(), null);
  }

  public ParetoPlot withStyle(FigureStyle style) {
    return new ParetoPlot(style, title);
  }

  public ParetoPlot withTitle(String title) {
    return new ParetoPlot(style, title);
  }

  /**
   * @param cost the name of the cost, for the axis title
   * @throws IllegalArgumentException if no group has both a metric value and a cost
   */
  public Figure plot(CostEfficiencyResult result, String cost) {
    List<CostEfficiencyResult.Row> drawn =
        result.rows().stream()
            .filter(r -> Double.isFinite(r.metricMean()) && Double.isFinite(r.meanCostPerRun()))
            .toList();
    if (drawn.isEmpty()) {
      throw new IllegalArgumentException(
          "No group of the " + result + " has both a mean " + result.metric() + " and a cost");
    }
    List<CostEfficiencyResult.Row> front = result.front();
    List<CostEfficiencyResult.Row> rest = drawn.stream().filter(r -> !r.paretoFront()).toList();
    String metric = result.metric();
    XYChart chart =
        new XYChartBuilder()
            .width(style.width())
            .height(style.height())
            .title(Data.title(title, metric + " against mean " + cost + " per run"))
            .xAxisTitle("mean " + cost + " per run")
            .yAxisTitle(metric)
            .build();
    Theme.apply(chart, style);
    chart.getStyler().setMarkerSize(Math.max(7, style.tickFontSize()));
    if (!rest.isEmpty()) {
      XYSeries s = chart.addSeries(DOMINATED, costs(rest), metrics(rest));
      s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
      s.setMarker(SeriesMarkers.CIRCLE);
      s.setMarkerColor(style.palette().translucent(0, 150));
    }
    XYSeries f = chart.addSeries(FRONT_SERIES, costs(front), metrics(front));
    f.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Step);
    f.setMarker(SeriesMarkers.DIAMOND);
    f.setMarkerColor(FRONT);
    f.setLineColor(FRONT);
    f.setLineStyle(new BasicStroke(1.8f));
    return new Figure("pareto", chart, style);
  }

  private static double[] costs(List<CostEfficiencyResult.Row> rows) {
    return rows.stream().mapToDouble(CostEfficiencyResult.Row::meanCostPerRun).toArray();
  }

  private static double[] metrics(List<CostEfficiencyResult.Row> rows) {
    return rows.stream().mapToDouble(CostEfficiencyResult.Row::metricMean).toArray();
  }
}
