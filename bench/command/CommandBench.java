import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;
import org.sweeplab.sim.Metrics;
import org.sweeplab.sim.RunContext;
import org.sweeplab.sim.command.CommandSimulation;
import org.sweeplab.spec.SimulationSpec;

/**
 * Throughput of command simulations: N runs of a trivial program printing one JSON line, on T
 * threads, compared with the raw spawn floor (ProcessBuilder start + waitFor, output discarded) and
 * a spawn that reads its pipes. Usage: CommandBench [runs] [threads]. The JDK's launch mechanism
 * matters: compare with {@code -Djdk.lang.Process.launchMechanism=VFORK} (set it in JAVA_OPTS for
 * run.sh).
 */
public final class CommandBench {
  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
    int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
    Path root = Files.createTempDirectory("command-bench");
    List<String> argv = List.of("/bin/sh", "-c", "echo '{\"x\": 1}'");
    CommandSimulation sim = CommandSimulation.of(SimulationSpec.Command.of(argv));
    AtomicInteger ids = new AtomicInteger();
    Task command =
        () -> {
          Metrics m = sim.run(new BenchContext(root, ids.incrementAndGet()));
          if (!m.values().equals(Map.of("x", 1L))) {
            throw new IllegalStateException("unexpected metrics " + m);
          }
        };
    Task spawn =
        () -> {
          Process p =
              new ProcessBuilder(argv)
                  .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                  .redirectError(ProcessBuilder.Redirect.DISCARD)
                  .start();
          p.getOutputStream().close();
          p.waitFor();
        };
    Task piped =
        () -> {
          Process p = new ProcessBuilder(argv).start();
          p.getOutputStream().close();
          p.getInputStream().readAllBytes();
          p.getErrorStream().readAllBytes();
          p.waitFor();
        };
    measure("warm-up spawn", spawn, runs / 2, threads);
    measure("warm-up command", command, runs / 2, threads);
    measure("raw spawn floor", spawn, runs, threads);
    measure("spawn + pipes", piped, runs, threads);
    measure("CommandSimulation", command, runs, threads);
  }

  interface Task {
    void run() throws Exception;
  }

  private static void measure(String name, Task task, int runs, int threads) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long start = System.nanoTime();
    AtomicInteger left = new AtomicInteger(runs);
    List<Future<Object>> done = new java.util.ArrayList<>();
    for (int t = 0; t < threads; t++) {
      done.add(
          pool.submit(
              () -> {
                while (left.getAndDecrement() > 0) {
                  task.run();
                }
                return null;
              }));
    }
    for (Future<Object> f : done) {
      f.get();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    pool.shutdown();
    System.out.printf(
        java.util.Locale.ROOT,
        "%-20s %6d runs, %d threads: %7.3f s, %7.0f runs/s%n",
        name,
        runs,
        threads,
        seconds,
        runs / seconds);
  }

  /** A minimal run context: identity, no parameters, a run folder per run. */
  private record BenchContext(Path root, int n) implements RunContext {
    public String runId() {
      return "run-" + n;
    }

    public String variationId() {
      return "var-0001";
    }

    public String variationKey() {
      return "k";
    }

    public int replicate() {
      return n;
    }

    public long seed() {
      return n;
    }

    public RandomGenerator random() {
      return RandomGenerator.of("L64X128MixRandom");
    }

    public Map<String, Object> params() {
      return Map.of("alpha", 0.5);
    }

    public Path artifactDir() {
      try {
        return Files.createDirectories(root.resolve(runId()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    public void telemetry(long step, String name, double value) {}

    public void charge(double amount) {}

    public double cost() {
      return 0;
    }

    public boolean isCancelled() {
      return false;
    }
  }
}
