package org.sweeplab.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class HtmlTableTest {

  private static Table sample(int rows) {
    Table t =
        Table.create(
            "results",
            IntColumn.create("replicate"),
            StringColumn.create("label"),
            DoubleColumn.create("score"));
    for (int i = 0; i < rows; i++) {
      t.intColumn(0).append(i);
      t.stringColumn(1).append(i == 0 ? "<b>&" : "v" + i);
      t.doubleColumn(2).append(i == 1 ? Double.NaN : 12.345678 + i);
    }
    return t;
  }

  @Test
  void numbersAreRightAlignedAndRoundedPerColumn() {
    String html = HtmlTable.withDefaults().render(sample(3));
    assertTrue(html.contains("<th style=\"text-align:right\">score</th>"), html);
    assertTrue(html.contains("<th style=\"text-align:left\">label</th>"), html);
    assertTrue(html.contains("<td style=\"text-align:right\">12.35</td>"), html);
    assertTrue(html.contains("<td style=\"text-align:right\">14.35</td>"), html);
    assertTrue(
        html.contains("<td style=\"text-align:right\"></td>"), "missing shows empty: " + html);
    assertTrue(html.contains("&lt;b&gt;&amp;"), "text is escaped: " + html);
    assertTrue(html.contains("3 rows &times; 3 columns</p>"), html);
    assertFalse(html.contains("showing"), html);
  }

  @Test
  void longTablesShowHeadAndTailWithTheRowCount() {
    String html = HtmlTable.withDefaults().withRows(4, 2).render(sample(1234));
    assertTrue(
        html.contains("1,234 rows &times; 3 columns (showing the first 4 and the last 2 rows)"),
        html);
    Matcher rows = Pattern.compile("<tr>").matcher(html);
    int count = 0;
    while (rows.find()) {
      count++;
    }
    assertEquals(1 + 4 + 2, count, "header, head and tail rows");
    assertTrue(html.contains("class=\"ellipsis\""), html);
    assertTrue(html.contains(">1233</td>"), "last row shown: " + html);
    assertFalse(html.contains(">5</td>"), "middle rows hidden");
  }

  @Test
  void tinyAndHugeNumbersUseScientificNotation() {
    Table t = Table.create("t", DoubleColumn.create("p", 0.000012345, 0.0000005));
    assertTrue(HtmlTable.withDefaults().render(t).contains(">1.235e-05</td>"));
  }

  @Test
  void rejectsNoRows() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> HtmlTable.withDefaults().withRows(0, 0));
    assertTrue(e.getMessage().contains("head 0, tail 0"), e.getMessage());
  }
}
