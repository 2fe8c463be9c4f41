package org.sweeplab.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.knowm.xchart.BoxChart;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.series.AxesChartSeriesCategory;
import org.sweeplab.analysis.AnalysisOptions;
import org.sweeplab.analysis.CostEfficiency;
import org.sweeplab.analysis.CostEfficiencyResult;
import org.sweeplab.analysis.MainEffectsResult;
import org.sweeplab.analysis.Patterns;
import org.sweeplab.analysis.Ranking;
import org.sweeplab.analysis.RankingResult;
import org.sweeplab.analysis.RunningMean;
import org.sweeplab.analysis.Runs;
import org.sweeplab.analysis.VariationStatistics;
import org.sweeplab.analysis.VariationStatisticsResult;
import tech.tablesaw.api.Table;

/**
 * Every figure kind is drawn from an analysis result, and what it marks (best, distinguishable,
 * front members, interval ends, means, failure shares) is what the result says: read from the
 * figure's data series, not its pixels.
 */
class FiguresDrawAnalysisTest {

  private static final double EPS = 1e-9;
  private static final FigureStyle STYLE = FigureStyle.withDefaults();
  private static Runs runs;
  private static Map<String, Figure> figures;

  @BeforeAll
  static void draw() {
    System.setProperty("java.awt.headless", "true");
    Locale.setDefault(Locale.ROOT);
    runs = Runs.of(SyntheticResults.table(7));
    figures = Gallery.figures(SyntheticResults.table(7), Gallery.SYNTHETIC, STYLE);
  }

  @Test
  void rankingMarksTheBestTheDistinguishableAndTheIntervalsOfTheRanking() {
    RankingResult r = Ranking.withDefaults().rank(runs.withGroups("algorithm"), "score");
    assertRankingAgrees(r, (CategoryChart) figures.get("ranking").chart());
    assertTrue(
        r.entries().stream().anyMatch(RankingResult.Entry::distinguishableFromBest),
        "the synthetic algorithms differ, so the check above covers the 'worse' class");
  }

  @Test
  void rankingEntriesReadTheTableAndLabelGroupsAsTheCostResultDoes() {
    Runs two = runs.withGroups("algorithm", "population");
    RankingResult r = Ranking.withDefaults().rank(two, "score");
    Table t = r.table();
    List<RankingResult.Entry> entries = r.entries();
    assertEquals(List.of("algorithm", "population"), r.groupColumns());
    for (int i = 0; i < entries.size(); i++) {
      RankingResult.Entry e = entries.get(i);
      assertEquals(i + 1, e.rank());
      assertEquals(
          List.of(t.stringColumn("algorithm").get(i), t.column("population").getString(i)),
          e.key());
      assertEquals("algorithm=" + e.key().get(0) + ", population=" + e.key().get(1), e.label());
      assertEquals(t.doubleColumn("mean").getDouble(i), e.mean());
      assertEquals(t.doubleColumn("p_holm").getDouble(i), e.pHolm(), 0);
      assertEquals(
          t.booleanColumn("distinguishable_from_best").get(i), e.distinguishableFromBest());
    }
    assertEquals(entries.get(0), r.best());
    List<String> costLabels =
        CostEfficiency.withDefaults().compute(two, "score").rows().stream()
            .map(CostEfficiencyResult.Row::label)
            .sorted()
            .toList();
    assertEquals(costLabels, entries.stream().map(RankingResult.Entry::label).sorted().toList());
  }

