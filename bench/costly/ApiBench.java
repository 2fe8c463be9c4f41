import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.sweeplab.run.RunStatus;
import org.sweeplab.sim.Metrics;
import org.sweeplab.spec.RateLimit;
import org.sweeplab.spec.SweepSpec;
import org.sweeplab.sweep.Sweep;
import org.sweeplab.sweep.SweepResult;

/**
 * Benchmark (b): N simulated API calls of 50 ms each (an in-process simulation that sleeps),
 * max_parallel 100, a rate limit of 500 run starts a second. The ideal wall time is N / 500 s (4.0
 * s for 2,000 runs): the rate limit, not the sleeps, bounds it. Measures the whole sweep: plan,
 * journal, results.csv, summary. Usage: ApiBench [runs] [repeats].
 */
public final class ApiBench {
  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
    int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    SweepSpec spec =
        SweepSpec.builder("api")
            .simulation("api")
            .range("call", 1, runs, 1)
            .maxParallel(100)
            .rateLimit(RateLimit.perSecond(500))
            .build();
    double ideal = runs / 500.0;
    for (int i = 0; i < repeats; i++) {
      Path out = Files.createTempDirectory("api-bench");
      long t0 = System.nanoTime();
      SweepResult r =
          Sweep.of(spec)
              .output(out.resolve("api"))
              .simulation(
                  ctx -> {
                    Thread.sleep(50);
                    return Metrics.builder()
                        .put("tokens", ctx.getLong("call") % 97)
                        .cost(0.001)
                        .build();
                  })
              .run();
      double s = (System.nanoTime() - t0) / 1e9;
      if (r.count(RunStatus.OK) != runs) {
        throw new IllegalStateException("only " + r.count(RunStatus.OK) + " runs ok");
      }
      System.out.printf(
          Locale.ROOT,
          "%,d calls of 50 ms, 100 in flight, 500/s: %.3f s (ideal %.1f s, +%.1f%%),"
              + " rate waits %,d%n",
          runs,
          s,
          ideal,
          100 * (s / ideal - 1),
          r.session().rateWaits());
    }
  }
}
