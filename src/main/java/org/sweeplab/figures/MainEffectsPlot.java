package org.sweeplab.figures;

import java.awt.BasicStroke;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.sweeplab.analysis.MainEffectsResult;
import org.sweeplab.analysis.VariationStatisticsResult;

/**
 * A main-effects plot: for each parameter, the mean of a metric at each of its levels with its t
 * interval, as {@link org.sweeplab.analysis.VariationStatistics} computed them for the runs grouped
 * by that parameter, side by side on one axis labelled {@code parameter=level}, against the dashed
 * overall mean. Steep lines mark the parameters that matter.
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

  /**
   * @param levelStatistics per parameter, in drawing order, the VariationStatistics result of the
   *     runs grouped by that parameter alone (its level means and their intervals)
   * @throws IllegalArgumentException if no parameter is given, a column is missing, or no level has
   *     a value
   */
  public Figure plot(Map<String, VariationStatisticsResult> levelStatistics, String metric) {
    Map<String, List<Data.Cell>> cells = new LinkedHashMap<>();
    levelStatistics.forEach((p, s) -> cells.put(p, Data.cells(s, List.of(p))));
    return draw(cells, metric);
  }

  /**
   * The main effects as the analysis found them: the level means and intervals of {@link
   * MainEffectsResult#levels(String)} (at the analysis's confidence), nothing computed here.
   *
   * @param parameters the parameters to draw, in drawing order
   * @throws IllegalArgumentException if no parameter is given, one has no levels in the result, or
   *     no level has a value
   */
  public Figure plot(MainEffectsResult effects, List<String> parameters) {
    Map<String, List<Data.Cell>> cells = new LinkedHashMap<>();
    for (String p : parameters) {
      List<MainEffectsResult.Level> levels = Data.levels(effects, p);
      cells.put(
          p,
          levels.stream()
              .map(
                  l ->
                      new Data.Cell(
                          List.of(l.level()),
                          l.runs(),
                          l.n(),
                          l.mean(),
                          l.meanCiLow(),
                          l.meanCiHigh(),
                          l.runs() == 0 ? Double.NaN : (double) l.okRuns() / l.runs()))
              .toList());
    }
    return draw(cells, effects.metric());
  }

  private Figure draw(Map<String, List<Data.Cell>> byParameter, String metric) {
    if (byParameter.isEmpty()) {
      throw new IllegalArgumentException("A main-effects plot needs at least one parameter");
    }
    List<String> parameters = new ArrayList<>(byParameter.keySet());
    List<String> categories = new ArrayList<>();
    List<List<Data.Cell>> perParameter = new ArrayList<>();
    double sum = 0;
    long count = 0;
    for (String p : parameters) {
      List<Data.Cell> cells =
          new ArrayList<>(byParameter.get(p).stream().filter(c -> c.n() > 0).toList());
      List<String> order = Data.ordered(cells.stream().map(c -> c.key().get(0)).toList());
      cells.sort(java.util.Comparator.comparingInt(c -> order.indexOf(c.key().get(0))));
      cells.forEach(c -> categories.add(p + "=" + c.key().get(0)));
      perParameter.add(cells);
      if (p.equals(
          parameters.get(0))) { // the overall mean: the level means of one parameter, weighted by n
        for (Data.Cell c : cells) {
          sum += c.n() * c.mean();
          count += c.n();
        }
      }
    }
    if (count == 0) {
      throw new IllegalArgumentException(
          String.format(Locale.ROOT, "No level of %s has an ok value of %s", parameters, metric));
    }
    double grand = sum / count;
    CategoryChart chart =
        new CategoryChartBuilder()
            .width(style.width())
            .height(style.height())
            .title(Data.title(title, "Main effects on " + metric))
            .xAxisTitle("")
            .yAxisTitle(metric)
            .build();
    Theme.apply(chart, style);
    chart.getStyler().setOverlapped(true);
    chart.getStyler().setErrorBarsColorSeriesColor(false);
    chart.getStyler().setErrorBarsColor(Theme.MUTED);
    chart.getStyler().setXAxisLabelRotation(categories.size() > 8 ? 45 : 0);
    List<Double> mid = new ArrayList<>();
    List<Double> half = new ArrayList<>();
    double min = grand;
    double max = grand;
    for (List<Data.Cell> cells : perParameter) {
      for (Data.Cell c :
          cells) { // a level with one value has no interval: drawn collapsed onto its mean
        double lo = Double.isNaN(c.low()) ? c.mean() : c.low();
        double hi = Double.isNaN(c.high()) ? c.mean() : c.high();
        mid.add((lo + hi) / 2);
        half.add((hi - lo) / 2);
        min = Math.min(min, lo);
        max = Math.max(max, hi);
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
    g.setLineStyle(
        new BasicStroke(
            1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
    int offset = 0;
    for (int i = 0; i < parameters.size(); i++) {
      Double[] ys = new Double[categories.size()];
      List<Data.Cell> cells = perParameter.get(i);
      for (int k = 0; k < cells.size(); k++) {
        ys[offset + k] = cells.get(k).mean();
      }
      offset += cells.size();
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
