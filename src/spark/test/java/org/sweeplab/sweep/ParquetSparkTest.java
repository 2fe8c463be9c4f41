package org.sweeplab.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sweeplab.analysis.ParquetRuns;
import org.sweeplab.analysis.Runs;
import org.sweeplab.results.ResultColumn;
import org.sweeplab.results.ResultsContract;
import tech.tablesaw.api.Table;

/**
 * Spark 3.5 (its own Parquet reader, parquet-mr) reads the results.parquet that sweeplab writes
 * with DuckDB: every column has the Spark type of its contract type, and every value equals the
 * value of results.csv (read by sweeplab's CSV reader), row by row, keyed by run_id. Runs under
 * -Pspark.
 */
class ParquetSparkTest {
  @TempDir Path tmp;

  @Test
  void sparkReadsEveryValueOfResultsParquetAsInResultsCsv() {
    Path dir = ParquetRoundTripTest.sweepWithParquet(tmp.resolve("out"));
    Table csv = Runs.read(dir.resolve("results.csv")).table();
    List<ResultColumn> schema = ResultsContract.readSchema(dir.resolve("summary.json"));
    SparkSession spark =
        SparkSession.builder()
            .master("local[1]")
            .appName("sweeplab-parquet-test")
            .config("spark.ui.enabled", "false")
            .config("spark.driver.host", "127.0.0.1")
            .getOrCreate();
    try {
      Dataset<Row> ds = spark.read().parquet(dir.resolve(ParquetRuns.FILE).toString());
      StructField[] fields = ds.schema().fields();
      assertEquals(schema.size(), fields.length);
      for (int i = 0; i < fields.length; i++) {
        assertEquals(schema.get(i).name(), fields[i].name());
        assertEquals(sparkType(schema.get(i)), fields[i].dataType(), fields[i].name());
      }
      List<Row> rows = ds.collectAsList();
      assertEquals(csv.rowCount(), rows.size());
      Map<String, Integer> csvRow = new HashMap<>();
      for (int r = 0; r < csv.rowCount(); r++) {
        csvRow.put(csv.stringColumn(ResultsContract.RUN_ID).get(r), r);
      }
      int compared = 0;
      for (Row row : rows) {
        Integer r = csvRow.get(row.getString(row.fieldIndex(ResultsContract.RUN_ID)));
        assertNotNull(r, "a run of results.parquet is not in results.csv");
        for (int c = 0; c < fields.length; c++) {
          String name = fields[c].name();
          Object expected =
              csv.column(name).isMissing(r) ? null : normalise(csv.column(name).get(r));
          Object actual = row.isNullAt(c) ? null : normalise(row.get(c));
          assertEquals(
              expected,
              actual,
              name + " of " + row.getString(row.fieldIndex(ResultsContract.RUN_ID)));
          compared++;
        }
      }
      assertEquals((long) csv.rowCount() * fields.length, compared);
    } finally {
      spark.stop();
    }
  }

  private static DataType sparkType(ResultColumn c) {
    return switch (c.type()) {
      case STRING -> DataTypes.StringType;
      case INTEGER -> DataTypes.IntegerType;
      case LONG -> DataTypes.LongType;
      case DOUBLE -> DataTypes.DoubleType;
      case BOOLEAN -> DataTypes.BooleanType;
    };
  }

  /** Integers of any width as long; doubles, text and booleans as they are. */
  private static Object normalise(Object v) {
    return v instanceof Number n && !(v instanceof Double) ? (Object) n.longValue() : v;
  }
}
