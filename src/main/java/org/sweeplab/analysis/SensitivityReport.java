package org.sweeplab.analysis;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a {@link SensitivityResult} beside an analysis report: {@code sensitivity.csv} (its table),
 * {@code sensitivity-convergence.csv} (Sobol), {@code sensitivity.json} (the settings, the table, the convergence and
 * the warnings) and the report's "Sensitivity" section. Everything is read from the result.
 */
public final class SensitivityReport {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private SensitivityReport() {}

  /**
   * Writes the data files into dir, creating it.
   *
   * @throws UncheckedIOException if a file cannot be written
   */
  public static void writeData(SensitivityResult r, Path dir) {
    try {
      Files.createDirectories(dir);
      ReportWriter.csvFile(r.toTable(), dir.resolve("sensitivity.csv"));
      Map<String, Object> json = new LinkedHashMap<>();
      if (r instanceof SobolResult s) {
        json.put("method", "sobol");
        json.put("metric", s.metric());
        json.put("failed_runs", s.policy().name().toLowerCase(Locale.ROOT));
        json.put("confidence", s.confidence());
        json.put("base_rows", s.plannedRows());
        json.put("base_rows_dropped", s.droppedRows());
        json.put("indices", ReportWriter.rows(s.toTable()));
        json.put("convergence", ReportWriter.rows(s.convergenceTable()));
        ReportWriter.csvFile(s.convergenceTable(), dir.resolve("sensitivity-convergence.csv"));
      } else if (r instanceof MorrisResult m) {
        json.put("method", "morris");
        json.put("metric", m.metric());
        json.put("failed_runs", m.policy().name().toLowerCase(Locale.ROOT));
        json.put("confidence", m.confidence());
        json.put("trajectories", m.plannedTrajectories());
        json.put("trajectories_dropped", m.droppedTrajectories());
        json.put("measures", ReportWriter.rows(m.toTable()));
        json.put("ranking", m.ranking());
      }
      json.put("warnings", r.warnings());
      JSON.writeValue(dir.resolve("sensitivity.json").toFile(), json);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the sensitivity analysis to " + dir, e);
    }
  }

  /** @return the report section, from {@code ## Sensitivity} on, linking these figures */
  public static String markdown(SensitivityResult r, List<FigureLink> figures) {
    StringBuilder b = new StringBuilder("\n## Sensitivity\n\n");
    if (r instanceof SobolResult s) {
      b.append(String.format(Locale.ROOT, "Sobol indices of `%s` from %d of %d base rows of the Saltelli sample"
          + " (failed runs: %s), with %s%% percentile bootstrap intervals over base rows. S1: first order (Saltelli"
          + " et al. 2010); ST: total (Jansen 1999); S2: second order (Saltelli 2002). Full tables:"
          + " `sensitivity.csv`, `sensitivity-convergence.csv`.%n%n", s.metric(), s.usedRows(), s.plannedRows(),
          s.policy().name().toLowerCase(Locale.ROOT), pct(s.confidence())));
      b.append(ReportWriter.table(s.toTable()));
      b.append("\n### Convergence\n\nThe same indices on the first N/8, N/4, N/2 and N base rows; an estimate that"
          + " still moves by more than its interval needs a larger sample.\n\n");
      b.append(ReportWriter.table(s.convergenceTable().where(s.convergenceTable().stringColumn("index")
          .isNotEqualTo("S2"))));
    } else if (r instanceof MorrisResult m) {
      b.append(String.format(Locale.ROOT, "Morris screening of `%s` from %d of %d trajectories (failed runs: %s),"
          + " with %s%% percentile bootstrap intervals over trajectories. μ: mean elementary effect (Morris 1991);"
          + " μ*: mean absolute effect (Campolongo et al. 2007), the ranking measure; σ: their standard deviation"
          + " (interaction or non-linearity). Ranking by μ*: %s. Full table: `sensitivity.csv`.%n%n", m.metric(),
          m.plannedTrajectories() - m.droppedTrajectories(), m.plannedTrajectories(),
          m.policy().name().toLowerCase(Locale.ROOT), pct(m.confidence()), String.join(" > ", m.ranking())));
      b.append(ReportWriter.table(m.toTable()));
    }
    if (!r.warnings().isEmpty()) {
      b.append("\n### Sensitivity warnings\n\n");
      r.warnings().forEach(w -> b.append("- ").append(w).append('\n'));
    }
    if (!figures.isEmpty()) {
      b.append('\n');
      for (FigureLink f : figures) {
        b.append("![").append(f.title()).append("](").append(f.path()).append(")\n");
      }
    }
    return b.toString();
  }

  /**
   * Puts extra sections into a written report.md, before its "## Warnings" section (at the end without one).
   *
   * @throws UncheckedIOException if the file cannot be read or written
   */
  public static void insertSections(Path report, String sections) {
    try {
      String text = Files.readString(report, StandardCharsets.UTF_8);
      int at = text.indexOf("\n## Warnings\n");
      String out = at < 0 ? text + sections : text.substring(0, at) + sections + text.substring(at);
      Files.writeString(report, out, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot add to " + report, e);
    }
  }

  private static String pct(double confidence) {
    return java.math.BigDecimal.valueOf(confidence * 100).stripTrailingZeros().toPlainString();
  }
}
