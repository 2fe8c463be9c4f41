package org.sweeplab.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tech.tablesaw.api.Table;

/**
 * The ranking of groups by a metric, as {@link Ranking} computes it: one {@link Entry} per group,
 * best first, groups without ok runs last and unranked; and the {@link Overall} test across the
 * groups. Immutable. {@link #resultTable()} is the same as a table (ranking.csv), {@link #table()}
 * and {@link #overall()} are Tablesaw views for notebooks.
 */
public final class RankingResult implements TabularResult {

  /**
   * One group, a row of {@link #table()}. Statistics that cannot be computed are NaN: the interval
   * when n &lt; 2, every statistic of a group without ok values, the comparison of the best.
   *
   * @param rank 1 for the best; 0 for a group without ok values (a missing cell in the table)
   * @param label the group: its value for one group column, {@code a=1, b=x} for several
   * @param key the values of the group columns, in their order, as text
   * @param n the metric values used
   * @param mean their mean
   * @param ciLow the low end of the mean's t interval
   * @param ciHigh its high end
   * @param sd the standard deviation (n - 1 divisor)
   * @param median the median
   * @param differenceVsBest the difference of the comparison with the best (0 for the best)
   * @param test the test of that comparison, or the empty string (the best, unranked groups)
   * @param pValue its p-value
   * @param pHolm the Holm-adjusted p-value of the comparison with the best (NaN for the best)
   * @param distinguishableFromBest whether that adjusted p-value is below the ranking's
   *     significance level
   * @param effectKind {@code cohens_d} (parametric tests) or {@code cliffs_delta} (rank tests)
   * @param effectSize the effect size of the comparison (0 for the best)
   * @param hedgesG Cohen's d with Hedges' small-sample correction; NaN for rank tests
   * @param rankGroup the rank group (1 holds the best and every group not distinguishable from it);
   *     0 below the ranks that get one, and for unranked groups
   */
  public record Entry(
      int rank,
      String label,
      List<String> key,
      long n,
      double mean,
      double ciLow,
      double ciHigh,
      double sd,
      double median,
      double differenceVsBest,
      String test,
      double pValue,
      double pHolm,
      boolean distinguishableFromBest,
      String effectKind,
      double effectSize,
      double hedgesG,
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

    /**
     * @return whether the group has a rank (it has ok values)
     */
    public boolean ranked() {
      return rank > 0;
    }
  }

  /**
   * The test across all ranked groups: one-way ANOVA with eta squared, or Kruskal-Wallis with
   * epsilon squared; when the comparisons are paired, blocked by seed: {@code
   * anova_blocked_by_seed} with partial eta squared, or {@code friedman} with Kendall's W. NaN
   * where the test cannot be computed (fewer than two groups with values).
   *
   * @param metric the metric ranked
   * @param test the test's name
   * @param statistic its statistic
   * @param df1 its first degrees of freedom
   * @param df2 its second (NaN for tests with one)
   * @param pValue its p-value
   * @param effectKind the effect size's name
   * @param effectSize the effect size
   */
  public record Overall(
      String metric,
      String test,
      double statistic,
      double df1,
      double df2,
      double pValue,
      String effectKind,
      double effectSize)
      implements TabularResult {

    /**
     * @return one row: {@code test, statistic, df1, df2, p_value, effect_kind, effect_size}
     */
    @Override
    public ResultTable resultTable() {
      List<Overall> row = List.of(this);
      return ResultTable.of(
          "overall test of " + metric,
          Columns.text("test", row, Overall::test),
          Columns.doubles("statistic", row, Overall::statistic),
          Columns.doubles("df1", row, Overall::df1),
          Columns.doubles("df2", row, Overall::df2),
          Columns.doubles("p_value", row, Overall::pValue),
          Columns.text("effect_kind", row, Overall::effectKind),
          Columns.doubles("effect_size", row, Overall::effectSize));
    }
  }

  private final String metric;
  private final List<String> groupColumns;
  private final List<ResultTableColumn> keys;
  private final List<Entry> rows;
  private final Overall overallTest;
  private final boolean paired;
  private final String advice;
  private final double alpha;

  /**
   * @param keys the group columns' values in the order of the rows, in their source types
   */
  RankingResult(
      String metric,
      List<String> groupColumns,
      List<ResultTableColumn> keys,
      List<Entry> rows,
      Overall overallTest,
      boolean paired,
      String advice,
      double alpha) {
    this.metric = metric;
    this.groupColumns = List.copyOf(groupColumns);
    this.keys = List.copyOf(keys);
    this.rows = List.copyOf(rows);
    this.overallTest = overallTest;
    this.paired = paired;
    this.advice = advice;
    this.alpha = alpha;
  }

