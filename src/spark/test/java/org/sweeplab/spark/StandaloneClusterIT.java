package org.sweeplab.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.sweeplab.cli.Main;
import org.sweeplab.store.TestCsv;

/**
 * The Spark backend on a real standalone cluster: a master and one worker on 127.0.0.1, each its
 * own JVM, and the driver ({@code sweeplab run}) a third, started without {@code spark-submit}:
 * Spark's jars and sweeplab's on its classpath, {@code spark.jars} listing sweeplab's jar and its
 * libraries for the executors (docs/cluster.md). The executors are JVMs the worker starts, so this
 * is what {@code local[N]} cannot show: classes shipped to another JVM, an executor dying with its
 * run, and the application ended by the master under a running sweep.
 *
 * <p>An integration test: failsafe runs it after {@code package} under {@code -Pspark}, as it needs
 * the packaged jar and {@code target/lib/}. The tests share one master and run in order; the last
 * one replaces the worker by one that cannot launch executors. Every process is ended in {@link
 * #stopCluster()}, also when a test fails.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StandaloneClusterIT {
  private static final Path TOURNAMENT = Path.of("data/examples/tournament.yaml");

  /**
   * The longest a driver may run before the test ends it and fails (a hang is the bug this guards
   * against).
   */
  private static final Duration DRIVER_BOUND = Duration.ofSeconds(240);

  /** Logs of every process stay here for a failed run's diagnosis. */
  private static final Path WORK = Path.of("target", "standalone-it").toAbsolutePath();

  private static Path work;
  private static StandaloneCluster cluster;
  private static Path localTable;

  @BeforeAll
  static void startCluster() throws Exception {
    work = Files.createDirectories(WORK);
    try (Stream<Path> old = Files.walk(WORK)) {
      for (Path p : old.sorted(java.util.Comparator.reverseOrder()).toList()) {
        if (!p.equals(WORK)) {
          Files.delete(p);
        }
      }
    }
    cluster = StandaloneCluster.startMaster(work.resolve("cluster"));
    cluster.startWorker(StandaloneCluster.WorkerKind.WORKING, 2);
    // The reference: the tournament example on the local backend, in this JVM.
    Path local = work.resolve("local");
    assertEquals(
        1,
        Main.run("run", TOURNAMENT.toString(), "--out", local.toString(), "--quiet"),
        "the tournament has runs that fail by design, so the local sweep exits with 1");
    localTable = local.resolve("results.csv");
  }

  @AfterAll
  static void stopCluster() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  @Order(1)
  void interruptedOnTheClusterAndResumedThereGivesTheLocalTable() throws Exception {
    Path out = work.resolve("cluster-sweep");
    Driver d =
        Driver.start(
            work,
            "run",
            TOURNAMENT.toString(),
            "--out",
            out.toString(),
            "--quiet",
            "--set",
            "execution.interrupt_grace=1s",
            "--set",
            "execution.backend=spark",
            "--set",
            "execution.spark.master=" + cluster.masterUrl(),
            "--set",
            conf(List.of()));
    awaitJournal(d, out);
    d.process
        .destroy(); // SIGTERM: no new runs; after the 1 s grace the runs in flight are cancelled
    Thread.sleep(1_500);
    d.process.destroy(); // again, while (or after) the grace thread cancels: stopping is idempotent
    d.awaitExit(Duration.ofSeconds(60));
    assertEquals(1, d.exitCode(), d.describe());
    assertNoStackTrace(d);
    assertTrue(d.stdout().contains("continue with: sweeplab resume " + out), d.describe());
    long first = Files.readAllLines(out.resolve("runs.jsonl")).size();

    Driver resumed = Driver.start(work, "resume", out.toString(), "--quiet");
    resumed.awaitExit(DRIVER_BOUND);
    assertEquals(1, resumed.exitCode(), resumed.describe());
    assertNoStackTrace(resumed);
    assertEquals(
        TestCsv.withoutColumn(localTable, "duration_ms"),
        TestCsv.withoutColumn(out.resolve("results.csv"), "duration_ms"),
        "the cluster's table, from two sessions, is the local backend's (the first session journaled "
            + first
            + " runs)");
  }

  @Test
  @Order(2)
  void aRunThatEndsItsExecutorFailsAloneAfterSparksRetries() throws Exception {
    Path markers = Files.createDirectories(work.resolve("markers"));
    Path spec = work.resolve("exiting.yaml");
    Files.writeString(
        spec,
        "name: exiting\nsimulation: {class: "
            + ExitingSimulation.class.getName()
            + "}\n"
            + "parameters:\n  x: {type: range, start: 1, stop: 6, step: 1}\n  markers: ['"
            + markers
            + "']\n"
            + "replicates: 1\nseed: 7\n");
    Path out = work.resolve("exiting");
    Path sims = testSimulationsJar();
    // One batch at a time (so the batch runs alone on the executor) and two attempts per task: run
    // 1 is the first
    // batch, ends its executor twice and fails; the worker starts a new executor each time for runs
    // 2-6.
    Driver d =
        Driver.start(
            work,
            List.of(sims),
            "run",
            spec.toString(),
            "--out",
            out.toString(),
            "--quiet",
            "--set",
            "execution.backend=spark",
            "--set",
            "execution.spark.master=" + cluster.masterUrl(),
            "--set",
            "execution.spark.partitions=1",
            "--set",
            conf(List.of(sims)).replace("}", ", spark.task.maxFailures: '2'}"));
    d.awaitExit(DRIVER_BOUND);
    assertEquals(1, d.exitCode(), d.describe());
    assertNoStackTrace(d);
    List<String> rows = Files.readAllLines(out.resolve("results.csv"));
    assertEquals(7, rows.size(), String.join("\n", rows));
    for (String row : rows.subList(1, rows.size())) {
      boolean first = row.startsWith("var-0001-");
      assertEquals(first, row.contains(",failed,"), row);
      assertEquals(!first, row.contains(",ok,"), row);
    }
    String failed = rows.get(1);
    assertTrue(
        failed.contains("SparkJobFailed")
            && failed.contains("failed 2 times")
            && failed.contains("ExecutorLostFailure"),
        failed);
    try (Stream<Path> m = Files.list(markers)) {
      assertEquals(
          2,
          m.count(),
          "Spark ran the task spark.task.maxFailures = 2 times, each ending its executor");
    }
  }

  @Test
  @Order(3)
  void aWorkerThatCannotLaunchExecutorsEndsTheSweepWithinAMinute() throws Exception {
    cluster.stopWorkers();
    cluster.startWorker(StandaloneCluster.WorkerKind.NO_SPARK_HOME, 2);
    Path out = work.resolve("no-executors");
    Driver d =
        Driver.start(
            work,
            "run",
            TOURNAMENT.toString(),
            "--out",
            out.toString(),
            "--quiet",
            "--set",
            "execution.backend=spark",
            "--set",
            "execution.spark.master=" + cluster.masterUrl(),
            "--set",
            conf(List.of()));
    d.awaitExit(Duration.ofSeconds(60));
    assertEquals(1, d.exitCode(), d.describe());
    assertNoStackTrace(d);
    List<String> warnings =
        d.stderr()
            .lines()
            .filter(l -> l.startsWith("warning: the Spark application ended"))
            .toList();
    assertEquals(1, warnings.size(), d.describe());
    // Spark's own reason when a job was aborted before the context stopped; when the context
    // stopped first (a race with the first job's submission, seen in CI), the watch's account of
    // the same cause: no executor ever started.
    assertTrue(
        warnings.get(0).contains("Cannot find any build directories")
            || warnings.get(0).contains("no executor ever started"),
        warnings.get(0));
    assertTrue(d.stdout().contains("continue with: sweeplab resume " + out), d.describe());

    // Finished here, on the local backend: the same table as a local sweep.
    assertEquals(
        1, Main.run("resume", out.toString(), "--set", "execution.backend=local", "--quiet"));
    assertEquals(
        TestCsv.withoutColumn(localTable, "duration_ms"),
        TestCsv.withoutColumn(out.resolve("results.csv"), "duration_ms"));
  }

  /**
   * {@code execution.spark.conf} with spark.jars as docs/cluster.md says: sweeplab's jar and its
   * libraries.
   */
  private static String conf(List<Path> extraJars) throws IOException {
    List<String> jars = new ArrayList<>();
    jars.add(Driver.sweeplabJar().toString());
    jars.addAll(
        Driver.libraries().stream()
            .filter(p -> !p.getFileName().toString().startsWith("slf4j-simple"))
            .map(Path::toString)
            .toList());
    extraJars.forEach(p -> jars.add(p.toString()));
    return "execution.spark.conf={spark.jars: '"
        + String.join(",", jars)
        + "', spark.ui.enabled: 'false',"
        + " spark.executor.memory: 512m, spark.executor.extraJavaOptions: '"
        + String.join(" ", StandaloneCluster.QUICK_JVM)
        + "'}";
  }

  /** A jar of the test simulation, for the executors (spark.jars takes jars, not folders). */
  private static Path testSimulationsJar() throws IOException {
    Path jar = work.resolve("sweeplab-test-simulations.jar");
    String entry = ExitingSimulation.class.getName().replace('.', '/') + ".class";
    Path classes = Path.of("target", "test-classes");
    try (OutputStream os = Files.newOutputStream(jar);
        JarOutputStream j = new JarOutputStream(os)) {
      j.putNextEntry(new JarEntry(entry));
      j.write(Files.readAllBytes(classes.resolve(entry)));
      j.closeEntry();
    }
    return jar;
  }

  private static void awaitJournal(Driver d, Path out) throws Exception {
    Path journal = out.resolve("runs.jsonl");
    long deadline = System.nanoTime() + DRIVER_BOUND.toNanos();
    while (System.nanoTime() < deadline && d.process.isAlive()) {
      if (Files.exists(journal) && Files.size(journal) > 0) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no run journaled: " + d.describe());
  }

  /** sweeplab's own output has no stack trace and no uncaught exception in any thread. */
  private static void assertNoStackTrace(Driver d) throws IOException {
    String err = d.stderr();
    assertFalse(err.contains("Exception in thread"), d.describe());
    assertFalse(err.lines().anyMatch(l -> l.startsWith("\tat org.sweeplab.cli")), d.describe());
    assertFalse(err.contains("Cannot call methods on a stopped SparkContext"), d.describe());
  }

  /**
   * A sweeplab command line in its own JVM, with Spark's jars on the classpath as spark-submit
   * would give.
   */
  private record Driver(Process process, Path stdoutFile, Path stderrFile, long startNanos) {
    static Driver start(Path work, String... args) throws IOException {
      return start(work, List.of(), args);
    }

    static Driver start(Path work, List<Path> extraClasspath, String... args) throws IOException {
      List<String> cp = new ArrayList<>();
      cp.add(sweeplabJar().toString());
      extraClasspath.forEach(p -> cp.add(p.toString()));
      cp.add(Path.of("target", "test-classes").toAbsolutePath().toString());
      cp.add(Path.of("target", "lib").toAbsolutePath() + File.separator + "*");
      cp.add(cluster.sparkClasspath());
      List<String> cmd = new ArrayList<>();
      cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      cmd.addAll(StandaloneCluster.OPENS);
      cmd.addAll(StandaloneCluster.QUICK_JVM);
      cmd.addAll(
          List.of("-Xmx512m", "-cp", String.join(File.pathSeparator, cp), Main.class.getName()));
      cmd.addAll(List.of(args));
      Path dir = Files.createTempDirectory(work, "driver-");
      Path o = dir.resolve("stdout.txt");
      Path e = dir.resolve("stderr.txt");
      ProcessBuilder pb =
          new ProcessBuilder(cmd).redirectOutput(o.toFile()).redirectError(e.toFile());
      pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
      pb.environment().remove("SWEEPLAB_DEBUG");
      return new Driver(pb.start(), o, e, System.nanoTime());
    }

    static Path sweeplabJar() throws IOException {
      try (Stream<Path> s = Files.list(Path.of("target"))) {
        return s.filter(p -> p.getFileName().toString().matches("sweeplab-[^-]+(-SNAPSHOT)?\\.jar"))
            .findFirst()
            .map(Path::toAbsolutePath)
            .orElseThrow(
                () ->
                    new IllegalStateException("no target/sweeplab-*.jar: run with ./mvnw verify"));
      }
    }

    static List<Path> libraries() throws IOException {
      try (Stream<Path> s = Files.list(Path.of("target", "lib"))) {
        return s.filter(p -> p.toString().endsWith(".jar"))
            .map(Path::toAbsolutePath)
            .sorted()
            .collect(Collectors.toList());
      }
    }

    /** Waits for the exit; past the bound, ends the process (and its children) and fails. */
    void awaitExit(Duration bound) throws InterruptedException, IOException {
      if (!process.waitFor(bound.toMillis(), TimeUnit.MILLISECONDS)) {
        StandaloneCluster.kill(process);
        throw new AssertionError(
            "the driver did not end within " + bound.toSeconds() + " s: " + describe());
      }
    }

    int exitCode() {
      return process.exitValue();
    }

    String stdout() throws IOException {
      return Files.readString(stdoutFile, StandardCharsets.UTF_8);
    }

    String stderr() throws IOException {
      return Files.readString(stderrFile, StandardCharsets.UTF_8);
    }

    /** What a failed assertion shows: the time taken, stdout and sweeplab's lines of stderr. */
    String describe() {
      try {
        String err =
            stderr()
                .lines()
                .filter(l -> !l.startsWith("[") && !l.startsWith("SLF4J"))
                .collect(Collectors.joining("\n"));
        return String.format(
            java.util.Locale.ROOT,
            "after %.1f s%n--- stdout%n%s--- stderr (Spark's log lines"
                + " left out; all in %s)%n%s",
            (System.nanoTime() - startNanos) / 1e9,
            stdout(),
            stderrFile,
            err);
      } catch (IOException e) {
        return "(no output: " + e + ")";
      }
    }
  }
}
