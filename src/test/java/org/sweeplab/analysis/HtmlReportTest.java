package org.sweeplab.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** report.html from a hand-made model: escaping, inline markup, folding, sort keys, the row cap. */
class HtmlReportTest {

  private static ReportModel model(int rows) {
    int[] rank = new int[rows];
    String[] name = new String[rows];
    double[] mean = new double[rows];
    for (int i = 0; i < rows; i++) {
      rank[i] = i + 1;
      name[i] = i == 0 ? "<b>&\"x\"" : "g" + i;
      mean[i] = i == 1 ? Double.NaN : 1.0 / (i + 3);
    }
    return new ReportModel(
        "Report <1>",
        List.of(
            new ReportModel.Section(
                "Overview",
                2,
                List.of(
                    new ReportModel.Bullets(List.of("metric: `score`, **best**", "two\n  lines")))),
            new ReportModel.Section(
                "Table",
                2,
                List.of(
                    new ReportModel.Text("a < b"),
                    new ReportModel.TableBlock(
                        ResultTable.of(
                            "t",
                            ResultTableColumn.ofInts("rank", rank),
                            ResultTableColumn.ofText("name", name),
                            ResultTableColumn.ofDoubles("mean", mean))))),
            new ReportModel.Section(
                "Table", 3, List.of(new ReportModel.TableBlock(ResultTable.of("e"))))));
  }

  @Test
  void textIsEscapedAndMarkupBecomesElements() {
    String html = HtmlReport.withDefaults().render(model(3));
    assertTrue(html.contains("<title>Report &lt;1&gt;</title>"));
    assertTrue(html.contains("<li>metric: <code>score</code>, <strong>best</strong></li>"), html);
    assertTrue(html.contains("<li>two lines</li>"));
    assertTrue(html.contains("<p>a &lt; b</p>"));
    assertTrue(html.contains("<td>&lt;b&gt;&amp;&quot;x&quot;</td>"));
    assertTrue(
        html.contains("<td class=\"num\" data-v=\"0.3333333333333333\">0.3333</td>"),
        "full value to sort");
    assertTrue(html.contains("<td class=\"num\" data-v=\"\"></td>"), "NaN is empty");
    assertTrue(html.contains("<p>None.</p>"));
    assertTrue(
        html.contains("<section id=\"table\">") && html.contains("<section id=\"table-2\">"),
        "unique ids");
    assertFalse(html.contains("<details>"), "3 rows: not folded");
    assertEquals(1, html.split("class=\"sortable\"", -1).length - 1);
  }

  @Test
  void longTablesFoldAfterAPreviewAndStopAtTheCap() {
    String html = HtmlReport.withDefaults().withMaxRows(30).render(model(45));
    assertTrue(
        html.contains("<summary>Table: show the first 30 of 45 rows (sortable)</summary>"), html);
    assertTrue(html.contains("<p class=\"note\">15 more rows in the CSV/JSON files.</p>"));
    assertTrue(html.contains("<p class=\"note\">The first 20 of 45 rows.</p>"));
    assertTrue(html.contains("<td>g29</td>") && !html.contains("<td>g30</td>"), "30 rows at most");
    assertThrows(IllegalArgumentException.class, () -> HtmlReport.withDefaults().withMaxRows(19));
  }
}
