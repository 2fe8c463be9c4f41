package org.sweeplab.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tech.tablesaw.api.Table;

/**
 * The Sobol indices of one metric from a Saltelli sample, as {@link Sensitivity#sobol} estimates
 * them: each index with its percentile bootstrap interval, the same indices on nested prefixes of
 * the sample (convergence), how many base rows were used and dropped, and the warnings. Immutable;
 * figures and reports draw from it and never recompute. Indices are NaN when the output is
 * constant.
 */
public final class SobolResult implements SensitivityResult {
  /** The kinds of index. */
  public enum Kind {
    /** First order: the share of the output variance due to the factor alone. */
    S1,
    /** Total: the share due to the factor with all its interactions. */
    ST,
    /** Second order: the share due to the interaction of two factors alone. */
    S2
  }

  /**
   * One index.
   *
   * @param parameter the factor
   * @param other the second factor of an S2 index, else the empty string
   * @param kind the kind
   * @param estimate the estimate on every row used
   * @param low the lower end of the bootstrap interval
   * @param high the upper end
   */
  public record Index(
      String parameter, String other, Kind kind, double estimate, double low, double high) {
    /**
     * @return whether the interval holds 0 (the index cannot be told from 0)
     */
    public boolean straddlesZero() {
      return low <= 0 && high >= 0;
    }

    /**
     * @return high - low
     */
    public double width() {
      return high - low;
    }

    /**
     * @return {@code S1 x1}, or {@code S2 x1,x2}
     */
    public String label() {
      return kind + " " + parameter + (other.isEmpty() ? "" : "," + other);
    }
  }

  /** The indices estimated on the first {@code rows} complete base rows. */
  public record Step(int rows, List<Index> indices) {
    public Step {
      indices = List.copyOf(indices);
    }
  }

  private final String metric;
  private final FailedRunPolicy policy;
  private final int plannedRows;
  private final int droppedRows;
  private final double confidence;
  private final List<Index> indices;
  private final List<Step> convergence;
  private final List<String> warnings;

  SobolResult(
      String metric,
      FailedRunPolicy policy,
      int plannedRows,
      int droppedRows,
      double confidence,
      List<Index> indices,
      List<Step> convergence,
      List<String> warnings) {
    this.metric = metric;
    this.policy = policy;
    this.plannedRows = plannedRows;
    this.droppedRows = droppedRows;
    this.confidence = confidence;
    this.indices = List.copyOf(indices);
    this.convergence = List.copyOf(convergence);
    this.warnings = List.copyOf(warnings);
  }

  /**
   * @return the metric, or {@code success} under {@link FailedRunPolicy#SUCCESS_INDICATOR}
   */
  @Override
  public String metric() {
    return metric;
  }

  public FailedRunPolicy policy() {
    return policy;
  }

  /**
   * @return N, the base rows of the design
   */
  public int plannedRows() {
    return plannedRows;
  }

  /**
   * @return the base rows left out because a cell had no value
   */
  public int droppedRows() {
    return droppedRows;
  }

  /**
   * @return the base rows the estimates use
   */
  public int usedRows() {
    return plannedRows - droppedRows;
  }

  public double confidence() {
    return confidence;
  }

  /**
   * @return S1 and ST of every factor in spec order, then S2 (when the design has it)
   */
  public List<Index> indices() {
    return indices;
  }

  /**
   * @return the indices on nested prefixes of the rows (N/8, N/4, N/2, N), smallest first
   */
  public List<Step> convergence() {
    return convergence;
  }

  /**
   * @return the warnings: intervals that straddle 0 or are wider than the tolerance, dropped rows
   */
  @Override
  public List<String> warnings() {
    return warnings;
  }

  /**
   * @return the index of this kind of a factor (S1 or ST)
   * @throws AnalysisException if there is none
   */
  public Index index(String parameter, Kind kind) {
    return indices.stream()
        .filter(i -> i.parameter().equals(parameter) && i.kind() == kind && i.other().isEmpty())
        .findFirst()
        .orElseThrow(
            () ->
                AnalysisException.of(
                    "No %s index of '%s'; factors are %s",
                    kind, parameter, indices.stream().map(Index::parameter).distinct().toList()));
  }

  /**
   * @return {@code parameter, other, index, estimate, low, high}, one row per index
   */
  @Override
  public ResultTable resultTable() {
    List<ResultTableColumn> c = new ArrayList<>();
    indexColumns(indices, c);
    return new ResultTable("Sobol indices of " + metric, c);
  }

  /**
   * @return {@code rows, parameter, other, index, estimate, low, high}, one row per index and
   *     prefix
   */
  public ResultTable convergenceResultTable() {
    List<Integer> rows = new ArrayList<>();
    List<Index> all = new ArrayList<>();
    for (Step s : convergence) {
      for (Index i : s.indices()) {
        rows.add(s.rows());
        all.add(i);
      }
    }
    List<ResultTableColumn> c = new ArrayList<>();
    c.add(Columns.ints("rows", rows, Integer::intValue));
    indexColumns(all, c);
    return new ResultTable("convergence of the Sobol indices of " + metric, c);
  }

  /**
   * @return the Tablesaw view of {@link #convergenceResultTable()}
   */
  public Table convergenceTable() {
    return convergenceResultTable().toTable();
  }

  private static void indexColumns(List<Index> list, List<ResultTableColumn> out) {
    out.add(Columns.text("parameter", list, Index::parameter));
    out.add(Columns.text("other", list, Index::other));
    out.add(Columns.text("index", list, i -> i.kind().name()));
    out.add(Columns.doubles("estimate", list, Index::estimate));
    out.add(Columns.doubles("low", list, Index::low));
    out.add(Columns.doubles("high", list, Index::high));
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "Sobol indices of %s: %d indices from %d of %d base rows",
        metric,
        indices.size(),
        usedRows(),
        plannedRows);
  }
}
