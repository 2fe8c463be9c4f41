package org.sweeplab.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/**
 * Several result tables read as one: a sweep column, prefixed variation ids, parameters of either,
 * metrics agreeing.
 */
class SeveralFoldersTest {
  @TempDir Path tmp;

  private Path csv(String dir, String text) throws Exception {
    Path d = tmp.resolve(dir);
    Files.createDirectories(d);
    Path f = d.resolve("results.csv");
    Files.writeString(f, text);
    return d;
  }

  @Test
  void foldersOfDifferentSpecsBecomeOneTableWithASweepColumn() throws Exception {
    Path base =
        csv(
            "baseline",
            "run_id,variation_id,replicate,seed,alpha,status,score,cost\n"
                + "var-0001-run-001,var-0001,1,1,0.1,ok,1.0,2\nvar-0001-run-002,var-0001,2,2,0.1,failed,,1\n"
                + "var-0002-run-001,var-0002,1,1,0.2,ok,3.0,2\n");
    Path next =
        csv(
            "candidate",
            "run_id,variation_id,replicate,seed,beta,status,score,cost\n"
                + "var-0001-run-001,var-0001,1,1,x,ok,5.0,2\nvar-0001-run-002,var-0001,2,2,x,ok,7.0,2\n");
    AnalysisOptions o = AnalysisOptions.of(List.of(base, next));
    Runs runs = o.runs();
    assertEquals(5, runs.rowCount());
    assertEquals(List.of("sweep", "alpha", "beta"), runs.parameters());
    assertEquals(List.of("score"), runs.metrics());
    Table t = runs.table();
    assertEquals(
        List.of("baseline", "baseline", "baseline", "candidate", "candidate"),
        t.stringColumn("sweep").asList());
    assertEquals(
        List.of(
            "baseline/var-0001",
            "baseline/var-0001",
            "baseline/var-0002",
            "candidate/var-0001",
            "candidate/var-0001"),
        t.stringColumn("variation_id").asList());
    assertTrue(t.column("alpha").isMissing(3) && t.column("beta").isMissing(0));
    // Grouped by sweep: the baseline's ok mean is 2 (1 and 3), the candidate's 6 (5 and 7).
    VariationStatisticsResult stats =
        VariationStatistics.withDefaults().compute(runs.withGroups("sweep"), "score");
    Table s = stats.toTable();
    assertEquals(2.0, s.doubleColumn("mean").get(0), 1e-12);
    assertEquals(6.0, s.doubleColumn("mean").get(1), 1e-12);
    Table sources = SweepSources.of(o, runs).toTable();
    assertEquals(List.of(3, 2), sources.intColumn("runs").asList());
    assertEquals(List.of(2, 2), sources.intColumn("ok_runs").asList());
    assertTrue(o.outputDirectory().endsWith(Path.of("baseline", "analysis-combined")));
  }

  @Test
  void twoFoldersOfTheSameNameGetDistinctLabels() throws Exception {
    Path a = csv("a/run", "variation_id,status,score\nvar-0001,ok,1\n");
    Path b = csv("b/run", "variation_id,status,score\nvar-0001,ok,2\n");
    assertEquals(List.of("run", "run-2"), AnalysisOptions.of(List.of(a, b)).sweepLabels());
  }

  @Test
  void metricsThatDisagreeAreAOneLineError() throws Exception {
    Path a = csv("a", "variation_id,status,score\nvar-0001,ok,1\n");
    Path b = csv("b", "variation_id,status,latency\nvar-0001,ok,2\n");
    AnalysisException e =
        assertThrows(AnalysisException.class, () -> AnalysisOptions.of(List.of(a, b)).runs());
    assertEquals(
        "The folders do not share their metric columns: a has [score], b has [latency]; analyse folders"
            + " whose runs report the same metrics",
        e.getMessage());
  }
}
