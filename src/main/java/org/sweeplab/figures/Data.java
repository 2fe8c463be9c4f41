package org.sweeplab.figures;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sweeplab.analysis.MainEffectsResult;
import org.sweeplab.analysis.Runs;
import org.sweeplab.analysis.VariationStatisticsResult;
import org.sweeplab.results.ResultsContract;

/**
 * What figures read from analysis results and runs: rows of a {@link VariationStatisticsResult},
 * labels of groups, the order of levels. It computes no statistic: every mean and interval a figure
 * draws comes from the analysis.
 */
final class Data {

  private Data() {}

  /**
   * One row of a {@code VariationStatistics} table, as drawn.
   *
   * @param key the values of the key columns asked for, in their order
   * @param runs every run of the group
   * @param n the metric values used
   * @param mean their mean (NaN without values)
   * @param low the low end of the mean's interval (NaN when n &lt; 2)
   * @param high its high end
   * @param successRate ok runs / runs
   */
  record Cell(
      List<String> key,
      long runs,
      long n,
      double mean,
      double low,
      double high,
      double successRate) {}

  /**
   * The rows of a VariationStatistics result keyed by the given group columns.
   *
   * @throws IllegalArgumentException if a key column is not one of the result's group columns
   */
  static List<Cell> cells(VariationStatisticsResult statistics, List<String> keyColumns) {
    List<String> groups = statistics.groupColumns();
    int[] at = new int[keyColumns.size()];
    for (int i = 0; i < at.length; i++) {
      at[i] = groups.indexOf(keyColumns.get(i));
      if (at[i] < 0) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "Column %s is not present in table %s (group columns: %s)",
                keyColumns.get(i),
                name(statistics),
                groups));
      }
    }
    List<Cell> out = new ArrayList<>();
    for (VariationStatisticsResult.Row r : statistics.rows()) {
      List<String> key = new ArrayList<>(at.length);
      for (int c : at) {
        key.add(r.keys().get(c));
      }
      out.add(
          new Cell(key, r.runs(), r.n(), r.mean(), r.meanCiLow(), r.meanCiHigh(), r.successRate()));
    }
    return out;
  }

  /**
   * @return "variation statistics of METRIC", the name of the result's table
   */
  static String name(VariationStatisticsResult statistics) {
    return "variation statistics of " + statistics.metric();
  }

  /** Distinct levels: by value when every one is a number, otherwise in the order given. */
  static List<String> ordered(Collection<String> levels) {
    List<String> out = new ArrayList<>(new LinkedHashSet<>(levels));
    if (out.stream().allMatch(Data::isNumber)) {
      out.sort(Comparator.comparingDouble(Double::parseDouble));
    }
    return out;
  }

  private static boolean isNumber(String s) {
    try {
      Double.parseDouble(s);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /**
   * Display names of groups: when the runs are grouped by {@code variation_id} alone and have
   * parameters, each variation's parameter values (which say more than "var-0042"); empty otherwise
   * (groups keep their labels).
   */
  static Map<String, String> parameterLabels(Runs runs) {
    return parameterLabels(runs, null);
  }

  /** As {@link #parameterLabels(Runs)}, for the given variation ids only (null for all). */
  static Map<String, String> parameterLabels(Runs runs, Collection<String> ids) {
    Map<String, String> out = new HashMap<>();
    if (!runs.groups().equals(List.of(ResultsContract.VARIATION_ID))) {
      return out;
    }
    java.util.Set<String> wanted = ids == null ? null : new java.util.HashSet<>(ids);
    runs.parameterValuesByVariation()
        .forEach(
            (id, values) -> {
              if (wanted == null || wanted.contains(id)) {
                out.put(id, String.join(" / ", values));
              }
            });
    return out;
  }

  /**
   * @return the levels of a parameter in a main-effects result
   * @throws IllegalArgumentException if the result has none (the parameter was not analysed)
   */
  static List<MainEffectsResult.Level> levels(MainEffectsResult effects, String parameter) {
    List<MainEffectsResult.Level> levels = effects.levels(parameter);
    if (levels.isEmpty()) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "The main effects on %s have no levels of %s; parameters are %s",
              effects.metric(),
              parameter,
              effects.rows().stream().map(MainEffectsResult.Row::parameter).toList()));
    }
    return levels;
  }

  /** A title of the form "metric by group", or the one given. */
  static String title(String given, String fallback) {
    return given != null ? given : fallback;
  }
}
