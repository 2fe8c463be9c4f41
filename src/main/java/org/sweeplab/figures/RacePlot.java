package org.sweeplab.figures;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.sweeplab.analysis.RaceResult;
import org.sweeplab.analysis.RaceRound;

/**
 * The rounds of a race, drawn from its {@link RaceResult}: {@link #plot} gives each variation's
 * mean and interval (at the race's confidence, {@code 1 - alpha}) against the replicates of each
 * round it was in, for the variations that stayed longest (the survivors first); {@link #plotAlive}
 * the number of variations in the race per round.
 *
 * <pre>{@code Figure f = RacePlot.withDefaults().plot(analysisResult.race());}</pre>
 */
public final class RacePlot {

  private final FigureStyle style;
  private final String title;
  private final int maxVariations;

  private RacePlot(FigureStyle style, String title, int maxVariations) {
    this.style = style;
    this.title = title;
    this.maxVariations = maxVariations;
  }

  /** The default style, at most 8 variations drawn. */
  public static RacePlot withDefaults() {
    return new RacePlot(FigureStyle.withDefaults(), null, 8);
  }

  public RacePlot withStyle(FigureStyle style) {
    return new RacePlot(style, title, maxVariations);
  }

  public RacePlot withTitle(String title) {
    return new RacePlot(style, title, maxVariations);
  }

  /**
   * @throws IllegalArgumentException if max is not in 1..50
   */
  public RacePlot withMaxVariations(int max) {
    if (max < 1 || max > 50) {
      throw new IllegalArgumentException(
          String.format(Locale.ROOT, "A race figure draws 1..50 variations," + " not %d", max));
    }
    return new RacePlot(style, title, max);
  }

  /**
   * @throws IllegalArgumentException if the race has no decided round
   */
  public Figure plot(RaceResult race) {
    requireRounds(race);
    Map<String, List<double[]>> series =
        new LinkedHashMap<>(); // variation -> rows {n, mean, low, high}
    for (RaceRound r : race.rounds()) {
      for (RaceRound.Standing s : r.standings()) {
        series
            .computeIfAbsent(s.variation(), k -> new ArrayList<>())
            .add(new double[] {r.replicates(), s.mean(), s.ciLow(), s.ciHigh()});
      }
    }
    List<String> order = new ArrayList<>(series.keySet());
    List<String> survivors = race.survivors();
    // longest in the race first; survivors before the variations of the last round that left in it
    order.sort(
        Comparator.comparingInt((String v) -> -series.get(v).size())
            .thenComparingInt(v -> survivors.contains(v) ? 0 : 1));
    String metric = race.policy().metric();
    XYChart chart =
        new XYChartBuilder()
            .width(style.width())
            .height(style.height())
            .title(
                Data.title(
                    title,
                    String.format(
                        Locale.ROOT,
                        "Race on %s: %d of %d variations left after %d" + " rounds",
                        metric,
                        survivors.size(),
                        race.variations().size(),
                        race.rounds().size())))
            .xAxisTitle("replicates per variation")
            .yAxisTitle(metric)
            .build();
    Theme.apply(chart, style);
    chart.getStyler().setXAxisDecimalPattern("0");
    int i = 0;
    for (String v : order.subList(0, Math.min(maxVariations, order.size()))) {
      List<double[]> rows = series.get(v);
      double[] x = new double[rows.size()];
      double[] mean = new double[rows.size()];
      double[] low = new double[rows.size()];
      double[] high = new double[rows.size()];
      for (int k = 0; k < rows.size(); k++) {
        x[k] = rows.get(k)[0];
        mean[k] = rows.get(k)[1];
        low[k] = rows.get(k)[2];
        high[k] = rows.get(k)[3];
      }
      String label = survivors.contains(v) ? v : v + " (out, round " + race.roundOut().get(v) + ")";
      Bands.add(
          chart,
          label,
          x,
          mean,
          low,
          high,
          style.palette().color(i),
          style.palette().translucent(i, 40));
      i++;
    }
    return new Figure("race", chart, style);
  }

  /**
   * @throws IllegalArgumentException if the race has no decided round
   */
  public Figure plotAlive(RaceResult race) {
    requireRounds(race);
    int n = race.rounds().size();
    double[] round = new double[n];
    double[] alive = new double[n];
    for (int k = 0; k < n; k++) {
      round[k] = race.rounds().get(k).round();
      alive[k] = race.rounds().get(k).standings().size();
    }
    XYChart chart =
        new XYChartBuilder()
            .width(style.width())
            .height(style.height())
            .title(Data.title(title, "Variations in the race at the start of each round"))
            .xAxisTitle("round")
            .yAxisTitle("variations")
            .build();
    Theme.apply(chart, style);
    chart.getStyler().setXAxisDecimalPattern("0");
    chart.getStyler().setYAxisDecimalPattern("0");
    chart.getStyler().setLegendVisible(false);
    XYSeries s = chart.addSeries("alive", round, alive);
    s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Step);
    s.setLineColor(style.palette().color(0));
    s.setMarkerColor(style.palette().color(0));
    s.setMarker(SeriesMarkers.CIRCLE);
    return new Figure("race-alive", chart, style);
  }

  private static void requireRounds(RaceResult race) {
    if (race.rounds().isEmpty()) {
      throw new IllegalArgumentException(
          "The race on " + race.policy().metric() + " has no decided round yet");
    }
  }
}
