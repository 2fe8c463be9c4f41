package org.sweeplab.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sweeplab.analysis.AnalysisException;
import org.sweeplab.analysis.ParquetRuns;
import org.sweeplab.analysis.Runs;
import org.sweeplab.results.ColumnRole;
import org.sweeplab.results.ColumnType;
import org.sweeplab.results.ResultColumn;
import org.sweeplab.sim.Metrics;
import org.sweeplab.sim.Simulation;
import org.sweeplab.spec.OutputFormat;
import org.sweeplab.spec.SpecException;
import org.sweeplab.spec.SpecLoader;
import org.sweeplab.spec.SpecWriter;
import org.sweeplab.spec.SweepSpec;
import org.sweeplab.store.*;
import tech.tablesaw.api.Table;

/**
 * results.parquet written by a sweep with {@code output.formats: [csv, parquet]} and by {@code
 * export}: every cell read back equals the cell of results.csv (text, numbers, nulls, quotes,
 * commas, line breaks, non-ASCII), and the column types follow the results contract. Spark reads
 * the same file in {@code ParquetSparkTest} (-Pspark).
 */
class ParquetRoundTripTest {
  @TempDir Path tmp;

  /**
   * Runs with text, integers, numbers and booleans in metrics, failures (empty metrics), and
   * awkward text.
   */
  static final Simulation AWKWARD =
      ctx -> {
        long n = ctx.getLong("n");
        if (n == 3 && ctx.replicate() == 2) {
          throw new IllegalStateException("boom, \"quoted\", and a\nline break");
        }
        return Metrics.of(
            "score",
            ctx.random().nextGaussian() * 1e-3 + n,
            "count",
            n * 1_000_000_007L,
            "label",
            ctx.getString("mode") + ", \"q\" é ✓",
            "passed",
            n % 2 == 0,
            "mixed",
            n == 2 ? "timeout" : (Object) (n * 0.5));
      };

  static SweepSpec spec(OutputFormat... formats) {
    return SweepSpec.builder("parquet")
        .simulation("awkward")
        .values("mode", "a", "b,c")
        .range("n", 1, 4, 1)
        .values("x", 0.1, 1e-300, -2.5)
        .replicates(3)
        .seed(11)
        .maxParallel(2)
        .outputFormats(formats)
        .build();
  }

  /** A finished sweep folder with results.parquet beside results.csv. */
  static Path sweepWithParquet(Path dir) {
    Sweep.of(spec(OutputFormat.CSV, OutputFormat.PARQUET)).simulation(AWKWARD).output(dir).run();
    return dir;
  }

  @Test
  void aSweepWritesResultsParquetWhoseEveryCellEqualsResultsCsv() {
    Path dir = sweepWithParquet(tmp.resolve("out"));
    assertTrue(Files.isRegularFile(dir.resolve(ParquetRuns.FILE)));
    assertFalse(Files.exists(dir.resolve(ParquetRuns.FILE + ".tmp")));
    Runs csv = Runs.read(dir.resolve("results.csv"));
    Runs parquet = Runs.read(dir.resolve(ParquetRuns.FILE));
    assertSameCells(csv, parquet);
    assertEquals(
        csv.metrics(), parquet.metrics(), "roles come from the summary.json beside the file");
    assertEquals(csv.parameters(), parquet.parameters());
  }

  @Test
  void aFolderWithOnlyResultsParquetIsReadFromIt() throws Exception {
    Path dir = sweepWithParquet(tmp.resolve("out"));
    Runs csv = Runs.read(dir);
    Files.delete(dir.resolve("results.csv"));
    assertSameCells(csv, Runs.read(dir));
  }

  @Test
  void exportWritesTheSameFileAndKeepsTextInANumericColumnAsText() throws Exception {
    Path dir = tmp.resolve("csv-only");
    Sweep.of(spec()).simulation(AWKWARD).output(dir).run();
    assertFalse(Files.exists(dir.resolve(ParquetRuns.FILE)));
    ParquetRuns.Export e = ParquetRuns.export(dir);
    assertEquals(4 * 2 * 3 * 3, e.rows());
    assertEquals(
        List.of(), e.textColumns(), "the contract types a metric of text and numbers as string");
    assertSameCells(Runs.read(dir.resolve("results.csv")), Runs.read(e.file()));

    // A column the schema calls double that holds text (a metric 'timeout' of a failed run) stays
    // text.
    Path csv = tmp.resolve("t.csv");
    Files.writeString(csv, "variation_id,status,y,n\nv1,ok,1.5,3\nv1,failed,timeout,\nv2,ok,,4\n");
    List<ResultColumn> schema =
        List.of(
            new ResultColumn("variation_id", ColumnType.STRING, ColumnRole.ID),
            new ResultColumn("status", ColumnType.STRING, ColumnRole.STATUS),
            new ResultColumn("y", ColumnType.DOUBLE, ColumnRole.METRIC),
            new ResultColumn("n", ColumnType.INTEGER, ColumnRole.METRIC));
    ParquetRuns.Export t = ParquetRuns.write(csv, schema, tmp.resolve("t.parquet"));
    assertEquals(List.of("y"), t.textColumns());
    assertSameCells(Runs.read(csv), Runs.read(t.file()));
  }

