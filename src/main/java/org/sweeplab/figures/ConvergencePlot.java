package org.sweeplab.figures;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.sweeplab.analysis.RunningMean;

/**
 * Convergence over replicates: per group, the running mean of a metric and its t interval against
 * the number of ok replicates taken so far, as {@link RunningMean} computed them. The band starts
 * at 3 replicates, as the interval from 2 (t = 12.7) would dwarf the rest. A band that stops
 * narrowing says more replicates buy little.
 *
 * <pre>
 * {@code Figure f = ConvergencePlot.withDefaults().plot(RunningMean.withDefaults().compute(runs, "score"));}
 * </pre>
 */
public final class ConvergencePlot {

  private final FigureStyle style;
  private final String title;

  private ConvergencePlot(FigureStyle style, String title) {
    this.style = style;
    this.title = title;
  }

  public static ConvergencePlot withDefaults() {
    return new ConvergencePlot(FigureStyle.withDefaults(), null);
  }

  public ConvergencePlot withStyle(FigureStyle style) {
    return new ConvergencePlot(style, title);
  }

  public ConvergencePlot withTitle(String title) {
    return new ConvergencePlot(style, title);
  }

  /**
   * @throws IllegalArgumentException if no group has an ok value
   */
  public Figure plot(RunningMean.Result result) {
    if (result.series().stream().allMatch(s -> s.count().length == 0)) {
      throw new IllegalArgumentException("No group has an ok value of " + result.metric());
    }
    String metric = result.metric();
    XYChart chart =
        new XYChartBuilder()
            .width(style.width())
            .height(style.height())
            .title(Data.title(title, "Running mean of " + metric))
            .xAxisTitle("replicates")
            .yAxisTitle(metric)
            .build();
    Theme.apply(chart, style);
    chart.getStyler().setMarkerSize(Math.max(4, style.tickFontSize() / 2));
    chart.getStyler().setXAxisDecimalPattern("0");
    int i = 0;
    for (RunningMean.Series s : result.series()) {
      int n = s.count().length;
      if (n == 0) {
        continue;
      }
      double[] low = s.low().clone();
      double[] high = s.high().clone();
      for (int k = 0;
          k < Math.min(2, n);
          k++) { // the band starts at 3: t = 12.7 at 2 would dwarf the rest
        low[k] = Double.NaN;
        high[k] = Double.NaN;
      }
      Bands.add(
          chart,
          s.label(),
          s.count(),
          s.mean(),
          low,
          high,
          style.palette().color(i),
          style.palette().translucent(i, 50));
      if (n > 30) {
        chart
            .getSeriesMap()
            .get(s.label())
            .setMarker(org.knowm.xchart.style.markers.SeriesMarkers.NONE);
      }
      i++;
    }
    return new Figure("convergence", chart, style);
  }
}
