package org.sweeplab.figures;

import java.awt.Color;
import java.awt.Font;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;

/** Applies a {@link FigureStyle} to an XChart chart: white background, light grid, no borders. */
final class Theme {

  static final Color TEXT = new Color(0x222222);
  static final Color GRID = new Color(0xE3E3E3);
  static final Color MUTED = new Color(0x9A9A9A);

  private Theme() {}

  static void apply(Chart<?, ?> chart, FigureStyle style) {
    Styler s = chart.getStyler();
    s.setChartBackgroundColor(Color.WHITE);
    s.setPlotBackgroundColor(Color.WHITE);
    s.setPlotBorderVisible(false);
    s.setChartFontColor(TEXT);
    s.setChartTitleBoxVisible(false);
    s.setChartTitleFont(new Font(style.fontFamily(), Font.BOLD, style.titleFontSize()));
    s.setLegendFont(new Font(style.fontFamily(), Font.PLAIN, style.labelFontSize()));
    s.setLegendBorderColor(Color.WHITE);
    s.setLegendBackgroundColor(Color.WHITE);
    s.setAntiAlias(true);
    s.setChartPadding(Math.max(6, style.labelFontSize() / 2));
    s.setSeriesColors(style.palette().colors().toArray(new Color[0]));
    switch (style.legend()) {
      case RIGHT -> s.setLegendPosition(Styler.LegendPosition.OutsideE);
      case BOTTOM -> s.setLegendPosition(Styler.LegendPosition.OutsideS);
      case INSIDE -> s.setLegendPosition(Styler.LegendPosition.InsideNE);
      case HIDDEN -> s.setLegendVisible(false);
    }
    if (s instanceof AxesChartStyler a) {
      a.setAxisTitleFont(new Font(style.fontFamily(), Font.PLAIN, style.labelFontSize()));
      a.setAxisTickLabelsFont(new Font(style.fontFamily(), Font.PLAIN, style.tickFontSize()));
      a.setAxisTickLabelsColor(TEXT);
      a.setAxisTickMarksColor(MUTED);
      a.setAxisTickMarkLength(4);
      a.setPlotGridLinesColor(GRID);
      a.setPlotGridLinesStroke(new java.awt.BasicStroke(0.8f));
      a.setPlotContentSize(0.92);
      a.setXAxisTitleVisible(true);
      a.setYAxisTitleVisible(true);
    }
  }
}
