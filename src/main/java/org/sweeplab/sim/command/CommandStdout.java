package org.sweeplab.sim.command;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Reads a command's stdout line by line with a bounded buffer: a line longer than {@link #MAX_LINE}
 * bytes keeps only its head (for the log and messages) and can never be a result. Cost lines
 * ({@code {"cost": x}} and nothing else) are reported as they arrive. The last other JSON object
 * line is kept as the result candidate; with {@code holdResult} it stays out of {@code stdout.log}
 * unless {@link #finish} says it was not used.
 */
final class CommandStdout {
  /** The longest stdout line kept whole; longer lines cannot be a result. */
  static final int MAX_LINE = 1 << 20;

  private static final int PREVIEW = 200;

  static final ObjectMapper MAPPER =
      new ObjectMapper()
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(
              com.fasterxml.jackson.core.JsonParser.Feature
                  .STRICT_DUPLICATE_DETECTION); // no silent last-one-wins

  private final CommandLog log;
  private final boolean holdResult;
  private final Consumer<CommandRun.Event> events;

  private byte[] line = new byte[256];
  private int lineLen;
  private long lineFull;

  private ObjectNode result;
  private byte[] held;
  private String lastLine;
  private String lastProblem;

  CommandStdout(CommandLog log, boolean holdResult, Consumer<CommandRun.Event> events) {
    this.log = log;
    this.holdResult = holdResult;
    this.events = events;
  }

  /** Takes the next {@code n} bytes of stdout; each complete line is handled at once. */
  void feed(byte[] chunk, int n) {
    int start = 0;
    for (int i = 0; i < n; i++) {
      if (chunk[i] == '\n') {
        append(chunk, start, i - start);
        endLine();
        start = i + 1;
      }
    }
    append(chunk, start, n - start);
  }

  /** Stdout ended: a last line without a newline is handled too. */
  void end() {
    if (lineFull > 0) {
      endLine();
    }
  }

  private void append(byte[] b, int off, int len) {
    lineFull += len;
    int keep = Math.min(len, MAX_LINE - lineLen);
    if (keep <= 0) {
      return;
    }
    if (lineLen + keep > line.length) {
      line = Arrays.copyOf(line, Math.min(MAX_LINE, Math.max(line.length * 2, lineLen + keep)));
    }
    System.arraycopy(b, off, line, lineLen, keep);
    lineLen += keep;
  }

  private void endLine() {
    int len =
        lineLen > 0 && line[lineLen - 1] == '\r' && lineFull == lineLen ? lineLen - 1 : lineLen;
    boolean whole = lineFull == lineLen;
    String problem = null;
    if (whole && startsWithBrace(len)) {
      try {
        JsonNode node = MAPPER.readTree(line, 0, len);
        if (node instanceof ObjectNode o) {
          if (o.size() == 1 && o.path("cost").isNumber()) {
            events.accept(new CommandRun.Charge(o.get("cost").doubleValue()));
          } else if (o.size() == 1 && o.path("telemetry").isObject()) {
            events.accept(new CommandRun.Telemetry((ObjectNode) o.get("telemetry")));
          } else {
            object(o, len);
          }
          reset();
          return;
        }
      } catch (JsonProcessingException e) {
        problem = "it starts like JSON but does not parse: " + jsonProblem(e);
      } catch (IOException e) {
        problem = "it cannot be parsed: " + e.getMessage();
      }
    }
    if (!whole) {
      problem =
          String.format(
              Locale.ROOT,
              "a line of %d bytes, longer than the %d-byte limit for a result",
              lineFull,
              MAX_LINE);
    }
    log.writeLine(line, 0, len);
    if (!whole) {
      byte[] marker =
          String.format(Locale.ROOT, "…[line cut: %d bytes]", lineFull - lineLen)
              .getBytes(StandardCharsets.UTF_8);
      log.writeLine(marker, 0, marker.length);
    }
    if (!isBlank(len)) {
      synchronized (this) {
        lastLine = preview(line, len);
        lastProblem = problem;
      }
    }
    reset();
  }

  private synchronized void object(ObjectNode o, int len) {
    if (!holdResult) {
      log.writeLine(line, 0, len);
    } else if (held != null) {
      log.writeLine(held, 0, held.length);
    }
    held = holdResult ? Arrays.copyOf(line, len) : null;
    result = o;
    lastLine = preview(line, len);
    lastProblem = null;
  }

  private void reset() {
    lineLen = 0;
    lineFull = 0;
    if (line.length > 65536) {
      line = new byte[256];
    }
  }

  private boolean startsWithBrace(int len) {
    for (int i = 0; i < len; i++) {
      if (line[i] == '{') {
        return true;
      }
      if (line[i] != ' ' && line[i] != '\t') {
        return false;
      }
    }
    return false;
  }

  private boolean isBlank(int len) {
    for (int i = 0; i < len; i++) {
      if (line[i] != ' ' && line[i] != '\t' && line[i] != '\r') {
        return false;
      }
    }
    return true;
  }

  /** The last JSON object line that was not a cost line, or null. */
  synchronized ObjectNode result() {
    return result;
  }

  /** Why there is no result, for the failure message. */
  synchronized String missingResult() {
    if (lastLine == null) {
      return "no JSON object on stdout (stdout was empty)";
    }
    return "no JSON object on stdout (last line: '"
        + lastLine
        + "')"
        + (lastProblem == null ? "" : ": " + lastProblem);
  }

  /** Logs the held result line unless it was used as the result, then closes the log. */
  synchronized void finish(boolean resultUsed) {
    if (held != null && !resultUsed) {
      log.writeLine(held, 0, held.length);
    }
    held = null;
    log.close();
  }

  static String jsonProblem(JsonProcessingException e) {
    String m = e.getOriginalMessage();
    int cut = m.indexOf(" (start marker");
    cut = cut < 0 ? m.indexOf('\n') : cut;
    return cut < 0 ? m : m.substring(0, cut);
  }

  /**
   * At most 200 characters of a line, control characters and invalid UTF-8 shown as escapes or
   * U+FFFD.
   */
  static String preview(byte[] b, int len) {
    String s = new String(b, 0, Math.min(len, PREVIEW * 4), StandardCharsets.UTF_8);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < s.length() && out.length() < PREVIEW; i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        out.append(String.format(Locale.ROOT, "\\x%02x", (int) c));
      } else {
        out.append(c);
      }
    }
    if (out.length() >= PREVIEW || len > PREVIEW * 4) {
      out.append('…');
    }
    return out.toString();
  }
}
