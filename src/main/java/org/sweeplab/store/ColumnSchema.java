package org.sweeplab.store;

import java.util.Locale;

/** One column of results.csv: its name, value kind and role. Recorded in summary.json. */
record ColumnSchema(String name, ColumnKind kind, Role role) {

  enum Role {
    ID, PARAMETER, STATUS, METRIC, COST, TIMING, ERROR;

    String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}
