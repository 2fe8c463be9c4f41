package org.sweeplab.figures;

import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.sweeplab.analysis.GroupedValues;
import org.sweeplab.analysis.MainEffectsResult;
import org.sweeplab.analysis.Runs;

/**
 * The share of runs that did not end ok, per level of a parameter: stacked bars, one colour per
 * status (failed, timeout, cancelled, skipped, and any other), counted by {@link GroupedValues}
 * through the runs' own status column and ok value. The bars of a level add up to {@code 1 -
 * success_rate} of {@link org.sweeplab.analysis.VariationStatistics} grouped by the parameter.
 */
public final class FailureRatePlot {

  private static final Map<String, Color> COLOURS =
      Map.of(
          "failed",
          new Color(0xD55E00),
          "timeout",
          new Color(0xE69F00),
          "cancelled",
          new Color(0x999999),
          "skipped",
          new Color(0x56B4E9));
  private final FigureStyle style;
  private final String title;

  private FailureRatePlot(FigureStyle style, String title) {
    this.style = style;
    this.title = title;
  }

  public static FailureRatePlot withDefaults() {
    return new FailureRatePlot(FigureStyle.withDefaults(), null);
  }

  public FailureRatePlot withStyle(FigureStyle style) {
    return new FailureRatePlot(style, title);
  }

  public FailureRatePlot withTitle(String title) {
    return new FailureRatePlot(style, title);
  }

  /**
   * @throws IllegalArgumentException if the parameter column is missing or there are no runs
   */
  public Figure plot(Runs runs, String parameter) {
    if (!runs.columnNames().contains(parameter)) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "Column %s is not present in table %s; columns are %s",
              parameter,
              runs.name(),
              runs.columnNames()));
    }
    if (runs.rowCount() == 0) {
      throw new IllegalArgumentException("Table " + runs.name() + " has no rows");
    }
    Map<String, Long> totals = new LinkedHashMap<>();
    Map<String, Map<String, Long>> notOk = new LinkedHashMap<>();
    for (GroupedValues.Group g : GroupedValues.of(runs.withGroups(parameter), null)) {
      totals.put(g.key().get(0), g.runs());
      notOk.put(g.key().get(0), g.notOk());
    }
    return draw(parameter, totals, notOk);
  }

  /**
   * The failure rates of a parameter's levels as the analysis counted them ({@link
   * MainEffectsResult#levels(String)}), nothing counted here.
   *
   * @throws IllegalArgumentException if the result has no levels of the parameter
   */
  public Figure plot(MainEffectsResult effects, String parameter) {
    Map<String, Long> totals = new LinkedHashMap<>();
    Map<String, Map<String, Long>> notOk = new LinkedHashMap<>();
    for (MainEffectsResult.Level l : Data.levels(effects, parameter)) {
      totals.put(l.level(), l.runs());
      notOk.put(l.level(), l.notOk());
    }
    return draw(parameter, totals, notOk);
  }

  /**
   * @param totalByLevel per level, every run
   * @param notOkByLevel per level, the runs not ok by status
   */
  private Figure draw(
      String parameter,
      Map<String, Long> totalByLevel,
      Map<String, Map<String, Long>> notOkByLevel) {
    List<String> levels = Data.ordered(totalByLevel.keySet());
    List<Long> totals = levels.stream().map(totalByLevel::get).toList();
    List<Map<String, Long>> notOk = levels.stream().map(notOkByLevel::get).toList();
    Map<String, int[]> counts = new LinkedHashMap<>();
    for (String s : List.of("failed", "timeout", "cancelled", "skipped")) {
      counts.put(s, new int[levels.size()]);
    }
    for (int level = 0; level < levels.size(); level++) {
      for (Map.Entry<String, Long> e : notOk.get(level).entrySet()) {
        counts.computeIfAbsent(e.getKey(), k -> new int[levels.size()])[level] +=
            e.getValue().intValue();
      }
    }
    CategoryChart chart =
        new CategoryChartBuilder()
            .width(style.width())
            .height(style.height())
            .title(Data.title(title, "Runs not ok by " + parameter))
            .xAxisTitle(parameter)
            .yAxisTitle("share of runs")
            .build();
    Theme.apply(chart, style);
    chart.getStyler().setStacked(true);
    chart.getStyler().setYAxisMin(0.0);
    chart.getStyler().setYAxisDecimalPattern("0%");
    chart.getStyler().setAvailableSpaceFill(0.6);
    int other = 0;
    boolean none = counts.values().stream().allMatch(c -> java.util.Arrays.stream(c).sum() == 0);
    for (Map.Entry<String, int[]> e : counts.entrySet()) {
      List<Double> share = new ArrayList<>();
      boolean present = false;
      for (int i = 0; i < levels.size(); i++) {
        share.add(totals.get(i) == 0 ? 0.0 : e.getValue()[i] / (double) totals.get(i));
        present |= e.getValue()[i] > 0;
      }
      if (present || (none && e.getKey().equals("failed"))) {
        CategorySeries s = chart.addSeries(e.getKey(), levels, share);
        s.setFillColor(COLOURS.getOrDefault(e.getKey(), style.palette().color(4 + other++)));
      }
    }
    return new Figure("failure-rate", chart, style);
  }
}
