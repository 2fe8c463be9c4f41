package org.sweeplab.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

class LargeCsvSummaryTest {
  @Test
  void agreesWithTheTableAnalysesWhateverTheSplit(@TempDir Path dir) {
    Path csv = dir.resolve("results.csv");
    PlantedSweep.generate(5L).write().csv(csv.toFile());
    Runs runs = Runs.read(csv);
    Table stats = VariationStatistics.withDefaults().compute(runs, "score");
    Table cost = CostEfficiency.withDefaults().compute(runs, "score").toTable().sortAscendingOn("variation_id");
    Table sortedStats = stats.sortAscendingOn("variation_id");
    for (int threads : new int[] {1, 3}) {
      Table fast = LargeCsvSummary.withDefaults().withMetric("score").withThreads(threads).withSplitSize(1000)
          .summarize(csv).sortAscendingOn("variation_id");
      assertEquals(128, fast.rowCount());
      for (int i = 0; i < fast.rowCount(); i++) {
        assertEquals(sortedStats.stringColumn("variation_id").get(i), fast.stringColumn("variation_id").get(i));
        assertEquals(sortedStats.longColumn("runs").get(i), fast.longColumn("runs").get(i));
        assertEquals(sortedStats.longColumn("ok_runs").get(i), fast.longColumn("ok_runs").get(i));
        assertEquals(sortedStats.longColumn("n").get(i), fast.longColumn("n").get(i));
        for (String c : new String[] {"mean", "median", "sd", "min", "max"}) {
          double expected = sortedStats.doubleColumn(c).getDouble(i);
          double got = fast.doubleColumn(c).getDouble(i);
          assertTrue(Double.isNaN(expected) && Double.isNaN(got) || Math.abs(expected - got) <= 1e-12
              * Math.abs(expected), c + " row " + i + ": " + expected + " vs " + got);
        }
        assertEquals(cost.doubleColumn("total_cost").getDouble(i), fast.doubleColumn("total_cost").getDouble(i),
            1e-12);
      }
    }
  }

  @Test
  void quotedFieldsCrlfAndEmptyMetrics(@TempDir Path dir) throws Exception {
    Path csv = dir.resolve("x.csv");
    Files.writeString(csv, "variation_id,status,metric,cost,error_message\r\n"
        + "\"v,1\",ok,1.5,2,\r\n"
        + "\"v,1\",failed,,1,\"line one\nline \"\"two\"\", with comma\"\r\n"
        + "v2,ok,-3e2,,\r\n"
        + "\"v,1\",ok,2.5,1,\r\n");
    Table t = LargeCsvSummary.withDefaults().withThreads(1).summarize(csv);
    assertEquals("v,1", t.stringColumn("variation_id").get(0));
    assertEquals(3, t.longColumn("runs").get(0));
    assertEquals(2, t.longColumn("ok_runs").get(0));
    assertEquals(2.0, t.doubleColumn("mean").getDouble(0));
    assertEquals(2.0, t.doubleColumn("median").getDouble(0));
    assertEquals(4.0, t.doubleColumn("total_cost").getDouble(0));
    assertEquals(2.0, t.doubleColumn("cost_per_ok_run").getDouble(0));
    assertEquals(-300.0, t.doubleColumn("mean").getDouble(1));
    var e = assertThrows(AnalysisException.class,
        () -> LargeCsvSummary.withDefaults().withMetric("score").summarize(csv));
    assertTrue(e.getMessage().startsWith("Column 'score' is not present in table x.csv"), e.getMessage());
  }

  @Test
  void fastNumberParsingIsCorrectlyRounded() {
    for (String s : new String[] {"0.1", "123.456", "-0.000123", "9007199254740993", "1e-5", "0.30000000000000004",
        "123456789012345678901", "7", "+2.5", "1.7976931348623157e308", "NaN"}) {
      byte[] b = s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
      assertEquals(Double.parseDouble(s), CsvChunk.parseDouble(b, 0, b.length), s);
    }
  }

  @Test
  void selectionFindsTheMedian() {
    double[] a = {5, 1, 4, 2, 3, 9, 7};
    double[][] out = new double[5][1];
    LargeCsvSummary.groupStats(a, 0, 7, out, 0);
    assertEquals(4.0, out[1][0]); // numpy 1.24.2: np.median([5, 1, 4, 2, 3, 9, 7])
    double[] b = {5, 1, 4, 2};
    LargeCsvSummary.groupStats(b, 0, 4, out, 0);
    assertEquals(3.0, out[1][0]); // numpy 1.24.2: np.median([5, 1, 4, 2])
  }
}
