package org.sweeplab.analysis;

import java.nio.file.Path;

/**
 * Times the steps of the analysis of one file in one JVM, twice (cold, then warm): the patterns
 * (which `analyze` runs on a second core), and on the main core the grouping, the group statistics,
 * the ranking and the cost efficiency. It sits in the analysis package to reach its internal steps.
 * Usage (after `./mvnw -q package -DskipTests`):
 *
 * <pre>
 * CP="target/classes:$(ls target/lib/*.jar | tr '\n' ':')"
 * javac -d /tmp/steps -cp "$CP" bench/analysis/AnalysisSteps.java
 * java -XX:+UseG1GC -XX:G1HeapRegionSize=8m -XX:TieredStopAtLevel=1 -Xmx1311m \
 *   -cp "/tmp/steps:$CP" org.sweeplab.analysis.AnalysisSteps /tmp/bench-results-10m.csv
 * </pre>
 *
 * To compare two builds, compile the classes of each into its own folder and alternate.
 */
public final class AnalysisSteps {
  public static void main(String[] args) {
    Runs runs =
        RunsReader.withDefaults()
            .withoutColumns("run_id", "duration_ms", "replicate")
            .read(Path.of(args[0]));
    String m = runs.metric(args.length > 1 ? args[1] : "score");
    for (int k = 0; k < 2; k++) {
      long t0 = System.nanoTime();
      Patterns.Result p = Patterns.withDefaults().detect(runs, m);
      long t1 = System.nanoTime();
      GroupedRuns g = GroupedRuns.of(runs, runs.requireGroups(), m, NaNPolicy.EXCLUDE);
      long t2 = System.nanoTime();
      VariationStatisticsResult stats = VariationStatistics.withDefaults().compute(g);
      long t3 = System.nanoTime();
      RankingResult r = Ranking.withDefaults().rank(g);
      long t4 = System.nanoTime();
      CostEfficiencyResult c = CostEfficiency.withDefaults().compute(g);
      long t5 = System.nanoTime();
      System.out.printf(
          "%s: patterns %.2f s | grouped %.2f s, statistics %.2f s, ranking %.2f s, cost %.2f s"
              + " (%d groups, %d ranked, %s)%n",
          k == 0 ? "cold" : "warm",
          (t1 - t0) / 1e9,
          (t2 - t1) / 1e9,
          (t3 - t2) / 1e9,
          (t4 - t3) / 1e9,
          (t5 - t4) / 1e9,
          stats.size(),
          r.entries().size(),
          c == null || p == null ? "-" : "ok");
    }
  }
}
