package org.sweeplab.figures;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.sweeplab.analysis.MorrisResult;
import org.sweeplab.analysis.SobolResult;

/**
 * The figures of a sensitivity analysis, drawn from its result record and computing nothing (the
 * figure, the report and sensitivity.csv cannot disagree):
 *
 * <ul>
 *   <li>{@link #indices(SobolResult)}: S1 and ST of every factor with their bootstrap intervals as
 *       error bars;
 *   <li>{@link #convergence(SobolResult)}: S1 and ST against the base rows used (N/8 … N), with
 *       intervals;
 *   <li>{@link #muStar(MorrisResult)}: μ* of every factor with its interval;
 *   <li>{@link #muStarSigma(MorrisResult)}: σ against μ* (Morris's plane: near the origin a factor
 *       is negligible, far right it matters, high up it interacts or acts non-linearly), one marker
 *       per factor.
 * </ul>
 *
 * <pre>
 * {@code Figure f = SensitivityPlot.withDefaults().indices(Sensitivity.sobol(runs, "y", layout));}
 * </pre>
 */
public final class SensitivityPlot {

  private final FigureStyle style;

  private SensitivityPlot(FigureStyle style) {
    this.style = style;
  }

  public static SensitivityPlot withDefaults() {
    return new SensitivityPlot(FigureStyle.withDefaults());
  }

  public SensitivityPlot withStyle(FigureStyle style) {
    return new SensitivityPlot(style);
  }