  /**
   * @return the metric ranked
   */
  public String metric() {
    return metric;
  }

  /**
   * @return the group columns: the columns of {@link #table()} between {@code rank} and {@code n}
   */
  public List<String> groupColumns() {
    return groupColumns;
  }

  /**
   * @return every group, best first; groups without ok values last, unranked
   */
  public List<Entry> rows() {
    return rows;
  }

  /**
   * @return the ranked groups (those with an ok value), best first
   */
  public List<Entry> entries() {
    return rows.stream().filter(Entry::ranked).toList();
  }

  /**
   * @return the best group
   * @throws AnalysisException when no group has an ok value
   */
  public Entry best() {
    if (rows.isEmpty() || !rows.get(0).ranked()) {
      throw AnalysisException.of(
          "No group of ranking of %s has an ok value, so none is best", metric);
    }
    return rows.get(0);
  }

  /**
   * @return the test across all groups
   */
  public Overall overallTest() {
    return overallTest;
  }

  /**
   * @return whether the comparisons with the best were paired by seed
   */
  public boolean paired() {
    return paired;
  }

  /**
   * @return a sentence on the replicates needed when the best cannot be told from the runner-up;
   *     empty otherwise
   */
  public String advice() {
    return advice;
  }

  /**
   * @return the significance level, {@code 1 - confidence}: a group is distinguishable from the
   *     best when its Holm-adjusted p is below it
   */
  public double alpha() {
    return alpha;
  }

  /**
   * @return one row per group, best first: {@code rank}, the group columns (in their source types),
   *     {@code n, mean, ci_low, ci_high, sd, median, difference_vs_best, test, p_value, p_holm,
   *     distinguishable_from_best, effect_kind, effect_size, hedges_g, rank_group}; a missing
   *     {@code rank} for groups without ok runs, a missing {@code rank_group} where there is none
   */
  @Override
  public ResultTable resultTable() {
    return table.get();
  }

  private final Lazy<ResultTable> table = new Lazy<>(this::buildTable);

  private ResultTable buildTable() {
    List<ResultTableColumn> c = new ArrayList<>();
    c.add(Columns.ints("rank", rows, e -> e.ranked() ? e.rank() : ResultTableColumn.MISSING_INT));
    c.addAll(keys);
    c.add(Columns.longs("n", rows, Entry::n));
    c.add(Columns.doubles("mean", rows, Entry::mean));
    c.add(Columns.doubles("ci_low", rows, Entry::ciLow));
    c.add(Columns.doubles("ci_high", rows, Entry::ciHigh));
    c.add(Columns.doubles("sd", rows, Entry::sd));
    c.add(Columns.doubles("median", rows, Entry::median));
    c.add(Columns.doubles("difference_vs_best", rows, Entry::differenceVsBest));
    c.add(Columns.text("test", rows, Entry::test));
    c.add(Columns.doubles("p_value", rows, Entry::pValue));
    c.add(Columns.doubles("p_holm", rows, Entry::pHolm));
    c.add(Columns.booleans("distinguishable_from_best", rows, Entry::distinguishableFromBest));
    c.add(Columns.text("effect_kind", rows, Entry::effectKind));
    c.add(Columns.doubles("effect_size", rows, Entry::effectSize));
    c.add(Columns.doubles("hedges_g", rows, Entry::hedgesG));
    c.add(
        Columns.ints(
            "rank_group",
            rows,
            e -> e.rankGroup() > 0 ? e.rankGroup() : ResultTableColumn.MISSING_INT));
    return new ResultTable("ranking of " + metric, c);
  }

  /**
   * @return the Tablesaw view of {@link #resultTable()}, a new table on each call
   */
  public Table table() {
    return toTable();
  }

  /**
   * @return the Tablesaw view of {@link #overallTest()}: one row, {@code test, statistic, df1, df2,
   *     p_value, effect_kind, effect_size}
   */
  public Table overall() {
    return overallTest.toTable();
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "ranking of %s: %d groups by %s, %d ranked%s",
        metric,
        rows.size(),
        groupColumns,
        entries().size(),
        paired ? ", paired by seed" : "");
  }
}
