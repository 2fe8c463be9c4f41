package org.sweeplab.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class ReportWriterTest {

  /** Every kind of cell: integers, longs, doubles (NaN, infinite, missing), text, booleans. */
  private static Table table() {
    IntColumn i = IntColumn.create("i", 1, -2, 3);
    i.setMissing(2);
    LongColumn l = LongColumn.create("l", 4_000_000_000L, 0L, -1L);
    DoubleColumn d = DoubleColumn.create("d", 0.1, Double.NaN, Double.POSITIVE_INFINITY);
    StringColumn s = StringColumn.create("s", "a,b", "say \"hi\"", "");
    BooleanColumn b = BooleanColumn.create("b", new boolean[] {true, false, true});
    b.setMissing(1);
    return Table.create("t", i, l, d, s, b);
  }

  @Test
  void theStreamedJsonIsWhatTheMapperWritesOfTheRows(@TempDir Path dir) throws Exception {
    Table t = table();
    Path file = dir.resolve("t.json");
    ReportWriter.json(t, file);
    // The reference: the mapper (Jackson's own serializer) given one map per row, as
    // patterns.json is written.
    String expected =
        new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .writeValueAsString(ReportWriter.rows(t));
    assertEquals(expected, Files.readString(file));
  }

  /**
   * Expected by the rules of docs/analysis.md (CSV cells): RFC 4180 quoting, missing and NaN empty,
   * integers without a point, other numbers in their shortest round-trip form (Infinity as Java
   * writes it).
   */
  @Test
  void csvCellsAreQuotedAndNumbersAreShortest(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("t.csv");
    ReportWriter.csvFile(table(), file);
    assertEquals(
        "i,l,d,s,b\n"
            + "1,4000000000,0.1,\"a,b\",true\n"
            + "-2,0,,\"say \"\"hi\"\"\",\n"
            + ",-1,Infinity,,true\n",
        Files.readString(file));
  }
}
