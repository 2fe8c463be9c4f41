package org.sweeplab.analysis;

/**
 * What a sensitivity analysis does with cells of its design that have no value: a variation whose
 * runs all failed (or have not run, or gave NaN). The estimators need every cell of a block, so a
 * failure can never pass as NaN.
 */
public enum FailedRunPolicy {
  /**
   * Drop every base row with a cell without value (Saltelli: A_j, B_j and all AB_j^i, BA_j^i
   * together; Morris: the whole trajectory) and estimate from the complete ones; the result says
   * how many were dropped. The default. The estimate is then conditional on success: if failures
   * depend on the parameters, look at {@link #SUCCESS_INDICATOR} too.
   */
  DROP_INCOMPLETE_BLOCKS,
  /**
   * Analyse success as the output: the value of a cell is the share of its variation's runs that
   * are ok (1 or 0 with one replicate; the metric is not read), so the indices say which parameters
   * drive failure. Cells of variations with no run at all still drop their row.
   */
  SUCCESS_INDICATOR,
  /** Refuse: any cell without value is an error that says how many there are. */
  FAIL
}
