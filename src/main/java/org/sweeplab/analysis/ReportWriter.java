package org.sweeplab.analysis;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.io.NumberOutput;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

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
  private static final ObjectMapper JSON =
      new ObjectMapper(
              JsonFactory.builder().enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER).build())
          .enable(SerializationFeature.INDENT_OUTPUT);

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
      Table statistics = r.statistics().toTable();
      csv(statistics, dir.resolve("variation-statistics.csv"));
      json(statistics, dir.resolve("variation-statistics.json"));
      csv(r.ranking().table(), dir.resolve("ranking.csv"));
      if (r.race() != null) {
        csv(r.race().standings(), dir.resolve("race.csv"));
      }
      if (r.costEfficiency() != null) {
        csv(r.costEfficiency().toTable(), dir.resolve("cost-efficiency.csv"));
      }
      Map<String, Object> patterns = new LinkedHashMap<>();
      if (r.patterns() != null) {
        Patterns.Result p = r.patterns();
        patterns.put("failure_modes", rows(p.failureModes().toTable()));
        patterns.put("success_factors", rows(p.successFactors().toTable()));
        patterns.put("failure_rules", rows(p.failureRules().toTable()));
        patterns.put("main_effects", rows(p.mainEffects().toTable()));
        patterns.put("interactions", rows(p.interactions().toTable()));
        patterns.put("failure_clusters", rows(p.failureClusters().toTable()));
      }
      patterns.put("warnings", r.warnings());
      JSON.writeValue(dir.resolve("patterns.json").toFile(), patterns);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the analysis to " + dir, e);
    }
  }

  /** Writes report.md, linking these figures, creating dir. */
  static void writeMarkdown(AnalysisResult r, Path dir, List<FigureLink> figures) {
    MarkdownReport.write(ReportModel.of(r, figures), dir);
  }

  /** Writes a table as CSV, as every analysis file is written. */
  static void csvFile(Table t, Path file) throws IOException {
    csv(t, file);
  }

  private static void csv(Table t, Path file) throws IOException {
    List<Column<?>> columns = t.columns();
    try (var w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write(String.join(",", t.columnNames().stream().map(ReportWriter::quote).toList()));
      w.write('\n');
      StringBuilder line = new StringBuilder(256);
      for (int i = 0; i < t.rowCount(); i++) {
        line.setLength(0);
        for (int c = 0; c < columns.size(); c++) {
          if (c > 0) {
            line.append(',');
          }
          line.append(quote(cell(columns.get(c), i)));
        }
        line.append('\n');
        w.append(line);
      }
    }
  }

  /**
   * Writes a table as a JSON array of one object per row, as {@link #rows} and the mapper would,
   * without a map per row.
   */
  static void json(Table t, Path file) throws IOException {
    List<Column<?>> columns = t.columns();
    try (var out = Files.newOutputStream(file);
        JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartArray();
      for (int i = 0; i < t.rowCount(); i++) {
        g.writeStartObject();
        for (Column<?> c : columns) {
          g.writeFieldName(c.name());
          Object v = c.isMissing(i) ? null : c.get(i);
          if (v == null) {
            g.writeNull();
          } else if (v instanceof Double d) {
            if (d.isNaN() || d.isInfinite()) {
              g.writeNull();
            } else {
              g.writeNumber(d.doubleValue());
            }
          } else if (v instanceof Integer n) {
            g.writeNumber(n.intValue());
          } else if (v instanceof Long n) {
            g.writeNumber(n.longValue());
          } else if (v instanceof String text) {
            g.writeString(text);
          } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
          } else {
            g.writeObject(v);
          }
        }
        g.writeEndObject();
      }
      g.writeEndArray();
    }
  }

  /**
   * @return the cell as text: empty when missing or NaN, numbers in full precision
   */
  static String cell(Column<?> c, int i) {
    if (c.isMissing(i)) {
      return "";
    }
    if (c instanceof NumericColumn<?> n) {
      double x = n.getDouble(i);
      if (Double.isNaN(x)) {
        return "";
      }
      return x == Math.rint(x) && Math.abs(x) < 1e15
          ? Long.toString((long) x)
          : NumberOutput.toString(x, true);
    }
    return c.getUnformattedString(i);
  }

  private static String quote(String s) {
    return s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0
        ? "\"" + s.replace("\"", "\"\"") + "\""
        : s;
  }

  static List<Map<String, Object>> rows(Table t) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (int i = 0; i < t.rowCount(); i++) {
      Map<String, Object> row = new LinkedHashMap<>();
      for (Column<?> c : t.columns()) {
        Object v = c.isMissing(i) ? null : c.get(i);
        if (v instanceof Double d && (d.isNaN() || d.isInfinite())) {
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
