package org.sweeplab.store;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads {@code runs.jsonl}. A last line without its newline is a torn write from a killed process:
 * it is dropped and reported, and the writer cuts it off before appending. Other unreadable lines
 * are skipped and reported.
 */
public final class JournalReader {
  private static final JsonFactory JSON = new JsonFactory();
  private static final byte[] KEY =
      "\"variation_key\":\"".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  private static final byte[] REPLICATE =
      "\"replicate\":".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  private static final byte[] STATUS =
      "\"status\":\"".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  private JournalReader() {}

  /** What a read found: good lines, the valid byte length, and problems to warn about. */
  public record Report(long lines, long validLength, boolean tornTail, List<String> warnings) {}

  /** One run as read back, fields as in the journal. */
  public record Entry(
      String runId,
      String variationId,
      String variationKey,
      int replicate,
      long seed,
      Map<String, Object> params,
      String status,
      Map<String, Object> metrics,
      double cost,
      String startedAt,
      double durationMs,
      int attempts,
      String errorType,
      String errorMessage) {}

  /** The key (as two longs), replicate and status of a line, found by scanning. */
  public record Brief(long keyHigh, long keyLow, int replicate, String status) {}

  /** Parses every line fully. */
  static Report read(Path file, Consumer<Entry> out) throws IOException {
    return lines(
        file,
        (line, off, len, lineNo, warnings) -> {
          try {
            Entry fast = JournalDecoder.decode(line, off, len);
            out.accept(fast != null ? fast : parseJson(line, off, len));
            return true;
          } catch (IOException | RuntimeException e) {
            return skipped(warnings, lineNo, e);
          }
        });
  }

  /** Adds the warning for a line that is not a valid run record; false. */
  private static boolean skipped(List<String> warnings, long lineNo, Exception e) {
    warnings.add(
        "runs.jsonl line "
            + lineNo
            + " is not a valid run record and was skipped: "
            + e.getMessage());
    return false;
  }

  /**
   * Reads every line for a resume: a line in the writer's own form is decoded into {@code outcome},
   * which {@code fast} receives (the same object each time, refilled); any other line is parsed as
   * by {@link #read} (without run id, variation id, parameters and start time) and goes to {@code
   * slow}.
   */
  static Report readOutcomes(
      Path file,
      JournalDecoder.Outcome outcome,
      Consumer<JournalDecoder.Outcome> fast,
      Consumer<Entry> slow)
      throws IOException {
    return lines(
        file,
        (line, off, len, lineNo, warnings) -> {
          try {
            if (JournalDecoder.decodeOutcome(line, off, len, outcome)) {
              fast.accept(outcome);
            } else {
              Entry e = JournalDecoder.decode(line, off, len, true);
              slow.accept(e != null ? e : parseJson(line, off, len));
            }
            return true;
          } catch (IOException | RuntimeException e) {
            return skipped(warnings, lineNo, e);
          }
        });
  }

  /** Receives a parsed line together with its text (without the newline). */
  public interface LineConsumer {
    void accept(Entry entry, String line);
  }

  /**
   * Parses every line fully and hands over its text too (to copy lines unchanged, e.g. when
   * merging).
   */
  public static Report readLines(Path file, LineConsumer out) throws IOException {
    return lines(
        file,
        (line, off, len, lineNo, warnings) -> {
          Entry e;
          try {
            e = parse(line, off, len);
          } catch (IOException | RuntimeException ex) {
            warnings.add(
                "runs.jsonl line "
                    + lineNo
                    + " is not a valid run record and was skipped: "
                    + ex.getMessage());
            return false;
          }
          out.accept(e, new String(line, off, len, java.nio.charset.StandardCharsets.UTF_8));
          return true;
        });
  }

