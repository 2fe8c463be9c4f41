package org.sweeplab.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Renders a {@link ReportModel} as Markdown (report.md): tables to their first {@value #MAX_ROWS}
 * rows, numbers that are not whole to 4 significant digits, NaN and missing cells empty, figures as
 * image links.
 */
public final class MarkdownReport {
  /** The rows a table shows; the rest are in the CSV and JSON files. */
  public static final int MAX_ROWS = 20;

  private MarkdownReport() {}

  /**
   * Writes {@code dir/report.md}, creating dir.
   *
   * @return the file
   * @throws UncheckedIOException if it cannot be written
   */
  public static Path write(ReportModel model, Path dir) {
    Path file = dir.resolve("report.md");
    try {
      Files.createDirectories(dir);
      return Files.writeString(file, render(model), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the analysis to " + dir, e);
    }
  }

  /** The Markdown text of a report. */
  public static String render(ReportModel model) {
    StringBuilder b = new StringBuilder("# ").append(model.title()).append("\n\n");
    boolean afterContent = false;
    for (ReportModel.Section s : model.sections()) {
      if (afterContent) {
        b.append('\n');
      }
      b.append("#".repeat(s.level())).append(' ').append(s.title()).append("\n\n");
      for (int i = 0; i < s.blocks().size(); i++) {
        if (i > 0) {
          b.append('\n');
        }
        block(s.blocks().get(i), b);
      }
      afterContent = !s.blocks().isEmpty();
    }
    return b.toString();
  }

  private static void block(ReportModel.Block block, StringBuilder b) {
    if (block instanceof ReportModel.Text t) {
      b.append(t.text()).append('\n');
    } else if (block instanceof ReportModel.Bullets l) {
      l.items().forEach(item -> b.append("- ").append(item).append('\n'));
    } else if (block instanceof ReportModel.TableBlock t) {
      b.append(table(t.table()));
    } else if (block instanceof ReportModel.Figures f) {
      f.figures()
          .forEach(
              link ->
                  b.append("![")
                      .append(link.title())
                      .append("](")
                      .append(link.path())
                      .append(")\n\n"));
    }
  }

  /**
   * @return the first {@value #MAX_ROWS} rows as a markdown table, numbers to 4 significant digits
   */
  static String table(ResultTable t) {
    if (t.rowCount() == 0) {
      return "None.\n";
    }
    StringBuilder b =
        new StringBuilder("| ").append(String.join(" | ", t.columnNames())).append(" |\n|");
    b.append(" --- |".repeat(t.columnCount())).append("\n");
    int n = Math.min(MAX_ROWS, t.rowCount());
    for (int i = 0; i < n; i++) {
      b.append("|");
      for (ResultTableColumn c : t.columns()) {
        b.append(' ').append(shown(c, i).replace("|", "\\|")).append(" |");
      }
      b.append("\n");
    }
    if (t.rowCount() > n) {
      b.append(
          String.format(Locale.ROOT, "%n%d more rows in the CSV/JSON files.%n", t.rowCount() - n));
    }
    return b.toString();
  }

  /**
   * A cell as a report shows it: numbers that are not whole to 4 significant digits, else {@link
   * TableFiles#cell}.
   */
  static String shown(ResultTableColumn c, int i) {
    double x = c.isNumeric() ? c.number(i) : Double.NaN;
    return !Double.isNaN(x) && x != Math.rint(x) ? Ranking.fmt(x) : TableFiles.cell(c, i);
  }
}
