package org.sweeplab.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders a {@link ReportModel} as one self-contained HTML page (report.html): its CSS and the few
 * lines of JavaScript that sort tables are inline, and nothing is fetched from the network. Tables
 * sort by a click on a column heading (numbers as numbers, empty cells last); a table longer than
 * {@value MarkdownReport#MAX_ROWS} rows shows its first rows, as report.md does, and is whole in a
 * folded {@code <details>} element, with at most {@link #withMaxRows max rows} rows (the rest are
 * in the CSV and JSON files). Numbers show as in report.md; each numeric cell keeps its full value
 * for sorting. Printing unfolds every table and drops the contents list. How a figure appears is up
 * to a function of its link (an {@code <img>} of the file by default; the figures package inlines
 * SVG).
 *
 * <p>Immutable: {@code HtmlReport.withDefaults().withFigureHtml(f).write(model, dir)}.
 */
public final class HtmlReport {

  private static final Pattern CODE = Pattern.compile("`([^`]+)`");
  private static final Pattern BOLD = Pattern.compile("\\*\\*(.+?)\\*\\*");

  private final Function<FigureLink, String> figureHtml;
  private final int maxRows;

  private HtmlReport(Function<FigureLink, String> figureHtml, int maxRows) {
    this.figureHtml = figureHtml;
    this.maxRows = maxRows;
  }

  /** Figures as {@code <img>} of their files, at most 5,000 rows per table. */
  public static HtmlReport withDefaults() {
    return new HtmlReport(
        link -> "<img src=\"" + escape(link.path()) + "\" alt=\"" + escape(link.title()) + "\">",
        5_000);
  }

  /**
   * @param html the HTML of a figure (an inline {@code <svg>}, an {@code <img>}), given its link
   */
  public HtmlReport withFigureHtml(Function<FigureLink, String> html) {
    return new HtmlReport(html, maxRows);
  }

  /**
   * @throws IllegalArgumentException if max is below {@value MarkdownReport#MAX_ROWS}
   */
  public HtmlReport withMaxRows(int max) {
    if (max < MarkdownReport.MAX_ROWS) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "An HTML report shows at least %d rows of a" + " table, not %d",
              MarkdownReport.MAX_ROWS,
              max));
    }
    return new HtmlReport(figureHtml, max);
  }

  /**
   * Writes {@code dir/report.html}, creating dir.
   *
   * @return the file
   * @throws UncheckedIOException if it cannot be written
   */
  public Path write(ReportModel model, Path dir) {
    Path file = dir.resolve("report.html");
    try {
      Files.createDirectories(dir);
      return Files.writeString(file, render(model), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + file, e);
    }
  }

  /** The page. */
  public String render(ReportModel model) {
    StringBuilder b = new StringBuilder(1 << 16);
    b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
        .append(escape(model.title()))
        .append("</title>\n<style>\n")
        .append(HtmlReportAssets.CSS)
        .append("</style>\n</head>\n<body>\n<main>\n<h1>")
        .append(escape(model.title()))
        .append("</h1>\n");
    Set<String> ids = new HashSet<>();
    List<String> anchors = model.sections().stream().map(s -> anchor(s.title(), ids)).toList();
    b.append("<nav class=\"contents\"><ul>\n");
    for (int i = 0; i < model.sections().size(); i++) {
      ReportModel.Section s = model.sections().get(i);
      b.append("<li class=\"level")
          .append(s.level())
          .append("\"><a href=\"#")
          .append(anchors.get(i))
          .append("\">")
          .append(escape(s.title()))
          .append("</a></li>\n");
    }
    b.append("</ul></nav>\n");
    for (int i = 0; i < model.sections().size(); i++) {
      ReportModel.Section s = model.sections().get(i);
      b.append("<section id=\"")
          .append(anchors.get(i))
          .append("\">\n<h")
          .append(s.level())
          .append('>')
          .append(escape(s.title()))
          .append("</h")
          .append(s.level())
          .append(">\n");
      for (ReportModel.Block block : s.blocks()) {
        block(block, s.title(), b);
      }
      b.append("</section>\n");
    }
    b.append("</main>\n<script>\n")
        .append(HtmlReportAssets.SCRIPT)
        .append("</script>\n</body>\n</html>\n");
    return b.toString();
  }

  private void block(ReportModel.Block block, String title, StringBuilder b) {
    if (block instanceof ReportModel.Text t) {
      b.append("<p>").append(inline(t.text())).append("</p>\n");
    } else if (block instanceof ReportModel.Bullets l) {
      b.append("<ul>\n");
      l.items()
          .forEach(
              item ->
                  b.append("<li>")
                      .append(inline(item.replaceAll("\\s*\\n\\s*", " ")))
                      .append("</li>\n"));
      b.append("</ul>\n");
    } else if (block instanceof ReportModel.TableBlock t) {
      table(t.table(), title, b);
    } else if (block instanceof ReportModel.Figures f) {
      for (FigureLink link : f.figures()) {
        b.append("<figure>\n<div class=\"figure\">")
            .append(figureHtml.apply(link))
            .append("</div>\n<figcaption>")
            .append(escape(link.title()))
            .append("</figcaption>\n</figure>\n");
      }
    }
  }

  private void table(ResultTable t, String title, StringBuilder b) {
    if (t.rowCount() == 0) {
      b.append("<p>None.</p>\n");
      return;
    }
    int n = Math.min(maxRows, t.rowCount());
    if (t.rowCount() <= MarkdownReport.MAX_ROWS) {
      rows(t, n, true, b);
      return;
    }
    // Folded: the whole table (sortable) in a closed <details>, and after it the first rows as
    // report.md shows
    // them, which the style sheet hides once the details are open.
    b.append(
        n == t.rowCount()
            ? String.format(
                Locale.ROOT,
                "<details>\n<summary>%s: show all %d rows (sortable)</summary>\n",
                escape(title),
                n)
            : String.format(
                Locale.ROOT,
                "<details>\n<summary>%s: show the first %d of %d rows (sortable)</summary>\n",
                escape(title),
                n,
                t.rowCount()));
    rows(t, n, true, b);
    if (t.rowCount() > n) {
      b.append(
          String.format(
              Locale.ROOT,
              "<p class=\"note\">%d more rows in the CSV/JSON files.</p>\n",
              t.rowCount() - n));
    }
    b.append("</details>\n<div class=\"preview\">\n");
    rows(t, MarkdownReport.MAX_ROWS, false, b);
    b.append(
        String.format(
            Locale.ROOT,
            "<p class=\"note\">The first %d of %d rows.</p>\n</div>\n",
            MarkdownReport.MAX_ROWS,
            t.rowCount()));
  }

  private static void rows(ResultTable t, int n, boolean sortable, StringBuilder b) {
    b.append("<div class=\"table\"><table")
        .append(sortable ? " class=\"sortable\"" : "")
        .append(">\n<thead><tr>");
    for (ResultTableColumn c : t.columns()) {
      boolean number = c.isNumeric();
      b.append("<th scope=\"col\"")
          .append(number ? " class=\"num\"" : "")
          .append(sortable ? " title=\"sort by " + escape(c.name()) + "\"" : "")
          .append('>')
          .append(escape(c.name()))
          .append("</th>");
    }
    b.append("</tr></thead>\n<tbody>\n");
    for (int i = 0; i < n; i++) {
      b.append("<tr>");
      for (ResultTableColumn c : t.columns()) {
        String shown = escape(MarkdownReport.shown(c, i));
        if (c.isNumeric()) {
          b.append("<td class=\"num\" data-v=\"")
              .append(escape(TableFiles.cell(c, i)))
              .append("\">")
              .append(shown)
              .append("</td>");
        } else {
          b.append("<td>").append(shown).append("</td>");
        }
      }
      b.append("</tr>\n");
    }
    b.append("</tbody>\n</table></div>\n");
  }

  /** Escapes text, then turns {@code `code`} and {@code **bold**} into elements. */
  static String inline(String text) {
    String s = escape(text);
    s =
        CODE.matcher(s)
            .replaceAll(m -> Matcher.quoteReplacement("<code>" + m.group(1) + "</code>"));
    return BOLD.matcher(s)
        .replaceAll(m -> Matcher.quoteReplacement("<strong>" + m.group(1) + "</strong>"));
  }

  /** Text safe inside an element or a quoted attribute. */
  static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  /** A unique id for a heading: its words in lower case joined by '-'. */
  private static String anchor(String title, Set<String> taken) {
    String base =
        title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    base = base.isEmpty() ? "section" : base;
    String id = base;
    for (int k = 2; !taken.add(id); k++) {
      id = base + "-" + k;
    }
    return id;
  }
}
