package org.sweeplab.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The runs of each group as the analyses see them: the metric's values in ok runs (NaN left out),
 * and the count of runs per status. What a box plot or a failure-rate figure draws; it computes no
 * statistic. Groups follow {@link Runs#groups()}, in order of first appearance.
 *
 * <pre>
 * {@code List<GroupedValues.Group> g = GroupedValues.of(runs.withGroups("strategy"), "score");}
 * </pre>
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
   * @param notOk the runs that did not end ok, by status (an empty status as {@code unknown}), in
   *     order of first appearance
   */
  public record Group(
      String label, List<String> key, double[] values, long runs, Map<String, Long> notOk) {
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
    GroupedRuns g =
        GroupedRuns.of(
            runs,
            runs.requireGroups(),
            metric == null ? null : runs.metric(metric),
            NaNPolicy.EXCLUDE,
            GroupedRuns.Keep.VALUES);
    List<Map<String, Long>> notOk = new ArrayList<>();
    for (int i = 0; i < g.size(); i++) {
      notOk.add(new LinkedHashMap<>());
    }
    boolean[] ok = runs.ok();
    // Statuses are counted by code (each status text looked up once), never as a String per run.
    RunColumn.Codes status = runs.statusColumn() == null ? null : runs.codes(runs.statusColumn());
    int statuses = status == null ? 0 : status.size();
    long[][] counts = new long[g.size()][statuses];
    int[] groupOf = g.grouping.groupOfRows();
    for (int r = 0; r < ok.length; r++) {
      if (!ok[r] && status != null) {
        counts[groupOf[r]][status.ofRow()[r]]++;
      }
    }
    // Within each group, statuses in order of their first not-ok run (a count's first row, kept
    // while counting).
    for (int grp = 0; grp < g.size(); grp++) {
      for (int c = 0; c < statuses; c++) {
        counts[grp][c] = -counts[grp][c];
      }
    }
    for (int r = 0; r < ok.length && status != null; r++) {
      if (ok[r]) {
        continue;
      }
      int grp = groupOf[r];
      int c = status.ofRow()[r];
      if (counts[grp][c] < 0) {
        String label = status.labels()[c];
        notOk.get(grp).merge(label.isEmpty() ? "unknown" : label, -counts[grp][c], Long::sum);
        counts[grp][c] = 0;
      }
    }
    List<RunColumn> keyColumns = g.grouping.columns().stream().map(runs::column).toList();
    int[] first = new int[g.size()];
    for (int i = 0; i < first.length; i++) {
      first[i] = g.grouping.firstRow(i);
    }
    List<Group> out = new ArrayList<>();
    for (int i = 0; i < g.size(); i++) {
      List<String> key = new ArrayList<>();
      for (RunColumn c : keyColumns) {
        key.add(c.text(first[i]));
      }
      out.add(
          new Group(
              g.grouping.label(i),
              key,
              metric == null ? new double[0] : g.values[i].exact(),
              g.total[i],
              notOk.get(i)));
    }
    return out;
  }
}
