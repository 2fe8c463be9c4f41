package org.sweeplab.store;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Decodes a journal line in the exact form {@link JournalFormat#encode} writes it (fields in their
 * fixed order, no whitespace) without a JSON parser: a resume of half a million runs spent most of
 * its time creating one parser per line. Anything else - another field order, whitespace, an
 * escaped character in a string, a number out of range - gives null, and the caller parses the line
 * with Jackson as before, so the result never depends on which path read it (JournalDecoderTest
 * compares both).
 */
final class JournalDecoder {
  private final byte[] b;
  private final int end;
  private final boolean outcomeOnly;
  private int i;

  private JournalDecoder(byte[] b, int off, int len, boolean outcomeOnly) {
    this.b = b;
    this.i = off;
    this.end = off + len;
    this.outcomeOnly = outcomeOnly;
  }

  /** The entry of a canonical line, or null when the line is not in the canonical form. */
  static JournalReader.Entry decode(byte[] b, int off, int len) {
    return decode(b, off, len, false);
  }

  /**
   * As {@link #decode(byte[], int, int)}; with {@code outcomeOnly}, the fields a resume does not
   * need (run id, variation id, parameters, start time) are checked but not kept: null, and an
   * empty map for the parameters.
   */
  static JournalReader.Entry decode(byte[] b, int off, int len, boolean outcomeOnly) {
    try {
      return new JournalDecoder(b, off, len, outcomeOnly).entry();
    } catch (RuntimeException e) {
      return null; // NumberFormatException, or a line cut short: Jackson decides
    }
  }

  private JournalReader.Entry entry() {
    if (!literal("{\"run_id\":")) {
      return null;
    }
    String runId = optionalString();
    if (runId == NOT_A_STRING || !literal(",\"variation_id\":")) {
      return null;
    }
    String variationId = optionalString();
    if (variationId == NOT_A_STRING || !literal(",\"variation_key\":")) {
      return null;
    }
    String key = string();
    if (key == null || !literal(",\"replicate\":")) {
      return null;
    }
    int replicate = Math.toIntExact(integer());
    if (!literal(",\"seed\":")) {
      return null;
    }
    long seed = integer();
    if (!literal(",\"params\":")) {
      return null;
    }
    Map<String, Object> params = outcomeOnly ? skipObject() : object();
    if (params == null || !literal(",\"status\":")) {
      return null;
    }
    String status = string();
    if (status == null || !literal(",\"metrics\":")) {
      return null;
    }
    Map<String, Object> metrics = object();
    if (metrics == null || !literal(",\"cost\":")) {
      return null;
    }
    double cost = nullableDouble();
    if (!literal(",\"started_at\":")) {
      return null;
    }
    String startedAt = optionalString();
    if (startedAt == NOT_A_STRING || !literal(",\"duration_ms\":")) {
      return null;
    }
    double duration = nullableDouble();
    if (!literal(",\"attempts\":")) {
      return null;
    }
    int attempts = Math.toIntExact(integer());
    if (!literal(",\"error\":")) {
      return null;
    }
    String errorType = null;
    String errorMessage = null;
    if (!literal("null")) {
      if (!literal("{\"type\":")) {
        return null;
      }
      errorType = string();
      if (errorType == null || !literal(",\"message\":")) {
        return null;
      }
      errorMessage = string();
      if (errorMessage == null || !literal("}")) {
        return null;
      }
    }
    if (!literal("}") || i != end || replicate < 1) {
      return null;
    }
    return new JournalReader.Entry(
        runId,
        variationId,
        key,
        replicate,
        seed,
        params,
        status,
        metrics,
        cost,
        startedAt,
        duration,
        attempts,
        errorType,
        errorMessage);
  }

  /** Consumes {@code s} (ASCII) when the line continues with it. */
  private boolean literal(String s) {
    int n = s.length();
    if (end - i < n) {
      return false;
    }
    for (int k = 0; k < n; k++) {
      if (b[i + k] != s.charAt(k)) {
        return false;
      }
    }
    i += n;
    return true;
  }

  /** What {@link #optionalString} returns for a value that is not a plain string. */
  private static final String NOT_A_STRING = new String("not a string");

  /**
   * A string as {@link #string()}, or null when only the outcome is kept (the string is checked but
   * not made); {@link #NOT_A_STRING} when it is no plain string.
   */
  private String optionalString() {
    if (!outcomeOnly) {
      String s = string();
      return s == null ? NOT_A_STRING : s;
    }
    if (i >= end || b[i] != '"') {
      return NOT_A_STRING;
    }
    for (int k = i + 1; k < end; k++) {
      byte c = b[k];
      if (c == '"') {
        i = k + 1;
        return null;
      }
      if (c == '\\' || c < 0x20) {
        return NOT_A_STRING;
      }
    }
    return NOT_A_STRING;
  }

