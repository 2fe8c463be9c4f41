package org.sweeplab.analysis;

import java.util.List;

/**
 * Everything one {@link Analysis} computes.
 *
 * @param metric the metric analysed
 * @param direction which end of the metric is better
 * @param runs the runs analysed
 * @param statusBreakdown how the runs ended: {@code status, runs, share}, most frequent first
 * @param statistics the {@link VariationStatistics} result (its {@code resultTable()} is the table)
 * @param ranking the {@link Ranking} result
 * @param costEfficiency the {@link CostEfficiency} result, or null without a cost column
 * @param patterns the {@link Patterns} result, or null without parameter columns
 * @param warnings every warning, one sentence each
 * @param race the race the runs come from, replayed from them ({@link RacePolicy#replay}), or null
 *     when the runs were not raced
 */
public record AnalysisResult(
    String metric,
    Direction direction,
    Runs runs,
    StatusBreakdown statusBreakdown,
    VariationStatisticsResult statistics,
    RankingResult ranking,
    CostEfficiencyResult costEfficiency,
    Patterns.Result patterns,
    List<String> warnings,
    RaceResult race) {

  /** A result of runs that were not raced. */
  public AnalysisResult(
      String metric,
      Direction direction,
      Runs runs,
      StatusBreakdown statusBreakdown,
      VariationStatisticsResult statistics,
      RankingResult ranking,
      CostEfficiencyResult costEfficiency,
      Patterns.Result patterns,
      List<String> warnings) {
    this(
        metric,
        direction,
        runs,
        statusBreakdown,
        statistics,
        ranking,
        costEfficiency,
        patterns,
        warnings,
        null);
  }
}
