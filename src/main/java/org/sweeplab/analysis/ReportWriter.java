package org.sweeplab.analysis;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.io.NumberOutput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sweeplab.results.PlainJson;

/**
 * Writes an {@link AnalysisResult} as files: report.md and report.html (both from one {@link
 * ReportModel}), variation-statistics.csv, variation-statistics.json, ranking.csv,
 * cost-efficiency.csv (with a cost column) and patterns.json. JSON holds one object per row; NaN
 * and missing values are null. Internal; {@link Analysis#writeReport} calls it.
 */
final class ReportWriter {
  // Numbers are written by the shortest-representation algorithm of Java 19+ on every Java
  // (Jackson's port of it); it is also twice as fast as Double.toString on Java 17, and the report
  // of a large sweep writes millions of them.
  private static final JsonFactory JSON =
      JsonFactory.builder().enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER).build();

  /** An indented generator, as an {@code ObjectMapper} with {@code INDENT_OUTPUT} makes one. */
  private static JsonGenerator generator(java.io.OutputStream out) throws IOException {
    return JSON.createGenerator(out).useDefaultPrettyPrinter();
  }

  private ReportWriter() {}

  static void write(AnalysisResult r, Path dir, List<FigureLink> figures) {
    writeData(r, dir);
    ReportModel model = ReportModel.of(r, figures);
    MarkdownReport.write(model, dir);
    HtmlReport.withDefaults().write(model, dir);
  }

  /** Writes every file but report.md (the CSV and JSON files), creating dir. */
  static void writeData(AnalysisResult r, Path dir) {
    try {
      Files.createDirectories(dir);
      ResultTable statistics = r.statistics().resultTable();
      csv(statistics, dir.resolve("variation-statistics.csv"));
      json(statistics, dir.resolve("variation-statistics.json"));
      csv(r.ranking().resultTable(), dir.resolve("ranking.csv"));
      if (r.race() != null) {
        csv(r.race().standingsResultTable(), dir.resolve("race.csv"));
      }
      if (r.costEfficiency() != null) {
        csv(r.costEfficiency().resultTable(), dir.resolve("cost-efficiency.csv"));
      }
      Map<String, Object> patterns = new LinkedHashMap<>();
      if (r.patterns() != null) {
        Patterns.Result p = r.patterns();
        patterns.put("failure_modes", rows(p.failureModes().resultTable()));
        patterns.put("success_factors", rows(p.successFactors().resultTable()));
        patterns.put("failure_rules", rows(p.failureRules().resultTable()));
        patterns.put("main_effects", rows(p.mainEffects().resultTable()));
        patterns.put("interactions", rows(p.interactions().resultTable()));
        patterns.put("failure_clusters", rows(p.failureClusters().resultTable()));
      }
      patterns.put("warnings", r.warnings());
      try (var out = Files.newOutputStream(dir.resolve("patterns.json"));
          JsonGenerator g = generator(out)) {
        PlainJson.write(g, patterns);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the analysis to " + dir, e);
    }
  }

  /** Writes report.md, linking these figures, creating dir. */
  static void writeMarkdown(AnalysisResult r, Path dir, List<FigureLink> figures) {
    MarkdownReport.write(ReportModel.of(r, figures), dir);
  }

  /** Writes a table as CSV, as every analysis file is written. */
  static void csvFile(ResultTable t, Path file) throws IOException {
    csv(t, file);
  }

  private static void csv(ResultTable t, Path file) throws IOException {
    List<ResultTableColumn> columns = t.columns();
    int n = columns.size();
    boolean[] numeric = new boolean[n];
    for (int c = 0; c < n; c++) {
      numeric[c] = columns.get(c).isNumeric();
    }
    // Lines gathered into chunks of text, each encoded once: a buffered Writer copied every cell
    // into chars and encoded them again, a third of the time of the report's files at 10M rows.
    try (var out = Files.newOutputStream(file)) {
      StringBuilder chunk = new StringBuilder(CHUNK + 512);
      chunk.append(String.join(",", t.columnNames().stream().map(ReportWriter::quote).toList()));
      chunk.append('\n');
      for (int i = 0; i < t.rowCount(); i++) {
        for (int c = 0; c < n; c++) {
          if (c > 0) {
            chunk.append(',');
          }
          String cell = cell(columns.get(c), i);
          // A number's text holds no comma, quote or line break.
          chunk.append(numeric[c] ? cell : quote(cell));
        }
        chunk.append('\n');
        if (chunk.length() >= CHUNK) {
          out.write(chunk.toString().getBytes(StandardCharsets.UTF_8));
          chunk.setLength(0);
        }
      }
      out.write(chunk.toString().getBytes(StandardCharsets.UTF_8));
    }
  }

  private static final int CHUNK = 1 << 16;

  /**
   * Writes a table as a JSON array of one object per row, as {@link #rows} and the mapper would,
   * without a map per row.
   */
  static void json(ResultTable t, Path file) throws IOException {
    List<ResultTableColumn> columns = t.columns();
    try (var out = Files.newOutputStream(file);
        JsonGenerator g = generator(out)) {
      g.writeStartArray();
      for (int i = 0; i < t.rowCount(); i++) {
        g.writeStartObject();
        for (ResultTableColumn c : columns) {
          g.writeFieldName(c.name());
          if (c.isMissing(i)) {
            g.writeNull();
            continue;
          }
          switch (c.type()) {
            case INTEGER -> g.writeNumber((int) c.longValue(i));
            case LONG -> g.writeNumber(c.longValue(i));
            case DOUBLE -> {
              double d = c.number(i);
              if (Double.isInfinite(d)) {
                g.writeNull();
              } else {
                g.writeNumber(d);
              }
            }
            case BOOLEAN -> g.writeBoolean(c.number(i) != 0);
            case STRING -> g.writeString(c.text(i));
          }
        }
        g.writeEndObject();
      }
      g.writeEndArray();
    }
  }

  /**
   * @return the cell as text: empty when missing or NaN, whole numbers below 1e15 without a point,
   *     other numbers in their shortest round-trip form, booleans {@code true} or {@code false}
   */
  static String cell(ResultTableColumn c, int i) {
    if (c.isMissing(i)) {
      return "";
    }
    if (c.isNumeric()) {
      double x = c.number(i);
      return x == Math.rint(x) && Math.abs(x) < 1e15
          ? Long.toString((long) x)
          : NumberOutput.toString(x, true);
    }
    return c.text(i);
  }

  private static String quote(String s) {
    return s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0
        ? "\"" + s.replace("\"", "\"\"") + "\""
        : s;
  }

  /**
   * @return one map per row, column name to value ({@link ResultTableColumn#get}: null when
   *     missing, and for infinite doubles)
   */
  static List<Map<String, Object>> rows(ResultTable t) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (int i = 0; i < t.rowCount(); i++) {
      Map<String, Object> row = new LinkedHashMap<>();
      for (ResultTableColumn c : t.columns()) {
        Object v = c.get(i);
        if (v instanceof Double d && d.isInfinite()) {
          v = null;
        }
        row.put(c.name(), v);
      }
      out.add(row);
    }
    return out;
  }

  static String markdown(AnalysisResult r, List<FigureLink> figures) {
    return MarkdownReport.render(ReportModel.of(r, figures));
  }
}
