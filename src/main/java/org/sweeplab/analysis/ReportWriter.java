package org.sweeplab.analysis;

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
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

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
      JSON.writeValue(dir.resolve("variation-statistics.json").toFile(), rows(statistics));
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
    try (var w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write(String.join(",", t.columnNames().stream().map(ReportWriter::quote).toList()));
      w.write('\n');
      for (int i = 0; i < t.rowCount(); i++) {
        List<String> cells = new ArrayList<>();
        for (Column<?> c : t.columns()) {
          cells.add(quote(cell(c, i)));
        }
        w.write(String.join(",", cells));
        w.write('\n');
      }
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
      return x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x) : Double.toString(x);
    }
    return c.getUnformattedString(i);
  }

  private static String quote(String s) {
    return s.contains(",") || s.contains("\"") || s.contains("\n")
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