  /** An ASCII string without escapes, or null. */
  private String string() {
    if (i >= end || b[i] != '"') {
      return null;
    }
    int start = ++i;
    while (i < end) {
      byte c = b[i];
      if (c == '"') {
        String s = new String(b, start, i - start, StandardCharsets.ISO_8859_1);
        i++;
        return s;
      }
      if (c == '\\' || c < 0x20) {
        return null; // escapes, control characters and non-ASCII (checked UTF-8): Jackson's
        // business
      }
      i++;
    }
    return null;
  }

  /** A JSON integer (optional minus, digits, no leading zero). */
  private long integer() {
    int start = i;
    if (scanNumber()) {
      throw new NumberFormatException("not a JSON integer");
    }
    return Long.parseLong(new String(b, start, i - start, StandardCharsets.US_ASCII));
  }

  /** A number as a double, NaN for {@code null}. */
  private double nullableDouble() {
    if (literal("null")) {
      return Double.NaN;
    }
    Object n = number();
    return ((Number) n).doubleValue();
  }

  /**
   * A JSON number: a Long when it is an integer (as Jackson's int token), else a Double; throws
   * when it is not a JSON number.
   */
  private Object number() {
    int start = i;
    boolean fraction = scanNumber();
    String text = new String(b, start, i - start, StandardCharsets.US_ASCII);
    if (fraction) {
      return Double.parseDouble(text);
    }
    return Long.parseLong(text);
  }

  /** Moves past a JSON number; true when it has a fraction or exponent. */
  private boolean scanNumber() {
    boolean fraction = false;
    if (i < end && b[i] == '-') {
      i++;
    }
    int digits = i;
    while (i < end && b[i] >= '0' && b[i] <= '9') {
      i++;
    }
    if (i == digits || (b[digits] == '0' && i - digits > 1)) {
      throw new NumberFormatException("not a JSON number");
    }
    if (i < end && b[i] == '.') {
      fraction = true;
      int f = ++i;
      while (i < end && b[i] >= '0' && b[i] <= '9') {
        i++;
      }
      if (i == f) {
        throw new NumberFormatException("not a JSON number");
      }
    }
    if (i < end && (b[i] == 'e' || b[i] == 'E')) {
      fraction = true;
      i++;
      if (i < end && (b[i] == '+' || b[i] == '-')) {
        i++;
      }
      int e = i;
      while (i < end && b[i] >= '0' && b[i] <= '9') {
        i++;
      }
      if (i == e) {
        throw new NumberFormatException("not a JSON number");
      }
    }
    return fraction;
  }

  /**
   * Moves past a flat object of scalars without keeping it: an empty map, or null when it is not
   * one (names may repeat here: the values are not kept).
   */
  private Map<String, Object> skipObject() {
    if (i >= end || b[i] != '{') {
      return null;
    }
    i++;
    if (literal("}")) {
      return Map.of();
    }
    while (true) {
      if (optionalString() == NOT_A_STRING || !literal(":") || i >= end) {
        return null;
      }
      byte c = b[i];
      if (c == '"') {
        if (optionalString() == NOT_A_STRING) {
          return null;
        }
      } else if (c == '-' || (c >= '0' && c <= '9')) {
        scanNumber();
      } else if (!literal("null") && !literal("true") && !literal("false")) {
        return null;
      }
      if (literal("}")) {
        return Map.of();
      }
      if (!literal(",")) {
        return null;
      }
    }
  }

  /** A flat object of scalars (string, number, true, false, null) in order, or null. */
  private Map<String, Object> object() {
    if (i >= end || b[i] != '{') {
      return null;
    }
    i++;
    Map<String, Object> m = new LinkedHashMap<>();
    if (literal("}")) {
      return m;
    }
    while (true) {
      String name = string();
      if (name == null || !literal(":") || m.containsKey(name)) {
        return null; // a repeated name: Jackson's last-wins, not worth repeating here
      }
      Object v;
      if (i >= end) {
        return null;
      }
      byte c = b[i];
      if (c == '"') {
        v = string();
        if (v == null) {
          return null;
        }
      } else if (literal("null")) {
        v = null;
      } else if (literal("true")) {
        v = Boolean.TRUE;
      } else if (literal("false")) {
        v = Boolean.FALSE;
      } else if (c == '-' || (c >= '0' && c <= '9')) {
        v = number();
      } else {
        return null; // nested values: Jackson skips them
      }
      m.put(name, v);
      if (literal("}")) {
        return m;
      }
      if (!literal(",")) {
        return null;
      }
    }
  }
}