  /**
   * The minimal case: raw p 0.045 and 0.044 but Holm 0.088, so neither is marked worse than
   * the best.
   */
  @Test
  void theMinimalContradictionCaseAgreesWithTheReport() {
    Table t =
        Table.create(
            "runs",
            tech.tablesaw.api.StringColumn.create(
                "g", "best", "best", "best", "best", "g2", "g2", "g2", "g2", "g3", "g3", "g3",
                "g3"),
            tech.tablesaw.api.DoubleColumn.create(
                "score", 10, 11, 12, 13, 7.7, 8.7, 9.7, 10.7, 7.5, 8, 10, 10.5));
    RankingResult r = Ranking.withDefaults().rank(Runs.of(t).withGroups("g"), "score");
    // scipy 1.10.1: ttest_ind(g, best, equal_var=False).pvalue = 0.04531623896470078 (g2),
    // 0.04392059638318888
    // (g3); Holm: both 0.08784119276637777
    assertEquals(
        0.04531623896470078, r.table().doubleColumn("p_value").getDouble(rowOf(r, "g2")), 1e-9);
    assertEquals(
        0.04392059638318888, r.table().doubleColumn("p_value").getDouble(rowOf(r, "g3")), 1e-9);
    for (RankingResult.Entry e : r.entries().subList(1, 3)) {
      assertEquals(0.08784119276637777, e.pHolm(), 1e-9);
      assertFalse(e.distinguishableFromBest(), e.label());
    }
    // scipy 1.10.1: mean ± t.ppf(0.975, 3) sd / 2 of best = 9.445739743239121 .. 13.554260256760879
    RankingResult.Entry best = r.best();
    assertEquals("best", best.label());
    assertEquals(9.445739743239121, best.ciLow(), 1e-9);
    assertEquals(13.554260256760879, best.ciHigh(), 1e-9);
    CategoryChart chart = (CategoryChart) RankingPlot.withDefaults().plot(r, "score").chart();
    assertRankingAgrees(r, chart);
    assertNull(
        chart.getSeriesMap().get(RankingPlot.CLASSES[2]), "no group is marked worse than the best");
    assertEquals(
        Arrays.asList(null, 9.2, 9.0),
        y(chart.getSeriesMap().get(RankingPlot.CLASSES[1])).stream().map(y -> round(y)).toList());
  }

  /**
   * The same case through the command's path: analyze's report and plot's figure from one CSV and
   * one options.
   */
  @Test
  void theMinimalCaseAgreesBetweenAnalyzeAndPlot(@TempDir Path dir) throws IOException {
    Path csv = dir.resolve("minimal.csv");
    Files.writeString(
        csv,
        "g,score\nbest,10\nbest,11\nbest,12\nbest,13\ng2,7.7\ng2,8.7\ng2,9.7\ng2,10.7\n"
            + "g3,7.5\ng3,8\ng3,10\ng3,10.5\n");
    AnalysisOptions options = AnalysisOptions.of(csv).withGroup("g").withMetric("score");
    Path out = options.analysis(options.runs()).writeReport(dir.resolve("report"));
    Table ranking = Table.read().csv(out.resolve("ranking.csv").toFile());
    assertEquals(
        List.of("false", "false", "false"),
        ranking.column("distinguishable_from_best").asList().stream()
            .map(String::valueOf)
            .toList());
    CategoryChart chart = (CategoryChart) QuickFigure.of(FigureKind.RANKING).plot(options).chart();
    assertNull(
        chart.getSeriesMap().get(RankingPlot.CLASSES[2]), "the figure marks no group worse either");
    assertEquals(List.of("best", "g2", "g3"), x(chart.getSeriesMap().get(RankingPlot.CI)));
  }

  @Test
  void paretoFrontIsTheCostEfficiencyFront() {
    CostEfficiencyResult cost = CostEfficiency.withDefaults().compute(runs, "score");
    XYChart chart = (XYChart) figures.get("pareto").chart();
    List<CostEfficiencyResult.Row> front = cost.front();
    XYSeries f = chart.getSeriesMap().get(ParetoPlot.FRONT_SERIES);
    assertArrayEquals(
        front.stream().mapToDouble(CostEfficiencyResult.Row::meanCostPerRun).toArray(),
        f.getXData());
    assertArrayEquals(
        front.stream().mapToDouble(CostEfficiencyResult.Row::metricMean).toArray(), f.getYData());
    XYSeries rest = chart.getSeriesMap().get(ParetoPlot.DOMINATED);
    assertEquals(cost.rows().size() - front.size(), rest.getXData().length);
    assertTrue(front.size() >= 1 && rest.getXData().length >= 1);
  }

