package org.sweeplab.store;

/**
 * CSV text of values (RFC 4180): a field with a comma, quote or line break is quoted, quotes
 * doubled.
 */
final class Csv {
  private Csv() {}

  /** The CSV field text of a scalar value (empty for null or a non-finite double). */
  static String text(Object v) {
    if (v == null) {
      return "";
    }
    ByteLine line = new ByteLine();
    if (v instanceof Double d) {
      if (Double.isFinite(d)) {
        line.decimal(d);
      }
    } else if (v instanceof String s) {
      line.csvField(s);
    } else {
      line.text(v.toString());
    }
    return new String(line.array(), 0, line.length(), java.nio.charset.StandardCharsets.UTF_8);
  }
}
