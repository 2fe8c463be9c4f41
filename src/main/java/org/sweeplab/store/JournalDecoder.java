package org.sweeplab.store;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.sweeplab.results.AsciiDecimal;
import org.sweeplab.run.RunStatus;
import org.sweeplab.space.VariationKeys;

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

  /**
   * What a resume keeps of a line, filled in place line after line: no entry, key, status string or
   * map is made per line (a resume reads half a million lines while the JIT compiler warms up). The
   * metric names are those of the line before when their bytes are the same.
   */
  static final class Outcome {
    long shortKey;
    int replicate;
    long seed;
    RunStatus status;
    int metrics;
    String[] names = new String[4];
    Object[] values = new Object[4];
    double cost;
    double durationMs;
    String errorType;
    String errorMessage;

    /** The metrics as a map, in order (for tests and messages). */
    Map<String, Object> metricMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      for (int k = 0; k < metrics; k++) {
        m.put(names[k], values[k]);
      }
      return m;
    }
  }

  private static final RunStatus[] STATUSES = RunStatus.values();
  private static final byte[][] STATUS_LABELS = new byte[STATUSES.length][];

  static {
    for (int k = 0; k < STATUSES.length; k++) {
      STATUS_LABELS[k] = STATUSES[k].label().getBytes(StandardCharsets.US_ASCII);
    }
  }

  /**
   * Decodes a canonical line into {@code out}: true when done; false when the line is not in the
   * canonical form, its key does not start with 16 lower-case hex digits or its status is not known
   * (the caller then reads it as before, with its warnings). What it decodes equals what {@link
   * #decode} gives (JournalDecoderTest).
   */
  static boolean decodeOutcome(byte[] b, int off, int len, Outcome out) {
    try {
      return new JournalDecoder(b, off, len, true).outcome(out);
    } catch (RuntimeException e) {
      return false; // NumberFormatException, or a line cut short: Jackson decides
    }
  }

  private boolean outcome(Outcome o) {
    if (!literal("{\"run_id\":")
        || optionalString() == NOT_A_STRING
        || !literal(",\"variation_id\":")
        || optionalString() == NOT_A_STRING
        || !literal(",\"variation_key\":\"")) {
      return false;
    }
    int key = i;
    o.shortKey = hex16(key);
    i = key - 1;
    if (optionalString() == NOT_A_STRING || !literal(",\"replicate\":")) {
      return false;
    }
    o.replicate = Math.toIntExact(integer());
    if (!literal(",\"seed\":")) {
      return false;
    }
    o.seed = integer();
    if (!literal(",\"params\":") || skipObject() == null || !literal(",\"status\":\"")) {
      return false;
    }
    o.status = status();
    if (o.status == null || !literal("\",\"metrics\":") || !metrics(o) || !literal(",\"cost\":")) {
      return false;
    }
    o.cost = nullableDouble();
    if (!literal(",\"started_at\":")
        || optionalString() == NOT_A_STRING
        || !literal(",\"duration_ms\":")) {
      return false;
    }
    o.durationMs = nullableDouble();
    if (!literal(",\"attempts\":")) {
      return false;
    }
    integer();
    if (!literal(",\"error\":")) {
      return false;
    }
    o.errorType = null;
    o.errorMessage = null;
    if (!literal("null")) {
      if (!literal("{\"type\":")) {
        return false;
      }
      o.errorType = string();
      if (o.errorType == null || !literal(",\"message\":")) {
        return false;
      }
      o.errorMessage = string();
      if (o.errorMessage == null || !literal("}")) {
        return false;
      }
    }
    return literal("}") && i == end && o.replicate >= 1;
  }

  /** The first 16 hex digits at {@code at} as a long ({@link VariationKeys#shortKey}). */
  private long hex16(int at) {
    if (end - at < 16) {
      throw new NumberFormatException("short key");
    }
    long v = 0;
    for (int k = at; k < at + 16; k++) {
      int c = b[k];
      int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
      if (d < 0) {
        throw new NumberFormatException("not a key"); // the slow path warns as before
      }
      v = (v << 4) | d;
    }
    return v;
  }

  /** A known status label followed by its closing quote (not consumed), or null. */
  private RunStatus status() {
    for (int k = 0; k < STATUS_LABELS.length; k++) {
      byte[] label = STATUS_LABELS[k];
      int n = label.length;
      if (end - i > n && b[i + n] == '"' && java.util.Arrays.equals(b, i, i + n, label, 0, n)) {
        i += n;
        return STATUSES[k];
      }
    }
    return null;
  }

  /** A flat object of scalars into {@code o}'s metrics, as {@link #object()} reads it. */
  private boolean metrics(Outcome o) {
    o.metrics = 0;
    if (i >= end || b[i] != '{') {
      return false;
    }
    i++;
    if (literal("}")) {
      return true;
    }
    while (true) {
      int k = o.metrics;
      if (k == o.names.length) {
        o.names = java.util.Arrays.copyOf(o.names, 2 * k);
        o.values = java.util.Arrays.copyOf(o.values, 2 * k);
      }
      String name = name(o.names[k]);
      if (name == null || !literal(":") || i >= end) {
        return false;
      }
      for (int m = 0; m < k; m++) {
        if (o.names[m].equals(name)) {
          return false; // a repeated name: Jackson's last-wins, not worth repeating here
        }
      }
      Object v = scalar();
      if (v == NOT_A_SCALAR) {
        return false;
      }
      o.names[k] = name;
      o.values[k] = v;
      o.metrics = k + 1;
      if (literal("}")) {
        return true;
      }
      if (!literal(",")) {
        return false;
      }
    }
  }

  /** A string as {@link #string()}; {@code last} itself when it has the same characters. */
  private String name(String last) {
    if (last != null && i < end && b[i] == '"') {
      int n = last.length();
      int close = i + 1 + n;
      if (close < end && b[close] == '"') {
        boolean same = true;
        for (int k = 0; k < n; k++) {
          if (b[i + 1 + k] != last.charAt(k)) {
            same = false;
            break;
          }
        }
        if (same) {
          i = close + 1;
          return last;
        }
      }
    }
    return string();
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
    return AsciiNumbers.toLong(b, start, i);
  }

  /** A number as a double, NaN for {@code null}. */
  private double nullableDouble() {
    if (literal("null")) {
      return Double.NaN;
    }
    int start = i;
    if (!scanNumber()) {
      return AsciiNumbers.toLong(b, start, i);
    }
    double d = AsciiDecimal.exact(b, start, i);
    return Double.isNaN(d)
        ? Double.parseDouble(new String(b, start, i - start, StandardCharsets.US_ASCII))
        : d;
  }

  /**
   * A JSON number: a Long when it is an integer (as Jackson's int token), else a Double; throws
   * when it is not a JSON number.
   */
  private Object number() {
    int start = i;
    boolean fraction = scanNumber();
    if (!fraction) {
      return AsciiNumbers.toLong(b, start, i);
    }
    double d = AsciiDecimal.exact(b, start, i);
    if (Double.isNaN(d)) {
      d = Double.parseDouble(new String(b, start, i - start, StandardCharsets.US_ASCII));
    }
    return d;
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

  /** What {@link #scalar} returns for anything else than a plain scalar. */
  private static final Object NOT_A_SCALAR = new Object();

  /**
   * A string (without escapes), number (Long or Double), true, false or null; {@link #NOT_A_SCALAR}
   * for anything else, such as a nested value (Jackson's business).
   */
  private Object scalar() {
    if (i >= end) {
      return NOT_A_SCALAR;
    }
    byte c = b[i];
    if (c == '"') {
      String v = string();
      return v == null ? NOT_A_SCALAR : v;
    } else if (literal("null")) {
      return null;
    } else if (literal("true")) {
      return Boolean.TRUE;
    } else if (literal("false")) {
      return Boolean.FALSE;
    } else if (c == '-' || (c >= '0' && c <= '9')) {
      return number();
    }
    return NOT_A_SCALAR;
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
      Object v = scalar();
      if (v == NOT_A_SCALAR) {
        return null;
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