  @Test
  void heatmapCellsAreTheVariationStatisticsMeans() {
    VariationStatisticsResult stats =
        VariationStatistics.withDefaults()
            .compute(runs.withGroups("population", "mutation"), "score");
    HeatMapChart chart = (HeatMapChart) figures.get("heatmap").chart();
    var series = chart.getSeriesMap().values().iterator().next();
    List<?> xs = series.getXData();
    List<?> ys = series.getYData();
    Map<String, Double> drawn = new LinkedHashMap<>();
    for (Number[] cell : series.getHeatData()) {
      drawn.put(
          xs.get(cell[0].intValue()) + "/" + ys.get(cell[1].intValue()), cell[2].doubleValue());
    }
    int withValue = 0;
    for (VariationStatisticsResult.Row row : stats.rows()) {
      if (row.n() > 0) {
        withValue++;
        String key = row.keys().get(0) + "/" + row.keys().get(1);
        assertEquals(row.mean(), drawn.get(key), EPS, key);
      }
    }
    assertEquals(withValue, drawn.size());
  }

  @Test
  void mainEffectsDrawTheLevelMeansAndTheirIntervals() {
    CategoryChart chart = (CategoryChart) figures.get("main-effects").chart();
    CategorySeries ci = chart.getSeriesMap().get("95% CI");
    List<?> categories = x(ci);
    for (String p : List.of("algorithm", "population", "mutation")) {
      VariationStatisticsResult stats =
          VariationStatistics.withDefaults().compute(runs.withGroups(p), "score");
      CategorySeries line = chart.getSeriesMap().get(p);
      for (VariationStatisticsResult.Row row : stats.rows()) {
        int at = categories.indexOf(p + "=" + row.label());
        double mid = y(ci).get(at).doubleValue();
        double half = extra(ci).get(at).doubleValue();
        assertEquals(row.meanCiLow(), mid - half, EPS);
        assertEquals(row.meanCiHigh(), mid + half, EPS);
        assertEquals(row.mean(), y(line).get(at).doubleValue(), EPS);
      }
    }
  }

  /**
   * The report's main-effects figure draws the levels of the analysis's main effects; those equal
   * the level statistics computed on their own ({@link VariationStatistics} of the runs grouped by
   * the parameter), at the analysis's confidence.
   */
  @ParameterizedTest
  @ValueSource(doubles = {0.05, 0.01})
  void mainEffectsOfAReportDrawTheAnalysisLevels(double alpha) {
    List<String> params = List.of("algorithm", "population", "mutation");
    MainEffectsResult effects =
        Patterns.withDefaults().withAlpha(alpha).detect(runs, "score").mainEffects();
    CategoryChart chart =
        (CategoryChart)
            MainEffectsPlot.withDefaults().withStyle(STYLE).plot(effects, params).chart();
    CategorySeries ci = chart.getSeriesMap().get("95% CI");
    List<?> categories = x(ci);
    int drawn = 0;
    for (String p : params) {
      VariationStatisticsResult stats =
          VariationStatistics.withDefaults()
              .withConfidence(1 - alpha)
              .compute(runs.withGroups(p), "score");
      CategorySeries line = chart.getSeriesMap().get(p);
      List<MainEffectsResult.Level> levels = effects.levels(p);
      assertEquals(stats.rows().size(), levels.size(), p);
      for (VariationStatisticsResult.Row row : stats.rows()) {
        int at = categories.indexOf(p + "=" + row.label());
        assertTrue(at >= 0, p + "=" + row.label());
        double mid = y(ci).get(at).doubleValue();
        double half = extra(ci).get(at).doubleValue();
        assertEquals(row.meanCiLow(), mid - half, EPS);
        assertEquals(row.meanCiHigh(), mid + half, EPS);
        assertEquals(row.mean(), y(line).get(at).doubleValue(), EPS);
        MainEffectsResult.Level level =
            levels.stream().filter(l -> l.level().equals(row.label())).findFirst().orElseThrow();
        assertEquals(row.n(), level.n());
        assertEquals(row.runs(), level.runs());
        assertEquals(row.okRuns(), level.okRuns());
        drawn++;
      }
    }
    assertEquals(categories.size(), drawn);
  }

