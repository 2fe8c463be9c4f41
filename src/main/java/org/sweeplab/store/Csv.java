package org.sweeplab.store;

/** CSV field quoting (RFC 4180): a field with a comma, quote or line break is quoted, quotes doubled. */
final class Csv {
  private Csv() {}

  static void field(StringBuilder sb, String s) {
    boolean quote = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == ',' || c == '"' || c == '\n' || c == '\r') {
        quote = true;
        break;
      }
    }
    if (!quote) {
      sb.append(s);
      return;
    }
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"') {
        sb.append('"');
      }
      sb.append(c);
    }
    sb.append('"');
  }

  /** The CSV text of a scalar value (empty for null or a non-finite double). */
  static void value(StringBuilder sb, Object v) {
    if (v == null) {
      return;
    }
    if (v instanceof Double d) {
      if (Double.isFinite(d)) {
        Numbers.append(sb, d);
      }
    } else if (v instanceof String s) {
      field(sb, s);
    } else {
      sb.append(v);
    }
  }
}
