package org.sweeplab.figures;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.sweeplab.analysis.Ranking;
import org.sweeplab.analysis.RankingResult;

/**
 * A ranking, as {@link Ranking} computed it: each ranked group's mean with its confidence interval
 * as an error bar, best first. The best group is drawn in black, groups the ranking finds
 * distinguishable from the best (Holm-adjusted, paired by seed when it paired) in blue, the others
 * in orange. It draws the result and computes nothing: the figure and the report cannot disagree.
 *
 * <pre>
 * {@code Figure f = RankingPlot.withDefaults().plot(Ranking.withDefaults().rank(runs, "score"), "score");}
 * </pre>
 *
 * <p>Series, for reading the figure's data: {@code 95% CI} (interval mid-points with half-widths as
 * error bars), {@code best}, {@code indistinguishable from best} and {@code worse than best} (the
 * mean where the group is in that class, null elsewhere). A group with one value has no interval
 * and is drawn collapsed onto its mean.
 */
public final class RankingPlot {

  static final Color BEST = Color.BLACK;
  static final Color TIED = new Color(0xE69F00);
  static final Color WORSE = new Color(0x0072B2);
  static final String CI = "95% CI";
  static final String[] CLASSES = {"best", "indistinguishable from best", "worse than best"};
  private final FigureStyle style;
  private final String title;
  private final int maxEntries;
  private final Map<String, String> labels;

  private RankingPlot(FigureStyle style, String title, int maxEntries, Map<String, String> labels) {
    this.style = style;
    this.title = title;
    this.maxEntries = maxEntries;
    this.labels = Map.copyOf(labels);
  }

  /** Every ranked group, labelled as the ranking labels it. */
  public static RankingPlot withDefaults() {
    return new RankingPlot(FigureStyle.withDefaults(), null, Integer.MAX_VALUE, Map.of());
  }

  public RankingPlot withStyle(FigureStyle style) {
    return new RankingPlot(style, title, maxEntries, labels);
  }

  public RankingPlot withTitle(String title) {
    return new RankingPlot(style, title, maxEntries, labels);
  }

  /**
   * @param max the number of best groups drawn, at least 1
   * @throws IllegalArgumentException if max &lt; 1
   */
  public RankingPlot withMaxEntries(int max) {
    if (max < 1) {
      throw new IllegalArgumentException("A ranking figure shows at least 1 group, not " + max);
    }
    return new RankingPlot(style, title, max, labels);
  }

  /**
   * @param names display names by group label (e.g. parameter values by variation id); others keep
   *     their label
   */
  public RankingPlot withLabels(Map<String, String> names) {
    return new RankingPlot(style, title, maxEntries, names);
  }

  /**
   * @param axisTitle the title of the value axis (the metric)
   * @throws IllegalArgumentException if no group of the ranking has a value
   */
  public Figure plot(RankingResult ranking, String axisTitle) {
    List<RankingResult.Entry> entries = ranking.entries();
    if (entries.isEmpty()) {
      throw new IllegalArgumentException(
          "Ranking " + ranking.resultTable().name() + " has no group with a value");
    }
    entries = entries.subList(0, Math.min(maxEntries, entries.size()));
    List<String> names = new ArrayList<>();
    List<Double> mid = new ArrayList<>();
    List<Double> half = new ArrayList<>();
    List<List<Double>> classes = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (RankingResult.Entry e : entries) {
      names.add(unique(names, labels.getOrDefault(e.label(), e.label())));
      double lo = Double.isNaN(e.ciLow()) ? e.mean() : e.ciLow();
      double hi = Double.isNaN(e.ciHigh()) ? e.mean() : e.ciHigh();
      mid.add((lo + hi) / 2);
      half.add((hi - lo) / 2);
      min = Math.min(min, lo);
      max = Math.max(max, hi);
      int cls = e.best() ? 0 : e.distinguishableFromBest() ? 2 : 1;
      for (int c = 0; c < 3; c++) {
        classes.get(c).add(c == cls ? e.mean() : null);
      }
    }
    CategoryChart chart =
        new CategoryChartBuilder()
            .width(style.width())
            .height(style.height())
            .title(Data.title(title, "Ranking by " + axisTitle))
            .xAxisTitle("")
            .yAxisTitle(axisTitle)
            .build();
    Theme.apply(chart, style);
    chart.getStyler().setOverlapped(true);
    chart.getStyler().setErrorBarsColorSeriesColor(false);
    chart.getStyler().setErrorBarsColor(Theme.TEXT);
    chart.getStyler().setMarkerSize(Math.max(8, style.labelFontSize()));
    chart.getStyler().setXAxisLabelRotation(entries.size() > 8 ? 45 : 0);
    double pad = Math.max(1e-9, (max - min) * 0.08);
    chart.getStyler().setYAxisMin(min - pad).setYAxisMax(max + pad);
    CategorySeries ci = chart.addSeries(CI, names, mid, half);
    ci.setChartCategorySeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Scatter);
    ci.setMarker(SeriesMarkers.NONE).setShowInLegend(false);
    Color[] colours = {BEST, TIED, WORSE};
    for (int c = 0; c < 3; c++) {
      if (classes.get(c).stream().allMatch(java.util.Objects::isNull)) {
        continue;
      }
      CategorySeries s = chart.addSeries(CLASSES[c], names, classes.get(c));
      s.setChartCategorySeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Scatter);
      s.setMarker(c == 0 ? SeriesMarkers.DIAMOND : SeriesMarkers.CIRCLE).setMarkerColor(colours[c]);
    }
    return new Figure("ranking", chart, style);
  }

  /** Category names must differ: a repeated display name gets " (2)", " (3)", ... */
  private static String unique(List<String> taken, String name) {
    String out = name;
    for (int k = 2; taken.contains(out); k++) {
      out = name + " (" + k + ")";
    }
    return out;
  }
}
