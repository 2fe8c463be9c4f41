package org.sweeplab.store;

/** Small JSON text helpers for the hot path of journal writing (values are strings, numbers and booleans only). */
final class JsonText {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private JsonText() {}

  /** Appends {@code s} as a JSON string literal. */
  static void string(StringBuilder sb, String s) {
    sb.append('"');
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x2028 || c == 0x2029) {
            sb.append("\\u00").append(HEX[(c >> 4) & 0xF]).append(HEX[c & 0xF]);
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }

  /** Appends a scalar value: a string, a long, a double (null when not finite) or a boolean. */
  static void value(StringBuilder sb, Object v) {
    if (v == null) {
      sb.append("null");
    } else if (v instanceof String s) {
      string(sb, s);
    } else if (v instanceof Double d) {
      number(sb, d);
    } else if (v instanceof Long || v instanceof Integer || v instanceof Boolean) {
      sb.append(v);
    } else {
      string(sb, v.toString());
    }
  }

  /** Appends a double, or null when it is NaN or infinite. */
  static void number(StringBuilder sb, double d) {
    if (Double.isFinite(d)) {
      Numbers.append(sb, d);
    } else {
      sb.append("null");
    }
  }

  /** Appends a non-negative duration in nanoseconds as milliseconds with three decimals. */
  static void millis3(StringBuilder sb, long nanos) {
    long micros = Math.max(0, nanos) / 1000;
    sb.append(micros / 1000).append('.');
    long frac = micros % 1000;
    if (frac < 100) {
      sb.append('0');
    }
    if (frac < 10) {
      sb.append('0');
    }
    sb.append(frac);
  }
}
