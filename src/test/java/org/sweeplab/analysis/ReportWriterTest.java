package org.sweeplab.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {

  /** Every kind of cell: integers, longs, doubles (NaN, infinite, missing), text, booleans. */
  private static ResultTable table() {
    return ResultTable.of(
        "t",
        ResultTableColumn.ofInts("i", new int[] {1, -2, ResultTableColumn.MISSING_INT}),
        ResultTableColumn.ofLongs("l", new long[] {4_000_000_000L, 0L, -1L}),
        ResultTableColumn.ofDoubles("d", new double[] {0.1, Double.NaN, Double.POSITIVE_INFINITY}),
        ResultTableColumn.ofText("s", new String[] {"a,b", "say \"hi\"", ""}),
        ResultTableColumn.ofBooleans("b", new byte[] {1, -1, 1}));
  }

  @Test
  void theStreamedJsonIsWhatTheMapperWritesOfTheRows(@TempDir Path dir) throws Exception {
    ResultTable t = table();
    Path file = dir.resolve("t.json");
    TableFiles.write(t, null, file);
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