  @Test
  void parquetColumnTypesFollowTheResultsContract() {
    Path dir = sweepWithParquet(tmp.resolve("out"));
    Table t = Runs.read(dir.resolve(ParquetRuns.FILE)).table();
    List<ResultColumn> schema =
        org.sweeplab.results.ResultsContract.readSchema(dir.resolve("summary.json"));
    for (ResultColumn c : schema) {
      String type = t.column(c.name()).type().name();
      String expected =
          switch (c.type()) {
            case STRING -> "STRING";
            case INTEGER -> "INTEGER";
            case LONG -> "LONG";
            case DOUBLE -> "DOUBLE";
            case BOOLEAN -> "BOOLEAN";
          };
      if (!c.name().equals("mixed")) {
        assertEquals(expected, type, c.name() + " (" + c.type() + ")");
      }
    }
    assertEquals(
        ColumnType.LONG,
        schema.stream().filter(c -> c.name().equals("count")).findFirst().get().type());
  }

  @Test
  void exportRefusesAFolderWithoutResults() {
    AnalysisException e = assertThrows(AnalysisException.class, () -> ParquetRuns.export(tmp));
    assertTrue(e.getMessage().contains("has no results.csv"), e.getMessage());
  }

  @Test
  void outputFormatsReadWriteAndRefuseWhatIsNotValid() {
    SweepSpec s =
        SpecLoader.parse(
            "name: f\nsimulation: noise\nparameters: {a: [1, 2]}\n"
                + "output: {formats: [csv, parquet]}\n",
            "f.yaml");
    assertTrue(s.writes(OutputFormat.PARQUET));
    assertEquals(s, SpecLoader.parse(SpecWriter.toYaml(s), "again.yaml"));
    assertEquals(
        List.of(OutputFormat.CSV),
        SpecLoader.parse("name: f\nsimulation: noise\nparameters: {a: [1]}\n", "g.yaml")
            .outputFormats());
    SpecException noCsv =
        assertThrows(
            SpecException.class,
            () ->
                SpecLoader.parse(
                    "name: f\nsimulation: noise\nparameters: {a: [1]}\noutput: {formats: [parquet]}\n",
                    "h.yaml"));
    assertTrue(noCsv.getMessage().contains("output.formats must include csv"), noCsv.getMessage());
    assertTrue(noCsv.getMessage().contains("h.yaml"), noCsv.getMessage());
    SpecException unknown =
        assertThrows(
            SpecException.class,
            () ->
                SpecLoader.parse(
                    "name: f\nsimulation: noise\nparameters: {a: [1]}\noutput: {formats: [csv, parquett]}\n",
                    "i.yaml"));
    assertTrue(
        unknown.getMessage().contains("parquett") && unknown.getMessage().contains("parquet"),
        unknown.getMessage());
  }

  /**
   * Every cell: the same text when not a number; the same value (bit for bit) when a number;
   * missing alike.
   */
  static void assertSameCells(Runs expected, Runs actual) {
    Table e = expected.table();
    Table a = actual.table();
    assertEquals(e.columnNames(), a.columnNames());
    assertEquals(e.rowCount(), a.rowCount());
    for (String name : e.columnNames()) {
      for (int r = 0; r < e.rowCount(); r++) {
        Object x = cell(e, name, r);
        Object y = cell(a, name, r);
        assertEquals(x, y, name + " row " + r);
      }
    }
  }

  private static Object cell(Table t, String name, int row) {
    var c = t.column(name);
    if (c.isMissing(row)) {
      return null;
    }
    Object v = c.get(row);
    if (v instanceof Number n && !(v instanceof Double)) {
      return n.longValue();
    }
    return v;
  }
}
