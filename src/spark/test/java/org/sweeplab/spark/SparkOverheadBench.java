package org.sweeplab.spark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.sweeplab.run.LocalBackend;
import org.sweeplab.spec.SweepSpec;
import org.sweeplab.sweep.Sweep;
import org.sweeplab.sweep.SweepResult;

/**
 * The overhead of the Spark backend in local mode against the local backend: {@code RUNS} runs of
 * the built-in {@code bench} simulation burning about {@code WORK_MS} ms of CPU each, on {@code
 * CORES} cores. Run by {@code bench/spark-overhead.sh}; prints one line per backend.
 */
public final class SparkOverheadBench {
  private SparkOverheadBench() {}

  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    double workMs = args.length > 1 ? Double.parseDouble(args[1]) : 1.0;
    int cores = args.length > 2 ? Integer.parseInt(args[2]) : 2;
    SweepSpec spec =
        SweepSpec.builder("spark-overhead")
            .simulation("bench")
            .range("x", 1, runs, 1)
            .values("work_ms", workMs)
            .replicates(1)
            .seed(1)
            .maxParallel(cores)
            .maxRuns(Math.max(runs, 1))
            .build();
    Path out = Files.createTempDirectory("sweeplab-spark-bench");

    SweepResult local = Sweep.of(spec).output(out.resolve("local")).run();
    report("local backend, " + cores + " threads", local, local.session().elapsed().toNanos());

    long t0 = System.nanoTime();
    JavaSparkContext sc =
        new JavaSparkContext(
            new SparkConf()
                .setMaster("local[" + cores + "]")
                .setAppName("sweeplab-bench")
                .set("spark.ui.enabled", "false"));
    long startup = System.nanoTime() - t0;
    try {
      SparkBackend spark =
          SparkBackend.of(spec, LocalBackend.of(spec.execution()).withRunsRoot(out.resolve("runs")))
              .withContext(sc);
      SweepResult r = Sweep.of(spec).output(out.resolve("spark")).backend(spark).run();
      report("spark backend, local[" + cores + "]", r, r.session().elapsed().toNanos());
      System.out.printf(
          Locale.ROOT, "spark context start-up: %.2f s (not included above)%n", startup / 1e9);
      // The local backend again, now that the JIT is as warm as it was for Spark.
      SweepResult again = Sweep.of(spec).output(out.resolve("local-again")).run();
      report("local backend again (warm JVM)", again, again.session().elapsed().toNanos());
      List<String> a = Files.readAllLines(out.resolve("local/results.csv"));
      List<String> b = Files.readAllLines(out.resolve("spark/results.csv"));
      System.out.println("results.csv rows: local " + (a.size() - 1) + ", spark " + (b.size() - 1));
    } finally {
      sc.stop();
    }
  }

  private static void report(String what, SweepResult r, long nanos) {
    System.out.printf(
        Locale.ROOT,
        "%-32s %,7d runs in %6.2f s = %,8.0f runs/s (ok %d)%n",
        what,
        r.session().done(),
        nanos / 1e9,
        r.session().done() / (nanos / 1e9),
        r.count(org.sweeplab.run.RunStatus.OK));
  }
}
