package org.sweeplab.analysis;

import tech.tablesaw.api.Table;

/**
 * A typed analysis result (rows of records) that has a table view: {@link #toTable()} builds, on
 * each call, a new Tablesaw table of the same values under the documented column names, as the
 * report's CSV and JSON files hold them. Read values from the typed rows; the table is for display
 * (notebooks) and for writing.
 */
public interface TabularResult {
  /**
   * @return a new table of the result's rows
   */
  Table toTable();
}
