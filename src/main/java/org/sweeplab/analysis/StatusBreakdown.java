package org.sweeplab.analysis;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How the runs ended: one {@link Row} per status value, most frequent first (ties in order of first
 * appearance). Runs without a status column are all counted under the ok value; an empty status is
 * counted as {@code (empty)}. Immutable. {@link #resultTable()} is the same as a table ({@link
 * #toTable()} its Tablesaw view).
 *
 * @param rows one row per status, most frequent first
 */
public record StatusBreakdown(List<Row> rows) implements TabularResult {

  /**
   * One status.
   *
   * @param status its value, or {@code (empty)}
   * @param runs the runs that ended in it
   * @param share {@code runs} over all runs
   */
  public record Row(String status, long runs, double share) {}

  public StatusBreakdown {
    rows = List.copyOf(rows);
  }

  /**
   * @return the breakdown of these runs
   */
  public static StatusBreakdown of(Runs runs) {
    Map<String, Long> counts = new LinkedHashMap<>();
    if (runs.statusColumn() == null) {
      counts.put(runs.okValue(), (long) runs.rowCount());
    } else {
      // Counted by code: each status text is looked at once, not once per run.
      RunColumn.Codes codes = runs.codes(runs.statusColumn());
      long[] n = new long[codes.size()];
      for (int c : codes.ofRow()) {
        n[c]++;
      }
      for (int c = 0; c < n.length; c++) {
        String s = codes.labels()[c];
        counts.merge(s.isEmpty() ? "(empty)" : s, n[c], Long::sum);
      }
    }
    return new StatusBreakdown(
        counts.entrySet().stream()
            .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
            .map(e -> new Row(e.getKey(), e.getValue(), (double) e.getValue() / runs.rowCount()))
            .toList());
  }

  /**
   * @return {@code status, runs, share}, one row per status
   */
  @Override
  public ResultTable resultTable() {
    return ResultTable.of(
        "status breakdown",
        Columns.text("status", rows, Row::status),
        Columns.longs("runs", rows, Row::runs),
        Columns.doubles("share", rows, Row::share));
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "status breakdown: %d statuses", rows.size());
  }
}
