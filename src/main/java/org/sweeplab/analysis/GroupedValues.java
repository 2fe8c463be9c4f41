package org.sweeplab.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The runs of each group as the analyses see them: the metric's values in ok runs (NaN left out), and the count of
 * runs per status. What a box plot or a failure-rate figure draws; it computes no statistic. Groups follow
 * {@link Runs#groups()}, in order of first appearance.
 *
 * <pre>{@code List<GroupedValues.Group> g = GroupedValues.of(runs.withGroups("strategy"), "score");}</pre>
 */
public final class GroupedValues {
  private GroupedValues() {}

  /**
   * One group.
   *
   * @param label its value for one group column, {@code a=1, b=x} for several
   * @param key the values of the group columns, in their order
   * @param values the metric's values in its ok runs, in row order (empty without a metric)
   * @param runs every run of the group
   * @param notOk the runs that did not end ok, by status (an empty status as {@code unknown}), in order of first
   *     appearance
   */
  public record Group(String label, List<String> key, double[] values, long runs, Map<String, Long> notOk) {
    public Group {
      key = List.copyOf(key);
      notOk = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(notOk));
    }
  }

  /**
   * @param runs the runs, grouped by their group columns
   * @param metric the metric, or null for none (counts only)
   * @return one entry per group
   * @throws AnalysisException if a column is missing or the runs have no group columns
   */
  public static List<Group> of(Runs runs, String metric) {
    GroupedRuns g = GroupedRuns.of(runs, runs.requireGroups(), metric == null ? null : runs.metric(metric),
        NaNPolicy.EXCLUDE);
    List<Map<String, Long>> notOk = new ArrayList<>();
    for (int i = 0; i < g.size(); i++) {
      notOk.add(new LinkedHashMap<>());
    }
    boolean[] ok = runs.ok();
    String[] status = runs.statuses();
    int[] first = new int[g.size()];
    java.util.Arrays.fill(first, -1);
    for (int r = 0; r < ok.length; r++) {
      int grp = g.grouping.groupOf(r);
      if (first[grp] < 0) {
        first[grp] = r;
      }
      if (!ok[r]) {
        String s = status[r] == null || status[r].isEmpty() ? "unknown" : status[r];
        notOk.get(grp).merge(s, 1L, Long::sum);
      }
    }
    List<String[]> cells = g.grouping.columns().stream().map(runs::text).toList();
    List<Group> out = new ArrayList<>();
    for (int i = 0; i < g.size(); i++) {
      List<String> key = new ArrayList<>();
      for (String[] c : cells) {
        key.add(c[first[i]]);
      }
      out.add(new Group(g.grouping.label(i), key, metric == null ? new double[0] : g.values[i].values(), g.total[i],
          notOk.get(i)));
    }
    return out;
  }
}
