package org.sweeplab.analysis;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a {@link SensitivityResult} beside an analysis report: {@code sensitivity.csv} (its
 * table), {@code sensitivity-convergence.csv} (Sobol), {@code sensitivity.json} (the settings, the
 * table, the convergence and the warnings) and the report's "Sensitivity" section. Everything is
 * read from the result.
 */
public final class SensitivityReport {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private SensitivityReport() {}

  /**
   * Writes the data files into dir, creating it.
   *
   * @throws UncheckedIOException if a file cannot be written
   */
  public static void writeData(SensitivityResult r, Path dir) {
    try {
      Files.createDirectories(dir);
      ReportWriter.csvFile(r.resultTable(), dir.resolve("sensitivity.csv"));
      Map<String, Object> json = new LinkedHashMap<>();
      if (r instanceof SobolResult s) {
        json.put("method", "sobol");
        json.put("metric", s.metric());
        json.put("failed_runs", s.policy().name().toLowerCase(Locale.ROOT));
        json.put("confidence", s.confidence());
        json.put("base_rows", s.plannedRows());
        json.put("base_rows_dropped", s.droppedRows());
        json.put("indices", ReportWriter.rows(s.resultTable()));
        ResultTable convergence = s.convergenceResultTable();
        json.put("convergence", ReportWriter.rows(convergence));
        ReportWriter.csvFile(convergence, dir.resolve("sensitivity-convergence.csv"));
      } else if (r instanceof MorrisResult m) {
        json.put("method", "morris");
        json.put("metric", m.metric());
        json.put("failed_runs", m.policy().name().toLowerCase(Locale.ROOT));
        json.put("confidence", m.confidence());
        json.put("trajectories", m.plannedTrajectories());
        json.put("trajectories_dropped", m.droppedTrajectories());
        json.put("measures", ReportWriter.rows(m.resultTable()));
        json.put("ranking", m.ranking());
      }
      json.put("warnings", r.warnings());
      JSON.writeValue(dir.resolve("sensitivity.json").toFile(), json);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the sensitivity analysis to " + dir, e);
    }
  }

  /**
   * @return the report section, from {@code ## Sensitivity} on, linking these figures
   */
  public static List<ReportModel.Section> sections(SensitivityResult r, List<FigureLink> figures) {
    List<ReportModel.Section> out = new java.util.ArrayList<>();
    List<ReportModel.Block> main = new java.util.ArrayList<>();
    ReportModel.Section convergence = null;
    if (r instanceof SobolResult s) {
      main.add(
          new ReportModel.Text(
              String.format(
                  Locale.ROOT,
                  "Sobol indices of `%s` from %d of %d base rows of the"
                      + " Saltelli sample (failed runs: %s), with %s%% percentile bootstrap intervals over base rows. S1: first"
                      + " order (Saltelli et al. 2010); ST: total (Jansen 1999); S2: second order (Saltelli 2002). Full tables:"
                      + " `sensitivity.csv`, `sensitivity-convergence.csv`.",
                  s.metric(),
                  s.usedRows(),
                  s.plannedRows(),
                  s.policy().name().toLowerCase(Locale.ROOT),
                  pct(s.confidence()))));
      main.add(new ReportModel.TableBlock(s.resultTable()));
      convergence =
          new ReportModel.Section(
              "Convergence",
              3,
              List.of(
                  new ReportModel.Text(
                      "The same indices on the"
                          + " first N/8, N/4, N/2 and N base rows; an estimate that still moves by more than its interval needs a"
                          + " larger sample."),
                  new ReportModel.TableBlock(withoutS2(s.convergenceResultTable()))));
    } else if (r instanceof MorrisResult m) {
      main.add(
          new ReportModel.Text(
              String.format(
                  Locale.ROOT,
                  "Morris screening of `%s` from %d of %d trajectories"
                      + " (failed runs: %s), with %s%% percentile bootstrap intervals over trajectories. μ: mean elementary"
                      + " effect (Morris 1991); μ*: mean absolute effect (Campolongo et al. 2007), the ranking measure; σ: their"
                      + " standard deviation (interaction or non-linearity). Ranking by μ*: %s. Full table: `sensitivity.csv`.",
                  m.metric(),
                  m.plannedTrajectories() - m.droppedTrajectories(),
                  m.plannedTrajectories(),
                  m.policy().name().toLowerCase(Locale.ROOT),
                  pct(m.confidence()),
                  String.join(" > ", m.ranking()))));
      main.add(new ReportModel.TableBlock(m.resultTable()));
    }
    if (!figures.isEmpty()) {
      main.add(new ReportModel.Figures(figures));
    }
    out.add(new ReportModel.Section("Sensitivity", 2, main));
    if (convergence != null) {
      out.add(convergence);
    }
    if (!r.warnings().isEmpty()) {
      out.add(
          new ReportModel.Section(
              "Sensitivity warnings", 3, List.of(new ReportModel.Bullets(r.warnings()))));
    }
    return out;
  }

  /** The convergence table without its second-order (S2) rows. */
  private static ResultTable withoutS2(ResultTable convergence) {
    ResultTableColumn index = convergence.column("index");
    return convergence.where(row -> !index.text(row).equals("S2"));
  }

  private static String pct(double confidence) {
    return java.math.BigDecimal.valueOf(confidence * 100).stripTrailingZeros().toPlainString();
  }
}
