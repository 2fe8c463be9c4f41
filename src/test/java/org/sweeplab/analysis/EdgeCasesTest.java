package org.sweeplab.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/** All runs failed, constant groups, NaN metrics, tiny groups: the whole analysis still answers. */
class EdgeCasesTest {
  @Test
  void allRunsFailed(@TempDir Path dir) throws Exception {
    Fixtures f = Fixtures.create();
    for (String v : new String[] {"a", "b"}) {
      for (int i = 0; i < 3; i++) {
        f.add(v, "failed", 0, 1);
      }
    }
    AnalysisResult r = Analysis.of(f.runs()).run();
    assertEquals(0, r.statistics().rows().get(0).okRuns());
    assertTrue(r.ranking().table().intColumn("rank").isMissing(0));
    assertTrue(Double.isNaN(r.ranking().overall().doubleColumn("p_value").getDouble(0)));
    assertTrue(
        r.warnings().stream().anyMatch(w -> w.startsWith("6 of 6 runs are not ok")),
        r.warnings().toString());
    Analysis.of(f.runs()).writeReport(dir);
    assertTrue(Files.readString(dir.resolve("report.md")).contains("| failed | 6 | 1 |"));
  }

  @Test
  void constantAndTinyGroups() {
    Runs runs = Fixtures.create().ok("a", 5, 5, 5).ok("b", 5, 5, 5).ok("c", 7).runs();
    RankingResult r = Ranking.withDefaults().withPairing(Pairing.UNPAIRED).rank(runs, "score");
    Table t = r.table();
    assertEquals("c", t.stringColumn("variation_id").get(0));
    assertTrue(
        Double.isNaN(t.doubleColumn("p_value").getDouble(1)), "n = 1 against n = 3: no Welch test");
    assertFalse(t.booleanColumn("distinguishable_from_best").get(1));
    assertTrue(r.advice().contains("spread is unknown"), r.advice());
    RankingResult two =
        Ranking.withDefaults()
            .withPairing(Pairing.UNPAIRED)
            .rank(Fixtures.create().ok("a", 5, 5, 5).ok("b", 5, 5, 5).runs(), "score");
    assertEquals(
        1.0,
        two.table().doubleColumn("p_value").getDouble(1)); // identical constants: no difference
    assertTrue(two.advice().contains("difference is zero"), two.advice());
  }

  @Test
  void nanMetricsAreCountedAndWarned() {
    Runs runs = Fixtures.create().ok("a", 1, Double.NaN, 3).ok("b", 2, 4, 6).runs();
    AnalysisResult r = Analysis.of(runs).run();
    assertEquals(1, r.statistics().rows().get(0).nanCount());
    assertEquals(2, r.statistics().rows().get(0).n());
    assertTrue(
        r.warnings().stream().anyMatch(w -> w.startsWith("1 ok runs have no value of score")));
  }

  @Test
  void rankComparisonAndParsedConditions() {
    Runs runs = Fixtures.create().ok("x1", InferenceTest.A).ok("y1", InferenceTest.B).runs();
    Comparison.Result r =
        Comparison.withDefaults()
            .withTestKind(TestKind.RANK)
            .withPairing(Pairing.UNPAIRED)
            .compare(
                runs,
                "score",
                Subset.parse("level=x"),
                Subset.parse("level != x & replicate <= 6"));
    assertEquals(
        0.03496503496503496, r.metricTest().pValue(), 1e-12); // scipy 1.10.1: mannwhitneyu exact
    assertEquals(
        0.7142857142857143, r.metricTest().effectSize(), 1e-15); // numpy 1.24.2: Cliff's delta
    Comparison.Result paired =
        Comparison.withDefaults()
            .compare(runs, "score", Subset.parse("level=x"), Subset.parse("level=y"));
    assertEquals("paired_t", paired.metricTest().test());
    assertEquals(
        0.06656787756928562, paired.metricTest().pValue(), 1e-12); // scipy 1.10.1: ttest_rel(P, B)
  }

  @Test
  void csvWhoseMetricColumnIsAllEmpty(@TempDir Path dir) throws Exception {
    Files.writeString(
        dir.resolve("results.csv"),
        """
        run_id,variation_id,replicate,seed,alpha,status,score,cost,duration_ms,error_type,error_message
        r1,v1,1,11,0.5,failed,,,5,RuntimeException,"failed at /tmp/a/b.txt, step 3"
        r2,v1,2,12,0.5,timeout,,,9,TimeoutException,timed out after 9 ms
        r3,v2,1,11,0.7,failed,,,5,RuntimeException,"failed at /tmp/c/d.txt, step 8"
        """);
    Runs runs = Runs.read(dir);
    assertEquals(java.util.List.of("alpha"), runs.parameters());
    assertEquals(java.util.List.of("score"), runs.metrics());
    AnalysisResult r = Analysis.of(runs).run();
    assertEquals(0, r.statistics().rows().get(0).n());
    FailureClustersResult.Row cluster = r.patterns().failureClusters().rows().get(0);
    assertEquals("RuntimeException: failed at <path>, step <n>", cluster.cluster());
    assertEquals(2, cluster.count());
  }
}
