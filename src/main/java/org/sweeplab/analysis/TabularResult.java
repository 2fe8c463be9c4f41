package org.sweeplab.analysis;

import tech.tablesaw.api.Table;

/**
 * A typed analysis result (rows of records) that has a table: {@link #resultTable()} holds the same
 * values under the documented column names, as the report's CSV and JSON files hold them, and
 * {@link #toTable()} is its Tablesaw view, built on each call. Read values from the typed rows; the
 * tables are for display (notebooks) and for writing.
 */
public interface TabularResult {
  /**
   * @return the result's rows as a table of typed columns
   */
  ResultTable resultTable();

  /**
   * @return a new Tablesaw table of the result's rows: {@link ResultTable#toTable()} of {@link
   *     #resultTable()}
   */
  default Table toTable() {
    return resultTable().toTable();
  }
}
