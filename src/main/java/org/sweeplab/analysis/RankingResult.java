package org.sweeplab.analysis;

import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.Table;

/**
 * The ranking of groups by a metric.
 *
 * @param table one row per group, best first: {@code rank}, the group columns, {@code n, mean,
 *     ci_low, ci_high, sd, median, difference_vs_best, test, p_value, p_holm,
 *     distinguishable_from_best, effect_kind, effect_size, hedges_g, rank_group} ({@code hedges_g}:
 *     Cohen's d with Hedges' small-sample correction; NaN for rank tests); groups without ok runs
 *     come last with a missing rank
 * @param overall one row: {@code test, statistic, df1, df2, p_value, effect_kind, effect_size} of
 *     the test across all groups: one-way ANOVA with eta squared, or Kruskal-Wallis with epsilon
 *     squared; when the comparisons are paired, blocked by seed: {@code anova_blocked_by_seed} with
 *     partial eta squared, or {@code friedman} with Kendall's W
 * @param paired whether the comparisons with the best were paired by seed
 * @param advice a sentence on the replicates needed when the best cannot be told from the
 *     runner-up; empty otherwise
 * @param alpha the significance level, {@code 1 - confidence}: a group is distinguishable from the
 *     best when its Holm-adjusted p is below it
 */
public record RankingResult(
    Table table, Table overall, boolean paired, String advice, double alpha) {

  /**
   * One ranked group, as a row of {@link #table()} reads.
   *
   * @param rank 1 for the best
   * @param label the group: its value for one group column, {@code a=1, b=x} for several
   * @param key the values of the group columns, in their order
   * @param n the metric values used
   * @param mean their mean
   * @param ciLow the low end of the mean's t interval (NaN when n &lt; 2)
   * @param ciHigh its high end
   * @param pHolm the Holm-adjusted p-value of the comparison with the best (NaN for the best)
   * @param distinguishableFromBest whether that adjusted p-value is below the ranking's
   *     significance level
   * @param rankGroup the rank group (1 holds the best and every group not distinguishable from it);
   *     0 below the ranks that get one
   */
  public record Entry(
      int rank,
      String label,
      List<String> key,
      long n,
      double mean,
      double ciLow,
      double ciHigh,
      double pHolm,
      boolean distinguishableFromBest,
      int rankGroup) {

    public Entry {
      key = List.copyOf(key);
    }

    /**
     * @return whether this is the best group
     */
    public boolean best() {
      return rank == 1;
    }
  }

  /**
   * @return the group columns: the columns of {@link #table()} between {@code rank} and {@code n}
   */
  public List<String> groupColumns() {
    List<String> names = table.columnNames();
    return List.copyOf(names.subList(names.indexOf("rank") + 1, names.indexOf("n")));
  }

  /**
   * @return the ranked groups (those with an ok value), best first; groups without a value are left
   *     out
   */
  public List<Entry> entries() {
    List<String> groups = groupColumns();
    List<Entry> out = new ArrayList<>();
    for (int r = 0; r < table.rowCount(); r++) {
      if (table.intColumn("rank").isMissing(r)) {
        continue;
      }
      List<String> key = new ArrayList<>();
      StringBuilder label = new StringBuilder();
      for (String g : groups) {
        String v = table.column(g).getString(r);
        key.add(v);
        label.append(groups.size() == 1 ? v : (label.length() > 0 ? ", " : "") + g + "=" + v);
      }
      out.add(
          new Entry(
              table.intColumn("rank").get(r),
              label.toString(),
              key,
              table.longColumn("n").get(r),
              table.doubleColumn("mean").getDouble(r),
              table.doubleColumn("ci_low").getDouble(r),
              table.doubleColumn("ci_high").getDouble(r),
              table.doubleColumn("p_holm").getDouble(r),
              table.booleanColumn("distinguishable_from_best").get(r),
              table.intColumn("rank_group").isMissing(r)
                  ? 0
                  : table.intColumn("rank_group").getInt(r)));
    }
    return out;
  }

  /**
   * @return the best group
   * @throws AnalysisException when no group has an ok value
   */
  public Entry best() {
    List<Entry> e = entries();
    if (e.isEmpty()) {
      throw AnalysisException.of("No group of %s has an ok value, so none is best", table.name());
    }
    return e.get(0);
  }
}
