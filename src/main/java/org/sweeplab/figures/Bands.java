package org.sweeplab.figures;

import java.awt.BasicStroke;
import java.awt.Color;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Draws a mean line with its confidence band (a filled polygon) on an XY chart. */
final class Bands {

  private Bands() {}

  /**
   * Adds the band (low..high over xs, translucent, not in the legend), then the mean line with
   * markers. Points with a NaN bound are left out of the band.
   */
  static void add(
      XYChart chart,
      String name,
      double[] xs,
      double[] mean,
      double[] low,
      double[] high,
      Color colour,
      Color fill) {
    int n = 0;
    for (int i = 0; i < xs.length; i++) {
      n += Double.isFinite(low[i]) && Double.isFinite(high[i]) ? 1 : 0;
    }
    if (n >= 2) {
      double[] px = new double[2 * n];
      double[] py = new double[2 * n];
      int k = 0;
      for (int i = 0; i < xs.length; i++) {
        if (Double.isFinite(low[i]) && Double.isFinite(high[i])) {
          px[k] = xs[i];
          py[k] = high[i];
          px[2 * n - 1 - k] = xs[i];
          py[2 * n - 1 - k] = low[i];
          k++;
        }
      }
      XYSeries band = chart.addSeries(name + " 95% CI", px, py);
      band.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
      band.setFillColor(fill);
      band.setLineColor(fill);
      band.setMarker(SeriesMarkers.NONE);
      band.setShowInLegend(false);
    }
    XYSeries line = chart.addSeries(name, xs, mean);
    line.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
    line.setLineColor(colour);
    line.setMarkerColor(colour);
    line.setMarker(SeriesMarkers.CIRCLE);
    line.setLineStyle(new BasicStroke(2f));
  }
}
