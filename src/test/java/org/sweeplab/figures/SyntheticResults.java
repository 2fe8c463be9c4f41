package org.sweeplab.figures;

import java.util.Random;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A results table in the engine's results.csv layout, made from a fixed seed: parameters algorithm
 * (A..D), population (10..80) and mutation (0.01..0.2), 8 replicates each; metric score, cost;
 * failures that grow with the mutation rate and timeouts at population 80.
 */
public final class SyntheticResults {

  private SyntheticResults() {}

  public static Table table(long seed) {
    Random rnd = new Random(seed);
    String[] algorithms = {"A", "B", "C", "D"};
    int[] populations = {10, 20, 40, 80};
    double[] mutations = {0.01, 0.05, 0.1, 0.2};
    Table t =
        Table.create(
            "results",
            StringColumn.create("run_id"),
            StringColumn.create("variation_id"),
            IntColumn.create("replicate"),
            LongColumn.create("seed"),
            StringColumn.create("algorithm"),
            IntColumn.create("population"),
            DoubleColumn.create("mutation"),
            StringColumn.create("status"),
            DoubleColumn.create("score"),
            DoubleColumn.create("cost"),
            LongColumn.create("duration_ms"),
            StringColumn.create("error_type"),
            StringColumn.create("error_message"));
    int run = 0;
    int variation = 0;
    for (int a = 0; a < algorithms.length; a++) {
      for (int population : populations) {
        for (double mutation : mutations) {
          variation++;
          for (int rep = 0; rep < 8; rep++) {
            run++;
            double u = rnd.nextDouble();
            String status =
                u < mutation * 0.8 ? "failed" : population == 80 && u > 0.93 ? "timeout" : "ok";
            double score =
                50
                    + 4 * a
                    - 8 * Math.abs(Math.log10(mutation) + 1.3)
                    + 6 * Math.log(population) / Math.log(80)
                    + rnd.nextGaussian() * 3;
            double cost = population * (1 + 0.3 * a) * (0.9 + 0.2 * rnd.nextDouble());
            boolean ok = status.equals("ok");
            t.stringColumn("run_id").append(String.format("r%04d", run));
            t.stringColumn("variation_id").append(String.format("v%02d", variation));
            t.intColumn("replicate").append(rep);
            t.longColumn("seed").append(1000L + run);
            t.stringColumn("algorithm").append(algorithms[a]);
            t.intColumn("population").append(population);
            t.doubleColumn("mutation").append(mutation);
            t.stringColumn("status").append(status);
            if (ok) {
              t.doubleColumn("score").append(score);
            } else {
              t.doubleColumn("score").appendMissing();
            }
            t.doubleColumn("cost").append(cost);
            t.longColumn("duration_ms").append((long) (cost * 12));
            t.stringColumn("error_type")
                .append(
                    ok
                        ? ""
                        : status.equals("failed") ? "IllegalStateException" : "TimeoutException");
            t.stringColumn("error_message").append(ok ? "" : "synthetic " + status);
          }
        }
      }
    }
    return t;
  }
}