  /**
   * The report's failure-rate figure draws the analysis's per-level status counts: the same bars as
   * the figure counted from the runs, adding up to one minus the success rate of the level.
   */
  @Test
  void failureRatesOfAReportDrawTheAnalysisCounts() {
    MainEffectsResult effects = Patterns.withDefaults().detect(runs, "score").mainEffects();
    CategoryChart fromResult =
        (CategoryChart)
            FailureRatePlot.withDefaults().withStyle(STYLE).plot(effects, "mutation").chart();
    CategoryChart fromRuns =
        (CategoryChart)
            FailureRatePlot.withDefaults().withStyle(STYLE).plot(runs, "mutation").chart();
    assertEquals(fromRuns.getSeriesMap().keySet(), fromResult.getSeriesMap().keySet());
    VariationStatisticsResult stats =
        VariationStatistics.withDefaults().compute(runs.withGroups("mutation"), "score");
    double any = 0;
    for (VariationStatisticsResult.Row row : stats.rows()) {
      double drawn = 0;
      for (String status : fromResult.getSeriesMap().keySet()) {
        CategorySeries a = fromResult.getSeriesMap().get(status);
        CategorySeries b = fromRuns.getSeriesMap().get(status);
        double share = y(a).get(x(a).indexOf(row.label())).doubleValue();
        assertEquals(y(b).get(x(b).indexOf(row.label())).doubleValue(), share, EPS, status);
        drawn += share;
      }
      assertEquals(1 - row.successRate(), drawn, EPS, row.label());
      any += drawn;
    }
    assertTrue(any > 0, "the synthetic runs fail at some levels");
  }

  @Test
  void failureSharesAddUpToTheFailureRate() {
    VariationStatisticsResult stats =
        VariationStatistics.withDefaults().compute(runs.withGroups("mutation"), "score");
    CategoryChart chart = (CategoryChart) figures.get("failure-rate").chart();
    for (VariationStatisticsResult.Row row : stats.rows()) {
      String level = row.label();
      double drawn = 0;
      for (CategorySeries s : chart.getSeriesMap().values()) {
        drawn += y(s).get(x(s).indexOf(level)).doubleValue();
      }
      assertEquals(1 - row.successRate(), drawn, EPS, level);
    }
  }

  @Test
  void boxesHoldTheOkValuesOfEachGroup() {
    VariationStatisticsResult stats =
        VariationStatistics.withDefaults().compute(runs.withGroups("algorithm"), "score");
    BoxChart chart = (BoxChart) figures.get("box").chart();
    for (VariationStatisticsResult.Row row : stats.rows()) {
      double[] v =
          y(chart.getSeriesMap().get(row.label())).stream()
              .mapToDouble(Number::doubleValue)
              .toArray();
      assertEquals(row.n(), v.length);
      assertEquals(row.mean(), Arrays.stream(v).average().orElseThrow(), EPS);
    }
  }

  @Test
  void convergenceAndCurveDrawTheRunningMeansAndTheLevelMeans() {
    String first = runs.table().column("population").getString(0);
    Table one =
        runs.table().where(runs.table().column("population").asStringColumn().isEqualTo(first));
    RunningMean.Result rm =
        RunningMean.withDefaults().compute(Runs.of(one).withGroups("algorithm"), "score");
    XYChart conv = (XYChart) figures.get("convergence").chart();
    for (RunningMean.Series s : rm.series()) {
      assertArrayEquals(s.mean(), conv.getSeriesMap().get(s.label()).getYData());
      XYSeries band = conv.getSeriesMap().get(s.label() + " 95% CI");
      int last = s.count().length - 1;
      assertEquals(
          s.high()[last],
          Arrays.stream(band.getYData())
              .limit(band.getYData().length / 2)
              .reduce((a, b) -> b)
              .orElseThrow(),
          EPS);
    }
    VariationStatisticsResult stats =
        VariationStatistics.withDefaults()
            .compute(runs.withGroups("algorithm", "population"), "score");
    XYChart curve = (XYChart) figures.get("parameter-curve").chart();
    for (VariationStatisticsResult.Row row : stats.rows()) {
      XYSeries line = curve.getSeriesMap().get(row.keys().get(0));
      int at = indexOf(line.getXData(), Double.parseDouble(row.keys().get(1)));
      assertEquals(row.mean(), line.getYData()[at], EPS);
    }
  }

