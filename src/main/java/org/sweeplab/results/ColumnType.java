package org.sweeplab.results;

import java.util.Locale;

/**
 * The value type of a results column, as {@code summary.json} records it ({@code "type": "long"}).
 */
public enum ColumnType {
  STRING,
  INTEGER,
  LONG,
  DOUBLE,
  BOOLEAN;

  /**
   * @return the lower-case label written in {@code summary.json}
   */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * @param s a label as written by {@link #label()}, in any case
   * @return the type
   * @throws IllegalArgumentException for an unknown label
   */
  public static ColumnType fromLabel(String s) {
    return valueOf(s.toUpperCase(Locale.ROOT));
  }

  /**
   * @return whether values of this type are numbers
   */
  public boolean isNumeric() {
    return this == INTEGER || this == LONG || this == DOUBLE;
  }

  /**
   * @return the type of one value: LONG for integers, DOUBLE, BOOLEAN, or STRING for anything else
   */
  public static ColumnType of(Object v) {
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

  /**
   * @return the type that holds values of both types; {@code a} null means no value seen yet
   */
  public static ColumnType widen(ColumnType a, ColumnType b) {
    if (a == null) {
      return b;
    }
    if (a == b) {
      return a;
    }
    if (a.isNumeric() && b.isNumeric()) {
      return a == DOUBLE || b == DOUBLE ? DOUBLE : LONG;
    }
    return STRING;
  }
}
