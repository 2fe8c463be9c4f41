package org.sweeplab.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.sweeplab.run.RunRecord;
import org.sweeplab.space.Variation;

/**
 * The {@code runs.jsonl} line format: one JSON object per finished run, fields in a fixed order (documented in
 * docs/output-format.md). A resume that only needs (variation key, replicate, status) finds them by scanning, without
 * a full parse: quotes inside string values are always escaped, so the field markers cannot appear inside values.
 */
final class JournalFormat {
  private JournalFormat() {}

  /** Encodes one record as a line, including the trailing newline. */
  static void encode(StringBuilder sb, RunRecord r, TimeFormat time) {
    Variation v = r.run().variation();
    sb.append("{\"run_id\":");
    JsonText.string(sb, r.run().runId());
    sb.append(",\"variation_id\":");
    JsonText.string(sb, v.id());
    sb.append(",\"variation_key\":\"").append(v.key()).append("\",\"replicate\":").append(r.run().replicate())
        .append(",\"seed\":").append(r.run().seed()).append(",\"params\":{");
    List<String> names = v.names();
    Object[] values = v.values();
    for (int i = 0; i < values.length; i++) {
      if (i > 0) {
        sb.append(',');
      }
      JsonText.string(sb, names.get(i));
      sb.append(':');
      JsonText.value(sb, values[i]);
    }
    sb.append("},\"status\":\"").append(r.status().label()).append('"');
    sb.append(",\"metrics\":{");
    boolean first = true;
    for (Map.Entry<String, Object> e : r.metrics().entrySet()) {
      if (!first) {
        sb.append(',');
      }
      first = false;
      JsonText.string(sb, e.getKey());
      sb.append(':');
      JsonText.value(sb, e.getValue());
    }
    sb.append("},\"cost\":");
    JsonText.number(sb, r.cost());
    sb.append(",\"started_at\":\"");
    time.append(sb, r.startedAtMillis());
    sb.append("\",\"duration_ms\":");
    JsonText.millis3(sb, r.durationNanos());
    sb.append(",\"attempts\":").append(r.attempts()).append(",\"error\":");
    if (r.errorType() == null) {
      sb.append("null");
    } else {
      sb.append("{\"type\":");
      JsonText.string(sb, r.errorType());
      sb.append(",\"message\":");
      JsonText.string(sb, r.errorMessage() == null ? "" : r.errorMessage());
      sb.append('}');
    }
    sb.append("}\n");
  }

  /** ISO-8601 UTC timestamps with milliseconds, cached per millisecond (one instance per thread). */
  static final class TimeFormat {
    private long lastMillis = Long.MIN_VALUE;
    private String last;

    void append(StringBuilder sb, long millis) {
      if (millis != lastMillis) {
        Instant i = Instant.ofEpochMilli(millis);
        String s = i.toString();
        // Instant.toString drops a zero millisecond part; keep a fixed width.
        if (s.length() == 20) {
          s = s.substring(0, 19) + ".000Z";
        }
        last = s;
        lastMillis = millis;
      }
      sb.append(last);
    }
  }
}
