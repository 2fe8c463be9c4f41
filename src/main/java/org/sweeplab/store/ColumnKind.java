package org.sweeplab.store;

import java.util.Locale;
import tech.tablesaw.api.ColumnType;

/** The value type of a results column; it decides the Tablesaw column type when the table is loaded. */
enum ColumnKind {
  STRING(ColumnType.STRING),
  INTEGER(ColumnType.INTEGER),
  LONG(ColumnType.LONG),
  DOUBLE(ColumnType.DOUBLE),
  BOOLEAN(ColumnType.BOOLEAN);

  private final ColumnType tablesaw;

  ColumnKind(ColumnType tablesaw) {
    this.tablesaw = tablesaw;
  }

  ColumnType tablesaw() {
    return tablesaw;
  }

  String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  static ColumnKind fromLabel(String s) {
    return valueOf(s.toUpperCase(Locale.ROOT));
  }

  /** The kind of one value. */
  static ColumnKind of(Object v) {
    if (v instanceof Long || v instanceof Integer) {
      return LONG;
    }
    if (v instanceof Double) {
      return DOUBLE;
    }
    if (v instanceof Boolean) {
      return BOOLEAN;
    }
    return STRING;
  }

  /** The kind that can hold values of both kinds (null means "no value seen yet"). */
  static ColumnKind widen(ColumnKind a, ColumnKind b) {
    if (a == null) {
      return b;
    }
    if (a == b) {
      return a;
    }
    if ((a == LONG || a == DOUBLE) && (b == LONG || b == DOUBLE)) {
      return DOUBLE;
    }
    return STRING;
  }
}
