package org.sweeplab.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** The results' table: missing cells, selection, and its Tablesaw view cell by cell. */
class ResultTableTest {

  private static ResultTable table() {
    return ResultTable.of(
        "t",
        ResultTableColumn.ofInts("i", new int[] {7, -3, ResultTableColumn.MISSING_INT, 0}),
        ResultTableColumn.ofLongs(
            "l", new long[] {Long.MAX_VALUE, 12_345_678_901L, ResultTableColumn.MISSING_LONG, -1}),
        ResultTableColumn.ofDoubles(
            "d", new double[] {0.5, 2.0, Double.NaN, Double.NEGATIVE_INFINITY}),
        ResultTableColumn.ofText("s", new String[] {"a", "", null, "b c"}),
        ResultTableColumn.ofBooleans("b", new byte[] {1, 0, -1, 1}));
  }

  @Test
  void missingCellsAreMissingInEveryReading() {
    ResultTable t = table();
    for (ResultTableColumn c : t.columns()) {
      assertTrue(c.isMissing(2), c.toString());
      assertNull(c.get(2), c.toString());
      assertEquals("", c.text(2), c.toString());
      assertTrue(Double.isNaN(c.number(2)), c.toString());
    }
    assertTrue(t.column("s").isMissing(1), "an empty text is missing, as in Tablesaw");
    assertEquals(ResultTableColumn.MISSING_LONG, t.column("l").longValue(2));
    assertEquals(ResultTableColumn.MISSING_LONG, t.column("i").longValue(2));
    assertEquals(Long.MAX_VALUE, t.column("l").longValue(0));
    assertEquals(Boolean.FALSE, t.column("b").get(1));
    assertEquals("2.0", t.column("d").text(1));
  }

  /** The view has the same cells; the text of a key is what Tablesaw's getString shows. */
  @Test
  void theViewHoldsTheSameCellsAndShowsThemAsTablesawDoes() {
    ResultTable t = table();
    Table view = t.toTable();
    assertEquals("t", view.name());
    assertEquals(
        List.of("IntColumn", "LongColumn", "DoubleColumn", "StringColumn", "BooleanColumn"),
        view.columns().stream().map(c -> c.getClass().getSimpleName()).toList());
    for (int c = 0; c < t.columnCount(); c++) {
      ResultTableColumn ours = t.columns().get(c);
      Column<?> theirs = view.column(c);
      for (int i = 0; i < t.rowCount(); i++) {
        assertEquals(theirs.isMissing(i), ours.isMissing(i), ours + " row " + i);
        assertEquals(theirs.isMissing(i) ? null : theirs.get(i), ours.get(i), ours + " row " + i);
        assertEquals(theirs.getString(i), ours.shown(i), ours + " row " + i);
      }
    }
  }

  @Test
  void selectionAndFilteringKeepTypesAndOrder() {
    ResultTable t = table().select("s", "i").where(row -> row != 1);
    assertEquals(List.of("s", "i"), t.columnNames());
    assertEquals(3, t.rowCount());
    List<Object> ints = new ArrayList<>();
    for (int i = 0; i < t.rowCount(); i++) {
      ints.add(t.column("i").get(i));
    }
    assertEquals(java.util.Arrays.asList(7, null, 0), ints);
    AnalysisException e = assertThrows(AnalysisException.class, () -> t.column("x"));
    assertTrue(e.getMessage().contains("Column x is not present in table t"), e.getMessage());
  }

  @Test
  void columnsMustShareALengthAndHaveDistinctNames() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            ResultTable.of(
                "t",
                ResultTableColumn.ofInts("a", new int[1]),
                ResultTableColumn.ofInts("b", new int[2])));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            ResultTable.of(
                "t",
                ResultTableColumn.ofInts("a", new int[1]),
                ResultTableColumn.ofDoubles("a", new double[1])));
    assertEquals(0, ResultTable.of("e").rowCount());
  }
}
