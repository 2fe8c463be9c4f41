package org.sweeplab.analysis;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
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
    writeData(r, dir, Analysis.DataFiles.ALL);
  }

  /** Writes variation-statistics.csv and .json, creating dir. */
  static void writeStatistics(VariationStatisticsResult statistics, Path dir) {
    try {
      Files.createDirectories(dir);
      TableFiles.write(
          statistics.resultTable(),
          dir.resolve("variation-statistics.csv"),
          dir.resolve("variation-statistics.json"));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the analysis to " + dir, e);
    }
  }

  /** Writes the data files these name, creating dir. */
  static void writeData(AnalysisResult r, Path dir, Analysis.DataFiles which) {
    if (which == Analysis.DataFiles.ALL) {
      writeStatistics(r.statistics(), dir);
    }
    try {
      Files.createDirectories(dir);
      TableFiles.write(r.ranking().resultTable(), dir.resolve("ranking.csv"), null);
      if (r.race() != null) {
        TableFiles.write(r.race().standingsResultTable(), dir.resolve("race.csv"), null);
      }
      if (r.costEfficiency() != null) {
        TableFiles.write(
            r.costEfficiency().resultTable(), dir.resolve("cost-efficiency.csv"), null);
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

  /** Writes a table as CSV, as every analysis file is written ({@link TableFiles}). */
  static void csvFile(ResultTable t, Path file) throws IOException {
    TableFiles.write(t, file, null);
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