  /** S1 and ST by factor, each a marker with its interval. Series {@code S1} and {@code ST}. */
  public Figure indices(SobolResult r) {
    List<String> factors =
        r.indices().stream()
            .filter(i -> i.kind() == SobolResult.Kind.S1)
            .map(SobolResult.Index::parameter)
            .toList();
    CategoryChart chart =
        new CategoryChartBuilder()
            .width(style.width())
            .height(style.height())
            .title("Sobol indices of " + r.metric() + percent(r.confidence()))
            .xAxisTitle("")
            .yAxisTitle("share of variance")
            .build();
    Theme.apply(chart, style);
    chart.getStyler().setOverlapped(true);
    chart.getStyler().setErrorBarsColorSeriesColor(true);
    chart.getStyler().setMarkerSize(Math.max(8, style.labelFontSize()));
    chart.getStyler().setXAxisLabelRotation(factors.size() > 8 ? 45 : 0);
    int c = 0;
    for (SobolResult.Kind kind : List.of(SobolResult.Kind.S1, SobolResult.Kind.ST)) {
      List<Double> est = new ArrayList<>();
      List<Double> mid = new ArrayList<>();
      List<Double> half = new ArrayList<>();
      for (String f : factors) {
        SobolResult.Index i = r.index(f, kind);
        est.add(i.estimate());
        mid.add(mid(i.estimate(), i.low(), i.high()));
        half.add(half(i.low(), i.high()));
      }
      java.awt.Color colour = style.palette().color(c++);
      CategorySeries bars = chart.addSeries(kind.name() + " interval", factors, mid, half);
      bars.setChartCategorySeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Scatter);
      bars.setMarker(SeriesMarkers.NONE);
      bars.setShowInLegend(false);
      bars.setLineColor(colour);
      CategorySeries s = chart.addSeries(kind.name(), factors, est);
      s.setChartCategorySeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Scatter);
      s.setMarker(kind == SobolResult.Kind.S1 ? SeriesMarkers.CIRCLE : SeriesMarkers.DIAMOND);
      s.setMarkerColor(colour);
    }
    return new Figure("sensitivity-indices", chart, style);
  }

  /** S1 and ST of every factor against the base rows used, with their intervals as error bars. */
  public Figure convergence(SobolResult r) {
    XYChart chart =
        new XYChartBuilder()
            .width(style.width())
            .height(style.height())
            .title("Convergence of the Sobol indices of " + r.metric())
            .xAxisTitle("base rows N")
            .yAxisTitle("index")
            .build();
    Theme.apply(chart, style);
    chart.getStyler().setXAxisLogarithmic(true);
    chart.getStyler().setXAxisDecimalPattern("0");
    chart.getStyler().setErrorBarsColorSeriesColor(true);
    chart.getStyler().setMarkerSize(Math.max(6, style.tickFontSize() / 2));
    List<SobolResult.Index> last = r.convergence().get(r.convergence().size() - 1).indices();
    int c = 0;
    for (SobolResult.Index target : last) {
      if (target.kind() == SobolResult.Kind.S2) {
        continue;
      }
      int n = r.convergence().size();
      double[] x = new double[n];
      double[] y = new double[n];
      double[] mids = new double[n];
      double[] halves = new double[n];
      for (int s = 0; s < n; s++) {
        SobolResult.Step step = r.convergence().get(s);
        SobolResult.Index i =
            step.indices().stream()
                .filter(q -> q.label().equals(target.label()))
                .findFirst()
                .orElseThrow();
        x[s] = step.rows();
        y[s] = i.estimate();
        mids[s] = mid(i.estimate(), i.low(), i.high());
        halves[s] = half(i.low(), i.high());
      }
      java.awt.Color colour = style.palette().color(c++);
      XYSeries bars = chart.addSeries(target.label() + " interval", x, mids, halves);
      bars.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
      bars.setMarker(SeriesMarkers.NONE);
      bars.setShowInLegend(false);
      bars.setLineColor(colour);
      XYSeries s = chart.addSeries(target.label(), x, y);
      s.setMarker(
          target.kind() == SobolResult.Kind.S1 ? SeriesMarkers.CIRCLE : SeriesMarkers.DIAMOND);
      s.setMarkerColor(colour);
      s.setLineColor(colour);
    }
    return new Figure("sensitivity-convergence", chart, style);
  }

  /** μ* by factor with its interval. */
  public Figure muStar(MorrisResult r) {
    List<String> factors = new ArrayList<>();
    List<Double> mid = new ArrayList<>();
    List<Double> mids = new ArrayList<>();
    List<Double> half = new ArrayList<>();
    for (MorrisResult.Row row : r.rows()) {
      factors.add(row.parameter());
      mid.add(row.muStar());
      mids.add(mid(row.muStar(), row.muStarLow(), row.muStarHigh()));
      half.add(half(row.muStarLow(), row.muStarHigh()));
    }
    CategoryChart chart =
        new CategoryChartBuilder()
            .width(style.width())
            .height(style.height())
            .title("Morris \u03bc* of " + r.metric() + percent(r.confidence()))
            .xAxisTitle("")
            .yAxisTitle("\u03bc* (mean |elementary effect|)")
            .build();
    Theme.apply(chart, style);
    chart.getStyler().setOverlapped(true);
    chart.getStyler().setErrorBarsColorSeriesColor(false);
    chart.getStyler().setErrorBarsColor(Theme.TEXT);
    chart.getStyler().setMarkerSize(Math.max(8, style.labelFontSize()));
    chart.getStyler().setXAxisLabelRotation(factors.size() > 8 ? 45 : 0);
    CategorySeries bars = chart.addSeries("\u03bc* interval", factors, mids, half);
    bars.setChartCategorySeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Scatter);
    bars.setMarker(SeriesMarkers.NONE);
    bars.setShowInLegend(false);
    CategorySeries s = chart.addSeries("\u03bc*", factors, mid);
    s.setChartCategorySeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Scatter);
    s.setMarker(SeriesMarkers.CIRCLE);
    s.setMarkerColor(style.palette().color(0));
    return new Figure("morris-mu-star", chart, style);
  }

  /** σ against μ*, one marker per factor (named in the legend). */
  public Figure muStarSigma(MorrisResult r) {
    XYChart chart =
        new XYChartBuilder()
            .width(style.width())
            .height(style.height())
            .title("Morris \u03c3 against \u03bc* of " + r.metric())
            .xAxisTitle("\u03bc*")
            .yAxisTitle("\u03c3")
            .build();
    Theme.apply(chart, style);
    chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    chart.getStyler().setMarkerSize(Math.max(8, style.labelFontSize()));
    chart.getStyler().setXAxisMin(0.0);
    chart.getStyler().setYAxisMin(0.0);
    int c = 0;
    for (MorrisResult.Row row : r.rows()) {
      double sigma = Double.isNaN(row.sigma()) ? 0 : row.sigma();
      XYSeries s =
          chart.addSeries(row.parameter(), new double[] {row.muStar()}, new double[] {sigma});
      s.setMarkerColor(style.palette().color(c++));
    }
    return new Figure("morris-mu-star-sigma", chart, style);
  }

  /**
   * XChart draws symmetric error bars, so an interval is drawn as an unmarked point at its middle
   * with half its width; the estimate is its own marked series. Without an interval both collapse
   * onto the estimate.
   */
  private static double mid(double estimate, double low, double high) {
    return Double.isNaN(low) || Double.isNaN(high) ? estimate : (low + high) / 2;
  }

  private static double half(double low, double high) {
    return Double.isNaN(low) || Double.isNaN(high) ? 0 : (high - low) / 2;
  }

  private static String percent(double confidence) {
    return String.format(
        Locale.ROOT,
        " (%s%% intervals)",
        java.math.BigDecimal.valueOf(confidence * 100).stripTrailingZeros().toPlainString());
  }
}
