package org.sweeplab.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.sweeplab.results.PlainJson;
import org.sweeplab.results.ResultColumn;
import org.sweeplab.run.RunStatus;

/** Builds and reads {@code summary.json}. */
public final class Summary {
  /**
   * The mapper that reads the folder's JSON files back (created on first use: a resume may not need
   * it); they are written by {@link PlainJson}.
   */
  static final class Mapper {
    static final ObjectMapper JSON = new ObjectMapper();
  }

  private static final class Factory {
    static final com.fasterxml.jackson.core.JsonFactory JSON =
        new com.fasterxml.jackson.core.JsonFactory();
  }

  private Summary() {}

  public static Map<String, Object> build(
      String sweep,
      String configHash,
      long planned,
      long[] byStatus,
      long missing,
      double totalCost,
      double[] durations,
      Instant started,
      Instant finished,
      List<ResultColumn> columns,
      List<String> warnings,
      long journalLines) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("sweep", sweep);
    m.put("config_hash", configHash);
    m.put("complete", missing == 0);
    Map<String, Object> runs = new LinkedHashMap<>();
    runs.put("planned", planned);
    long finishedRuns = 0;
    for (long c : byStatus) {
      finishedRuns += c;
    }
    runs.put("finished", finishedRuns);
    runs.put("missing", missing);
    Map<String, Object> st = new LinkedHashMap<>();
    for (RunStatus s : RunStatus.values()) {
      st.put(s.label(), byStatus[s.ordinal()]);
    }
    runs.put("by_status", st);
    m.put("runs", runs);
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("total", round(durations[0]));
    d.put("mean", finishedRuns == 0 ? null : round(durations[0] / finishedRuns));
    d.put("max", round(durations[1]));
    m.put("duration_ms", d);
    m.put("total_cost", Double.isNaN(totalCost) ? null : totalCost);
    m.put("started_at", started.toString());
    m.put("finished_at", finished.toString());
    m.put("elapsed_ms", finished.toEpochMilli() - started.toEpochMilli());
    Map<String, Object> env = new LinkedHashMap<>();
    env.put("tool", "sweeplab " + Version.get());
    env.put(
        "java",
        System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")");
    env.put("host", host());
    env.put("git_commit", gitCommit());
    m.put("environment", env);
    m.put("journal_lines", journalLines);
    List<Map<String, Object>> cols = new ArrayList<>();
    for (ResultColumn c : columns) {
      Map<String, Object> cm = new LinkedHashMap<>();
      cm.put("name", c.name());
      cm.put("type", c.type().label());
      cm.put("role", c.role().label());
      cols.add(cm);
    }
    m.put("columns", cols);
    m.put("warnings", warnings);
    return m;
  }

  public static void write(Path file, Map<String, Object> summary) {
    OutputFolder.writeAtomically(file, PlainJson.indented(summary) + "\n");
  }

  /**
   * The few fields a resume's fast path needs, read with the streaming parser (no data binding).
   */
  public record Brief(boolean complete, String configHash, long planned, double totalCost) {}

  /** Reads the fields of {@link Brief}; null when the file is missing or unreadable. */
  public static Brief brief(Path file) {
    if (!Files.isRegularFile(file)) {
      return null;
    }
    boolean complete = false;
    String hash = null;
    long planned = -1;
    double cost = Double.NaN;
    try (com.fasterxml.jackson.core.JsonParser p = Factory.JSON.createParser(file.toFile())) {
      if (p.nextToken() != com.fasterxml.jackson.core.JsonToken.START_OBJECT) {
        return null;
      }
      while (p.nextToken() == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
        String name = p.currentName();
        com.fasterxml.jackson.core.JsonToken t = p.nextToken();
        switch (name) {
          case "complete" -> complete = t == com.fasterxml.jackson.core.JsonToken.VALUE_TRUE;
          case "config_hash" -> hash = p.getValueAsString();
          case "total_cost" -> cost = t.isNumeric() ? p.getDoubleValue() : Double.NaN;
          case "runs" -> {
            while (p.nextToken() == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
              String f = p.currentName();
              p.nextToken();
              if (f.equals("planned")) {
                planned = p.getLongValue();
              } else {
                p.skipChildren();
              }
            }
          }
          default -> p.skipChildren();
        }
      }
      return new Brief(complete, hash, planned, cost);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** Reads a summary as a map. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> read(Path file) throws IOException {
    return Mapper.JSON.readValue(file.toFile(), Map.class);
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }

  private static String host() {
    String h = System.getenv("HOSTNAME");
    if (h != null && !h.isBlank()) {
      return h;
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "unknown";
    }
  }

  /**
   * The git commit of the working directory, or null when it is not a git checkout or git is
   * missing.
   */
  static String gitCommit() {
    try {
      Process p =
          new ProcessBuilder("git", "rev-parse", "HEAD")
              .redirectErrorStream(false)
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      p.getOutputStream().close();
      String out =
          new String(p.getInputStream().readNBytes(100), java.nio.charset.StandardCharsets.US_ASCII)
              .trim();
      if (!p.waitFor(2, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return null;
      }
      return p.exitValue() == 0 && out.matches("[0-9a-f]{40}") ? out : null;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }
}