  /** Scans every line for its key, replicate and status only. */
  static Report scan(Path file, Consumer<Brief> out) throws IOException {
    return lines(
        file,
        (line, off, len, lineNo, warnings) -> {
          Brief b = brief(line, off, len);
          if (b == null) {
            warnings.add(
                "runs.jsonl line " + lineNo + " is not a valid run record and was skipped");
            return false;
          }
          out.accept(b);
          return true;
        });
  }

  private interface LineHandler {
    boolean handle(byte[] buf, int off, int len, long lineNo, List<String> warnings);
  }

  /**
   * Scans with several threads: the file is cut at line boundaries into {@code parts} ranges, each
   * scanned into its own consumer from {@code consumers} (one per range, in file order). Line
   * numbers in warnings count from each range's start.
   */
  public static Report scanParallel(
      Path file, int parts, java.util.function.IntFunction<Consumer<Brief>> consumers)
      throws IOException {
    if (!Files.exists(file)) {
      return new Report(0, 0, false, new ArrayList<>());
    }
    long size = Files.size(file);
    long[] bounds = new long[parts + 1];
    bounds[parts] = size;
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      for (int i = 1; i < parts; i++) {
        bounds[i] = Math.max(bounds[i - 1], nextLineStart(ch, size * i / parts, size));
      }
    }
    List<java.util.concurrent.CompletableFuture<Report>> futures = new ArrayList<>();
    for (int i = 0; i < parts; i++) {
      int part = i;
      Consumer<Brief> out = consumers.apply(i);
      futures.add(
          java.util.concurrent.CompletableFuture.supplyAsync(
              () -> {
                try {
                  return lines(
                      file,
                      bounds[part],
                      bounds[part + 1],
                      (line, off, len, lineNo, warnings) -> {
                        Brief b = brief(line, off, len);
                        if (b == null) {
                          warnings.add(
                              "runs.jsonl line "
                                  + lineNo
                                  + " of part "
                                  + (part + 1)
                                  + " is not a valid run record and was skipped");
                          return false;
                        }
                        out.accept(b);
                        return true;
                      });
                } catch (IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              }));
    }
    long lines = 0;
    List<String> warnings = new ArrayList<>();
    Report last = null;
    for (var f : futures) {
      try {
        last = f.join();
      } catch (java.util.concurrent.CompletionException e) {
        if (e.getCause() instanceof java.io.UncheckedIOException u) {
          throw u.getCause();
        }
        throw e;
      }
      lines += last.lines();
      warnings.addAll(last.warnings());
    }
    return new Report(lines, bounds[parts - 1] + last.validLength(), last.tornTail(), warnings);
  }

