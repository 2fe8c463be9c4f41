package org.sweeplab.analysis;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sweeplab.results.DesignLayout;
import org.sweeplab.results.ResultsContract;

/**
 * The value of every cell of a sensitivity design, read from the runs: the mean of the metric over
 * the ok runs of the cell's variation (or, with {@link FailedRunPolicy#SUCCESS_INDICATOR}, the
 * share of its runs that are ok), and which base rows are complete. Internal.
 *
 * @param values per row, per cell, the value (NaN when the cell has none)
 * @param complete the indices of the rows whose cells all have a value, in row order
 * @param dropped the number of rows left out
 */
record SensitivityCells(double[][] values, int[] complete, int dropped) {

  static SensitivityCells of(
      Runs runs, String metric, DesignLayout layout, FailedRunPolicy policy) {
    if (!runs.columnNames().contains(ResultsContract.VARIATION_ID)) {
      throw AnalysisException.of(
          "Table %s has no %s column; a sensitivity analysis matches runs to the design's"
              + " cells by it",
          runs.name(), ResultsContract.VARIATION_ID);
    }
    List<String> ids = layout.variationIds();
    Map<String, Integer> index = new HashMap<>(ids.size() * 2);
    for (int i = 0; i < ids.size(); i++) {
      index.put(ids.get(i), i);
    }
    double[] sum = new double[ids.size()];
    int[] ok = new int[ids.size()];
    int[] all = new int[ids.size()];
    String[] variation = runs.text(ResultsContract.VARIATION_ID);
    boolean[] isOk = runs.ok();
    double[] y =
        policy == FailedRunPolicy.SUCCESS_INDICATOR ? null : runs.numeric(runs.metric(metric));
    int foreign = 0;
    for (int row = 0; row < variation.length; row++) {
      Integer v = index.get(variation[row]);
      if (v == null) {
        foreign++;
        continue;
      }
      all[v]++;
      if (isOk[row] && (y == null || !Double.isNaN(y[row]))) {
        ok[v]++;
        sum[v] += y == null ? 0 : y[row];
      }
    }
    if (foreign > 0) {
      throw AnalysisException.of(
          "%d runs of %s have a %s that the %s design does not have; analyse the folder"
              + " the design was run in",
          foreign,
          runs.name(),
          ResultsContract.VARIATION_ID,
          layout.kind().name().toLowerCase(Locale.ROOT));
    }
    double[][] values = new double[layout.rows()][layout.width()];
    int[] complete = new int[layout.rows()];
    int kept = 0;
    int emptyCells = 0;
    for (int r = 0; r < layout.rows(); r++) {
      boolean full = true;
      for (int c = 0; c < layout.width(); c++) {
        int v = layout.cell(r, c);
        double value;
        if (policy == FailedRunPolicy.SUCCESS_INDICATOR) {
          value = all[v] == 0 ? Double.NaN : (double) ok[v] / all[v];
        } else {
          value = ok[v] == 0 ? Double.NaN : sum[v] / ok[v];
        }
        values[r][c] = value;
        if (Double.isNaN(value)) {
          full = false;
          emptyCells++;
        }
      }
      if (full) {
        complete[kept++] = r;
      }
    }
    int dropped = layout.rows() - kept;
    String unit = layout.kind() == DesignLayout.Kind.MORRIS ? "trajectories" : "base rows";
    if (dropped > 0 && policy == FailedRunPolicy.FAIL) {
      throw AnalysisException.of(
          "%d cells of the %s design have no value of %s (their runs failed, gave NaN or did"
              + " not run), in %d of %d %s; use the failed-run policy drop_incomplete_blocks or success_indicator",
          emptyCells,
          layout.kind().name().toLowerCase(Locale.ROOT),
          metric,
          dropped,
          layout.rows(),
          unit);
    }
    if (kept < 2) {
      throw AnalysisException.of(
          "Only %d of %d %s of the %s design are complete (every cell with a value of %s);"
              + " a sensitivity analysis needs at least 2",
          kept, layout.rows(), unit, layout.kind().name().toLowerCase(Locale.ROOT), metric);
    }
    return new SensitivityCells(values, java.util.Arrays.copyOf(complete, kept), dropped);
  }
}