  /**
   * plot and analyze group the same way by default: by variation_id, labelled by the parameters.
   */
  @Test
  void plotGroupsAsAnalyzeDoes(@TempDir Path dir) throws IOException {
    Path csv = dir.resolve("results.csv");
    SyntheticResults.table(3).write().csv(csv.toFile());
    AnalysisOptions options = AnalysisOptions.of(csv).withMetric("score");
    Runs read = options.runs();
    RankingResult analyzed = options.analysis(read).run().ranking();
    assertEquals(List.of("variation_id"), analyzed.groupColumns());
    CategoryChart chart = (CategoryChart) QuickFigure.of(FigureKind.RANKING).plot(options).chart();
    Map<String, String> names = Data.parameterLabels(read);
    List<String> expected = new ArrayList<>();
    analyzed.entries().forEach(e -> expected.add(names.get(e.label())));
    assertEquals(expected, x(chart.getSeriesMap().get(RankingPlot.CI)));
    assertRankingAgrees(analyzed, chart);
    assertTrue(Files.size(csv) > 0);
  }

  private static void assertRankingAgrees(RankingResult r, CategoryChart chart) {
    List<RankingResult.Entry> entries = r.entries();
    CategorySeries ci = chart.getSeriesMap().get(RankingPlot.CI);
    assertEquals(entries.size(), x(ci).size());
    for (int i = 0; i < entries.size(); i++) {
      RankingResult.Entry e = entries.get(i);
      double mid = y(ci).get(i).doubleValue();
      double half = extra(ci).get(i).doubleValue();
      assertEquals(e.ciLow(), mid - half, EPS, e.label());
      assertEquals(e.ciHigh(), mid + half, EPS, e.label());
      int cls = e.best() ? 0 : e.distinguishableFromBest() ? 2 : 1;
      for (int c = 0; c < 3; c++) {
        CategorySeries s = chart.getSeriesMap().get(RankingPlot.CLASSES[c]);
        Number y = s == null ? null : y(s).get(i);
        if (c == cls) {
          assertEquals(e.mean(), y.doubleValue(), EPS, e.label() + " in " + RankingPlot.CLASSES[c]);
        } else {
          assertNull(y, e.label() + " not in " + RankingPlot.CLASSES[c]);
        }
      }
    }
  }

  private static List<Object> x(AxesChartSeriesCategory s) {
    return new ArrayList<>(s.getXData());
  }

  private static List<Number> y(AxesChartSeriesCategory s) {
    return new ArrayList<>(s.getYData());
  }

  private static List<Number> extra(AxesChartSeriesCategory s) {
    return new ArrayList<>(s.getExtraValues());
  }

  private static int rowOf(RankingResult r, String group) {
    return r.table().stringColumn("g").indexOf(group);
  }

  private static Double round(Number y) {
    return y == null ? null : Math.round(y.doubleValue() * 1e9) / 1e9;
  }

  private static int indexOf(double[] xs, double x) {
    for (int i = 0; i < xs.length; i++) {
      if (xs[i] == x) {
        return i;
      }
    }
    throw new AssertionError(x + " not in " + Arrays.toString(xs));
  }

  private static void assertArrayEquals(double[] expected, double[] actual) {
    org.junit.jupiter.api.Assertions.assertArrayEquals(expected, actual, EPS);
  }
}
