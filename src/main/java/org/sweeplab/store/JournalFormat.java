package org.sweeplab.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.sweeplab.run.RunRecord;
import org.sweeplab.space.Variation;

/**
 * The {@code runs.jsonl} line format: one JSON object per finished run, fields in a fixed order
 * (documented in docs/output-format.md). A resume that only needs (variation key, replicate,
 * status) finds them by scanning, without a full parse: quotes inside string values are always
 * escaped, so the field markers cannot appear inside values.
 */
final class JournalFormat {
  private JournalFormat() {}

  /** Encodes one record as a line, including the trailing newline. */
  static void encode(ByteLine out, RunRecord r, TimeFormat time) {
    Variation v = r.run().variation();
    out.ascii("{\"run_id\":")
        .jsonString(r.run().runId())
        .ascii(",\"variation_id\":")
        .jsonString(v.id())
        .ascii(",\"variation_key\":\"")
        .ascii(v.key())
        .ascii("\",\"replicate\":")
        .number(r.run().replicate())
        .ascii(",\"seed\":")
        .number(r.run().seed())
        .ascii(",\"params\":{");
    List<String> names = v.names();
    Object[] values = v.values();
    for (int i = 0; i < values.length; i++) {
      if (i > 0) {
        out.put(',');
      }
      out.jsonString(names.get(i)).put(':');
      value(out, values[i]);
    }
    out.ascii("},\"status\":\"").ascii(r.status().label()).ascii("\",\"metrics\":{");
    boolean first = true;
    for (Map.Entry<String, Object> e : r.metrics().entrySet()) {
      if (!first) {
        out.put(',');
      }
      first = false;
      out.jsonString(e.getKey()).put(':');
      value(out, e.getValue());
    }
    out.ascii("},\"cost\":");
    number(out, r.cost());
    out.ascii(",\"started_at\":\"")
        .ascii(time.format(r.startedAtMillis()))
        .ascii("\",\"duration_ms\":");
    millis3(out, r.durationNanos());
    out.ascii(",\"attempts\":").number(r.attempts()).ascii(",\"error\":");
    if (r.errorType() == null) {
      out.ascii("null");
    } else {
      out.ascii("{\"type\":")
          .jsonString(r.errorType())
          .ascii(",\"message\":")
          .jsonString(r.errorMessage() == null ? "" : r.errorMessage())
          .put('}');
    }
    out.ascii("}\n");
  }

  /** A scalar value: a string, a long, a double (null when not finite) or a boolean. */
  static void value(ByteLine out, Object v) {
    if (v == null) {
      out.ascii("null");
    } else if (v instanceof String s) {
      out.jsonString(s);
    } else if (v instanceof Double d) {
      number(out, d);
    } else if (v instanceof Long l) {
      out.number(l);
    } else if (v instanceof Boolean b) {
      out.ascii(b ? "true" : "false");
    } else {
      out.jsonString(v.toString());
    }
  }

  /** A double, or null when it is NaN or infinite. */
  static void number(ByteLine out, double d) {
    if (Double.isFinite(d)) {
      out.decimal(d);
    } else {
      out.ascii("null");
    }
  }

  /** A non-negative duration in nanoseconds as milliseconds with three decimals. */
  static void millis3(ByteLine out, long nanos) {
    long micros = Math.max(0, nanos) / 1000;
    out.number(micros / 1000).put('.').padded(micros % 1000, 3);
  }

  /**
   * ISO-8601 UTC timestamps with milliseconds, cached per millisecond (one instance per thread).
   */
  static final class TimeFormat {
    private long lastMillis = Long.MIN_VALUE;
    private String last;

    String format(long millis) {
      if (millis != lastMillis) {
        // The whole second from Instant (always "…:ssZ"), the milliseconds appended: every
        // millisecond takes the same path. (Instant.toString drops a zero millisecond part, a
        // branch taken once a second, which undid the compiled code of the journal's encoder.)
        String whole = Instant.ofEpochSecond(Math.floorDiv(millis, 1000L)).toString();
        int ms = (int) Math.floorMod(millis, 1000L);
        char[] tail = {
          '.', (char) ('0' + ms / 100), (char) ('0' + ms / 10 % 10), (char) ('0' + ms % 10), 'Z'
        };
        last = whole.substring(0, whole.length() - 1).concat(new String(tail));
        lastMillis = millis;
      }
      return last;
    }
  }
}