  /** The offset just after the first newline at or after {@code from} (or {@code size}). */
  private static long nextLineStart(FileChannel ch, long from, long size) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(1 << 16);
    long pos = from;
    while (pos < size) {
      b.clear();
      int n = ch.read(b, pos);
      if (n <= 0) {
        break;
      }
      int i = nextNewline(b.array(), 0, n);
      if (i < n) {
        return pos + i + 1;
      }
      pos += n;
    }
    return size;
  }

  private static Report lines(Path file, LineHandler handler) throws IOException {
    if (!Files.exists(file)) {
      return new Report(0, 0, false, new ArrayList<>());
    }
    return lines(file, 0, Files.size(file), handler);
  }

  /** Reads the lines of bytes [start, end) of the file; validLength is relative to start. */
  private static Report lines(Path file, long start0, long end, LineHandler handler)
      throws IOException {
    List<String> warnings = new ArrayList<>();
    long good = 0;
    long lineNo = 0;
    long validLength = 0;
    byte[] line = new byte[4096];
    int lineLen = 0;
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      ch.position(start0);
      ByteBuffer buf = ByteBuffer.allocate(1 << 20);
      byte[] arr = buf.array();
      long remaining = end - start0;
      int n;
      while (remaining > 0
          && (n = ch.read(buf.limit((int) Math.min(buf.capacity(), remaining)))) > 0) {
        remaining -= n;
        int start = 0;
        for (int i = nextNewline(arr, 0, n); i < n; i = nextNewline(arr, i + 1, n)) {
          int len;
          boolean ok;
          lineNo++;
          if (lineLen == 0) {
            len = i - start;
            ok = len > 0 && handler.handle(arr, start, len, lineNo, warnings);
          } else {
            line = append(line, lineLen, arr, start, i - start);
            len = lineLen + i - start;
            lineLen = 0;
            ok = handler.handle(line, 0, len, lineNo, warnings);
          }
          if (ok) {
            good++;
          }
          validLength += len + 1;
          start = i + 1;
        }
        if (start < n) {
          line = append(line, lineLen, arr, start, n - start);
          lineLen += n - start;
        }
        buf.clear();
      }
    }
    boolean torn = lineLen > 0;
    if (torn) {
      warnings.add(
          "runs.jsonl ends with an incomplete line ("
              + lineLen
              + " bytes, written when the process was"
              + " killed); it was dropped and that run will run again");
    }
    return new Report(good, validLength, torn, warnings);
  }

  private static final java.lang.invoke.VarHandle LONGS =
      java.lang.invoke.MethodHandles.byteArrayViewVarHandle(
          long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
  private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;

  /** The index of the next '\n' in b[from, to), or {@code to}; eight bytes at a time. */
  static int nextNewline(byte[] b, int from, int to) {
    int i = from;
    for (; i + 8 <= to; i += 8) {
      long x = (long) LONGS.get(b, i) ^ NEWLINES;
      long found = (x - 0x0101010101010101L) & ~x & 0x8080808080808080L;
      if (found != 0) {
        return i + (Long.numberOfTrailingZeros(found) >>> 3);
      }
    }
    for (; i < to; i++) {
      if (b[i] == '\n') {
        return i;
      }
    }
    return to;
  }

  private static byte[] append(byte[] line, int lineLen, byte[] src, int from, int count) {
    if (lineLen + count > line.length) {
      byte[] bigger = new byte[Math.max(line.length * 2, lineLen + count)];
      System.arraycopy(line, 0, bigger, 0, lineLen);
      line = bigger;
    }
    System.arraycopy(src, from, line, lineLen, count);
    return line;
  }

  static Brief brief(byte[] b, int off, int length) {
    int len = off + length;
    int k = indexOf(b, len, KEY, off);
    if (k < 0 || k + KEY.length + 33 > len) {
      return null;
    }
    int p = k + KEY.length;
    long hi = hex(b, p);
    long lo = hex(b, p + 16);
    if (hi == -1 && lo == -1 || b[p + 32] != '"') {
      return null;
    }
    int r = startsWith(b, len, REPLICATE, p + 34) ? p + 34 : indexOf(b, len, REPLICATE, p + 33);
    if (r < 0) {
      return null;
    }
    int q = r + REPLICATE.length;
    int rep = 0;
    int digits = 0;
    while (q < len && b[q] >= '0' && b[q] <= '9' && digits < 10) {
      rep = rep * 10 + (b[q] - '0');
      q++;
      digits++;
    }
    if (digits == 0) {
      return null;
    }
    int s = indexOf(b, len, STATUS, q);
    if (s < 0) {
      return null;
    }
    int st = s + STATUS.length;
    int end = st;
    while (end < len && b[end] != '"') {
      end++;
    }
    if (end >= len || b[len - 1] != '}') {
      return null;
    }
    return new Brief(hi, lo, rep, statusLabel(b, st, end - st));
  }

  private static final String[] LABELS = {"ok", "failed", "timeout", "cancelled", "skipped"};

  /** The status label without allocating for the known ones. */
  private static String statusLabel(byte[] b, int from, int n) {
    for (String l : LABELS) {
      if (l.length() == n && b[from] == l.charAt(0) && b[from + n - 1] == l.charAt(n - 1)) {
        return l;
      }
    }
    return new String(b, from, n, java.nio.charset.StandardCharsets.US_ASCII);
  }

  /**
   * Sixteen lower-case hex digits as a long; -1 (with all bits set) also when a digit is invalid.
   */
  private static long hex(byte[] b, int from) {
    long v = 0;
    for (int i = from; i < from + 16; i++) {
      int c = b[i];
      int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
      if (d < 0) {
        return -1;
      }
      v = (v << 4) | d;
    }
    return v;
  }

  private static boolean startsWith(byte[] b, int len, byte[] pat, int at) {
    if (at + pat.length > len) {
      return false;
    }
    for (int j = 0; j < pat.length; j++) {
      if (b[at + j] != pat[j]) {
        return false;
      }
    }
    return true;
  }

  private static int indexOf(byte[] b, int len, byte[] pat, int from) {
    outer:
    for (int i = from; i <= len - pat.length; i++) {
      if (b[i] != pat[0]) {
        continue;
      }
      for (int j = 1; j < pat.length; j++) {
        if (b[i + j] != pat[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  static Entry parse(byte[] b, int off, int len) throws IOException {
    Entry canonical = JournalDecoder.decode(b, off, len);
    return canonical != null ? canonical : parseJson(b, off, len);
  }

  /** Parses a line with a JSON parser: any field order, whitespace and escapes. */
  static Entry parseJson(byte[] b, int off, int len) throws IOException {
    String runId = null;
    String variationId = null;
    String key = null;
    int replicate = -1;
    long seed = 0;
    Map<String, Object> params = Map.of();
    String status = null;
    Map<String, Object> metrics = Map.of();
    double cost = Double.NaN;
    String startedAt = null;
    double duration = Double.NaN;
    int attempts = 1;
    String errorType = null;
    String errorMessage = null;
    try (JsonParser p = JSON.createParser(b, off, len)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new IOException("not a JSON object");
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String f = p.currentName();
        JsonToken t = p.nextToken();
        switch (f) {
          case "run_id" -> runId = p.getText();
          case "variation_id" -> variationId = p.getText();
          case "variation_key" -> key = p.getText();
          case "replicate" -> replicate = p.getIntValue();
          case "seed" -> seed = p.getLongValue();
          case "params" -> params = object(p);
          case "status" -> status = p.getText();
          case "metrics" -> metrics = object(p);
          case "cost" -> cost = t == JsonToken.VALUE_NULL ? Double.NaN : p.getDoubleValue();
          case "started_at" -> startedAt = p.getText();
          case "duration_ms" ->
              duration = t == JsonToken.VALUE_NULL ? Double.NaN : p.getDoubleValue();
          case "attempts" -> attempts = p.getIntValue();
          case "error" -> {
            if (t == JsonToken.START_OBJECT) {
              Map<String, Object> e = object(p);
              errorType = e.get("type") == null ? null : e.get("type").toString();
              errorMessage = e.get("message") == null ? null : e.get("message").toString();
            }
          }
          default -> p.skipChildren();
        }
      }
    }
    if (key == null || replicate < 1 || status == null) {
      throw new IOException("missing variation_key, replicate or status");
    }
    return new Entry(
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

  private static Map<String, Object> object(JsonParser p) throws IOException {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      throw new IOException("expected an object at " + p.currentName());
    }
    Map<String, Object> m = new LinkedHashMap<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken t = p.nextToken();
      Object v =
          switch (t) {
            case VALUE_STRING -> p.getText();
            case VALUE_NUMBER_INT -> p.getLongValue();
            case VALUE_NUMBER_FLOAT -> p.getDoubleValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            default -> {
              p.skipChildren();
              yield null;
            }
          };
      m.put(name, v);
    }
    return m;
  }

  /** Opens the journal as a stream (for tools). */
  static InputStream open(Path file) throws IOException {
    return Files.newInputStream(file);
  }
}
