package org.sweeplab.sim.command;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import org.sweeplab.sim.Metrics;

/** Turns a command's JSON result object into metrics, and reads a result file safely. */
final class CommandResult {
  /** The largest result file read. */
  static final int MAX_FILE = 16 << 20;

  private CommandResult() {}

  /**
   * The metrics of a result object. Numbers become Long (integral, in range) or Double, strings and
   * booleans stay, {@code null} becomes NaN, nested objects and arrays become their compact JSON
   * text. {@code cost} becomes the metrics' cost and must be a finite number &ge; 0.
   *
   * @param source where the object came from, for messages
   */
  static Metrics toMetrics(ObjectNode o, String source) {
    Metrics.Builder b = Metrics.builder();
    for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String name = e.getKey();
      JsonNode v = e.getValue();
      if (name.equals("cost")) {
        b.cost(checkCost(v, source));
      } else if (name.isEmpty()) {
        throw new IllegalArgumentException(
            "the JSON result on " + source + " has a field with an empty name");
      } else if (v.isIntegralNumber() && v.canConvertToLong()) {
        b.put(name, v.longValue());
      } else if (v.isNumber()) {
        b.put(name, v.doubleValue());
      } else if (v.isTextual()) {
        b.put(name, v.textValue());
      } else if (v.isBoolean()) {
        b.put(name, v.booleanValue());
      } else if (v.isNull()) {
        b.put(name, Double.NaN);
      } else {
        b.put(name, v.toString());
      }
    }
    return b.build();
  }

  /** A cost value: a finite number &ge; 0. */
  static double checkCost(JsonNode v, String source) {
    double c = v.isNumber() ? v.doubleValue() : Double.NaN;
    if (!v.isNumber() || !Double.isFinite(c) || c < 0) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT, "the 'cost' on %s must be a finite number >= 0, got %s", source, v));
    }
    return c;
  }

  /** The {@code retry_after} field in seconds, or NaN when absent or not a finite number &ge; 0. */
  static double retryAfter(ObjectNode o) {
    JsonNode v = o == null ? null : o.get("retry_after");
    if (v == null || !v.isNumber() || !Double.isFinite(v.doubleValue()) || v.doubleValue() < 0) {
      return Double.NaN;
    }
    return v.doubleValue();
  }

  /**
   * Checks a {@code file:NAME} result name: relative, no {@code ..} part, so that it stays inside
   * the run folder.
   *
   * @throws IllegalArgumentException otherwise
   */
  static String checkFileName(String name) {
    Path p;
    try {
      p = Path.of(name);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "simulation.result file name '" + name + "' is not a valid path", e);
    }
    boolean up = false;
    for (Path part : p) {
      up |= part.toString().equals("..");
    }
    if (p.isAbsolute() || name.startsWith("/") || name.startsWith("\\") || up || name.isBlank()) {
      throw new IllegalArgumentException(
          "simulation.result 'file:"
              + name
              + "' must name a file inside the run folder: a relative path without '..'");
    }
    return name;
  }

  /**
   * Reads the JSON object in the result file.
   *
   * @throws CommandFailedException when it is missing, too large, outside the run folder, or not a
   *     JSON object
   */
  static ObjectNode readFile(Path runDir, String name) throws IOException {
    Path file = runDir.resolve(name);
    String where = "result file '" + name + "'";
    try {
      Path real = file.toRealPath();
      if (!real.startsWith(runDir.toRealPath())) {
        throw fail(where + " resolves to " + real + ", outside the run folder " + runDir);
      }
      if (Files.size(real) > MAX_FILE) {
        throw fail(
            String.format(
                Locale.ROOT,
                "%s is %d bytes; at most %d are read",
                where,
                Files.size(real),
                MAX_FILE));
      }
      JsonNode node;
      try (InputStream in = Files.newInputStream(real)) {
        node = CommandStdout.MAPPER.readTree(in);
      }
      if (node instanceof ObjectNode o) {
        return o;
      }
      throw fail(
          where
              + " holds "
              + (node == null || node.isMissingNode()
                  ? "nothing"
                  : "a JSON " + node.getNodeType().name().toLowerCase(Locale.ROOT))
              + ", not a JSON object");
    } catch (NoSuchFileException e) {
      throw fail(where + " was not written in " + runDir);
    } catch (JsonProcessingException e) {
      throw fail(where + " is not valid JSON: " + CommandStdout.jsonProblem(e));
    }
  }

  private static CommandFailedException fail(String message) {
    return new CommandFailedException(0, "", message);
  }
}
