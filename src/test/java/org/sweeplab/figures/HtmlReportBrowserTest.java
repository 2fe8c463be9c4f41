package org.sweeplab.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sweeplab.analysis.AnalysisOptions;
import org.sweeplab.browser.HeadlessChromium;
import tech.tablesaw.api.Table;

/**
 * report.html as a reader gets it: self-contained (no request but the page itself), every figure
 * drawn, tables sorting on a click, long tables folded, the numbers of report.md. The screenshot
 * goes to {@code target/report-html/report.png}.
 */
class HtmlReportBrowserTest {

  @TempDir static Path dir;
  private static Path report;
  private static AnalysisReport.Written written;

  @BeforeAll
  static void analyseSyntheticResults() throws IOException {
    Table t = SyntheticResults.table(11);
    Path csv = dir.resolve("results.csv");
    t.write().csv(csv.toFile());
    written =
        AnalysisReport.withDefaults()
            .write(AnalysisOptions.of(csv).withMetric("score").withOut(dir.resolve("analysis")));
    report = written.html();
  }

  @Test
  void thePageIsSelfContainedAndSaysWhatReportMdSays() throws IOException {
    String html = Files.readString(report, StandardCharsets.UTF_8);
    String md = Files.readString(written.report(), StandardCharsets.UTF_8);
    assertFalse(
        Pattern.compile("(src|href)=\"(https?:|//)|<link|@import|url\\(http").matcher(html).find(),
        "no external resource");
    assertEquals(written.figures().size(), count(html, "<figure>"), "every figure inline");
    assertFalse(html.contains("<?xml") || html.contains("<!DOCTYPE svg"), "bare svg elements");
    // Every cell of report.md's tables is in report.html (escaped), so both come from the same
    // model.
    Matcher row = Pattern.compile("(?m)^\\| (?!---)(.*) \\|$").matcher(md);
    int cells = 0;
    while (row.find()) {
      for (String cell : row.group(1).split(" \\| ")) {
        String escaped =
            cell.replace("\\|", "|")
                .replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("'", "&#39;");
        assertTrue(
            html.contains(">" + escaped + "<"), "report.md cell missing from report.html: " + cell);
        cells++;
      }
    }
    assertTrue(cells > 100, "cells compared: " + cells);
    assertTrue(
        html.contains("<summary>Statistics by group: show all 64 rows (sortable)</summary>"),
        "64 variations: folded");
    assertTrue(
        html.contains("algorithm=A, population=10, mutation=0.01"), "each variation's parameters");
    assertTrue(html.contains("@media print"), "print rules");
  }

  @Test
  void figuresDrawAndATableSortsInChromium() throws IOException {
    try (HeadlessChromium browser = HeadlessChromium.startOrSkip(1280, 900)) {
      browser.open(report.toUri());
      Path out = Path.of("target", "report-html");
      HeadlessChromium.save(browser.screenshot(), out.resolve("report.png"));
      List<HeadlessChromium.Rect> figures = browser.rects("figure div.figure > svg");
      assertEquals(written.figures().size(), figures.size());
      for (int i = 0; i < figures.size(); i++) {
        HeadlessChromium.Rect r = figures.get(i);
        assertTrue(r.width() > 300 && r.height() > 150, "figure " + i + ": " + r);
        BufferedImage shot = browser.screenshot("figure div.figure > svg", i);
        HeadlessChromium.save(shot, out.resolve("figure-" + i + ".png"));
        assertTrue(HeadlessChromium.inkShare(shot) > 0.01, "figure " + i + " is blank");
      }
      for (String url : browser.requestedUrls()) {
        assertTrue(
            url.equals(report.toUri().toString()) || url.startsWith("data:"), "request " + url);
      }

      String ranking = "#ranking details";
      assertFalse(
          browser.eval("document.querySelector('" + ranking + "').open").asBoolean(), "folded");
      assertTrue(
          browser.rects("#ranking div.preview table").get(0).height() > 0, "its first rows show");
      browser.click(ranking + " summary");
      assertTrue(browser.eval("document.querySelector('" + ranking + "').open").asBoolean());
      assertEquals(
          0.0, browser.rects("#ranking div.preview table").get(0).height(), "the preview hides");
      assertEquals(64, column(browser, ranking, "rank").size());
      // The ranking comes ordered by rank; a click on 'mean' sorts by mean, a second click reverses
      // it.
      browser.click(ranking + " th:nth-child(" + (header(browser, ranking, "mean") + 1) + ")");
      List<Double> up = numbers(column(browser, ranking, "mean"));
      List<Double> sorted = new ArrayList<>(up);
      sorted.sort(Double::compare);
      assertEquals(sorted, up, "ascending after one click");
      browser.click(ranking + " th:nth-child(" + (header(browser, ranking, "mean") + 1) + ")");
      List<Double> down = numbers(column(browser, ranking, "mean"));
      sorted.sort((a, b) -> Double.compare(b, a));
      assertEquals(sorted, down, "descending after a second click");
      assertEquals(
          "descending",
          browser
              .eval(
                  "document.querySelector('"
                      + ranking
                      + " th[aria-sort]').getAttribute('aria-sort')")
              .asText());
      HeadlessChromium.save(browser.screenshot(), out.resolve("report-sorted.png"));
    }
  }

  private static int header(HeadlessChromium b, String table, String name) {
    JsonNode names =
        b.eval("Array.from(document.querySelectorAll('" + table + " th')).map(h => h.textContent)");
    for (int i = 0; i < names.size(); i++) {
      if (names.get(i).asText().equals(name)) {
        return i;
      }
    }
    throw new AssertionError("no column " + name + " in " + names);
  }

  /** The data-v values of a numeric column, in the order the rows show. */
  private static List<String> column(HeadlessChromium b, String table, String name) {
    int i = header(b, table, name) + 1;
    JsonNode v =
        b.eval(
            "Array.from(document.querySelectorAll('"
                + table
                + " tbody td:nth-child("
                + i
                + ")'))"
                + ".map(td => td.getAttribute('data-v'))");
    List<String> out = new ArrayList<>();
    v.forEach(x -> out.add(x.asText()));
    return out;
  }

  private static List<Double> numbers(List<String> values) {
    return values.stream().filter(s -> !s.isEmpty()).map(Double::parseDouble).toList();
  }

  private static int count(String s, String part) {
    int n = 0;
    for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }
}
