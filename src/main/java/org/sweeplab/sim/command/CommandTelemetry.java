package org.sweeplab.sim.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sweeplab.sim.FreshFiles;
import org.sweeplab.sim.RunContext;

/**
 * The two ways a command records telemetry, both landing in the run's {@code telemetry.csv} and so
 * in the sweep's long telemetry table, as {@link RunContext#telemetry} does for Java simulations:
 *
 * <ul>
 *   <li>A stdout line {@code {"telemetry": {"step": 3, "hope": 0.61, "fear": 0.2}}}: one point per
 *       name at that step. {@code step} is optional (it then counts the telemetry lines from 0);
 *       values are numbers or null.
 *   <li>A file {@code telemetry.csv} the command writes in its run folder, either long ({@code
 *       step,name,value}) or wide ({@code step,hope,fear}: one column per name). It is read when
 *       the command ends with exit code 0 and merged with the stdout points.
 * </ul>
 */
final class CommandTelemetry {
  static final String FILE = "telemetry.csv";

  private final RunContext ctx;
  private long lines;

  CommandTelemetry(RunContext ctx) {
    this.ctx = ctx;
  }

  /**
   * Records one telemetry line.
   *
   * @throws IllegalArgumentException when the step is not an integer or a value is not a number
   */
  void line(ObjectNode point) {
    long step = lines;
    JsonNode s = point.get("step");
    if (s != null) {
      if (!s.canConvertToLong() || !s.isIntegralNumber()) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "telemetry line %d on stdout: step %s is not"
                    + " an integer; write e.g. {\"telemetry\": {\"step\": 3, \"hope\": 0.6}}",
                lines + 1,
                s));
      }
      step = s.longValue();
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = point.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getKey().equals("step")) {
        continue;
      }
      JsonNode v = e.getValue();
      if (!v.isNumber() && !v.isNull()) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "telemetry line %d on stdout: '%s' is %s,"
                    + " not a number; telemetry values are numbers (or null)",
                lines + 1,
                e.getKey(),
                v));
      }
      ctx.telemetry(step, e.getKey(), v.isNull() ? Double.NaN : v.doubleValue());
    }
    lines++;
  }

  /**
   * Reads the command's own {@code telemetry.csv} (if it wrote one) into the run's telemetry and
   * removes it, so the run writes one file holding every point.
   *
   * @throws IllegalArgumentException naming the line when the file is not long or wide telemetry
   */
  void absorbFile(Path runDir) throws IOException {
    Path file = runDir.resolve(FILE);
    if (!FreshFiles.isPlainFile(file)) {
      return;
    }
    List<String[]> rows = new ArrayList<>();
    String[] header;
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String first = in.readLine();
      header = first == null ? new String[0] : split(first.strip());
      if (header.length < 2 || !header[0].equals("step")) {
        throw bad(
            1,
            "the header must start with step: step,name,value (long) or step,NAME,... (wide); got '"
                + (first == null ? "" : first)
                + "'");
      }
      String line;
      while ((line = in.readLine()) != null) {
        if (!line.isBlank()) {
          rows.add(split(line.strip()));
        }
      }
    }
    boolean isLong = header.length == 3 && header[1].equals("name") && header[2].equals("value");
    for (int i = 0; i < rows.size(); i++) {
      String[] row = rows.get(i);
      int lineNo = i + 2;
      if (row.length != header.length) {
        throw bad(lineNo, "it has " + row.length + " fields, the header " + header.length);
      }
      long step;
      try {
        step = Long.parseLong(row[0]);
      } catch (NumberFormatException e) {
        throw bad(lineNo, "step '" + row[0] + "' is not an integer");
      }
      if (isLong) {
        ctx.telemetry(step, row[1], number(row[2], lineNo));
      } else {
        for (int c = 1; c < header.length; c++) {
          ctx.telemetry(step, header[c], number(row[c], lineNo));
        }
      }
    }
    Files.delete(file);
  }

  private static double number(String text, int line) {
    if (text.isEmpty() || text.equals("NaN")) {
      return Double.NaN;
    }
    try {
      return Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw bad(line, "value '" + text + "' is not a number");
    }
  }

  /** Splits one CSV line; fields may be quoted with doubled quotes inside. */
  static String[] split(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cur.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cur.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        out.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    out.add(cur.toString());
    return out.toArray(new String[0]);
  }

  private static IllegalArgumentException bad(int line, String problem) {
    return new IllegalArgumentException(
        "telemetry.csv written by the command, line " + line + ": " + problem);
  }
}
