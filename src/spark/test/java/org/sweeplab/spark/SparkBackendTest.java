package org.sweeplab.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sweeplab.run.Budget;
import org.sweeplab.run.LocalBackend;
import org.sweeplab.run.Progress;
import org.sweeplab.run.RunRecord;
import org.sweeplab.run.RunStatus;
import org.sweeplab.run.SweepListener;
import org.sweeplab.sim.Metrics;
import org.sweeplab.spec.BackendKind;
import org.sweeplab.spec.Retries;
import org.sweeplab.spec.SimulationSpec;
import org.sweeplab.spec.SparkSettings;
import org.sweeplab.spec.SweepSpec;
import org.sweeplab.store.TestCsv;
import org.sweeplab.sweep.Sweep;
import org.sweeplab.sweep.SweepResult;

/**
 * The Spark backend end to end in local mode. One Spark context serves every test (CI stays fast).
 * Its master {@code local[2,3]} has two executor threads and allows three attempts per task: plain
 * {@code local[2]} never retries a failed task.
 */
class SparkBackendTest {
  private static JavaSparkContext sc;
  private static final AtomicInteger FAILED_TASKS = new AtomicInteger();

  @TempDir Path tmp;

  @BeforeAll
  static void startSpark() {
    SparkConf conf =
        new SparkConf()
            .setMaster("local[2,3]")
            .setAppName("sweeplab-test")
            .set("spark.ui.enabled", "false")
            .set("spark.driver.host", "127.0.0.1");
    sc = new JavaSparkContext(conf);
    sc.sc()
        .addSparkListener(
            new SparkListener() {
              @Override
              public void onTaskEnd(SparkListenerTaskEnd end) {
                if (end.taskInfo().failed()) {
                  FAILED_TASKS.incrementAndGet();
                }
              }
            });
  }

  @AfterAll
  static void stopSpark() {
    if (sc != null) {
      sc.stop();
    }
  }

  /** 3 strategies x 5 budgets x 2 replicates = 30 runs. */
  static SweepSpec.Builder base(String name) {
    return SweepSpec.builder(name)
        .values("strategy", "a", "b", "c")
        .range("budget", 10, 50, 10)
        .replicates(2)
        .seed(2026)
        .maxParallel(2);
  }

  static String table(Path dir) throws IOException {
    return TestCsv.withoutColumn(dir.resolve("results.csv"), "duration_ms");
  }

  static List<String> journal(Path dir) throws IOException {
    return Files.readAllLines(dir.resolve("runs.jsonl"), StandardCharsets.UTF_8);
  }

  @Test
  void specWithSparkBackendGivesTheLocalBackendsResults() throws IOException {
    SweepSpec local =
        base("same")
            .timeoutPerRun(Duration.ofSeconds(1))
            .simulation(new SimulationSpec.JavaClass(TestSimulations.Scored.class.getName()))
            .build();
    SweepSpec spark =
        local.withExecution(
            local
                .execution()
                .withBackend(BackendKind.SPARK)
                .withSpark(SparkSettings.defaults().withPartitions(2)));

    SweepResult l = Sweep.of(local).output(tmp.resolve("local")).run();
    Path sparkDir = tmp.resolve("spark");
    AtomicLong firstSeen = new AtomicLong(-1);
    SweepListener journalWatch =
        new SweepListener() {
          @Override
          public void runFinished(RunRecord record, Progress progress) {
            if (firstSeen.get() < 0) {
              try (Stream<String> lines = Files.lines(sparkDir.resolve("runs.jsonl"))) {
                firstSeen.set(lines.count());
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            }
          }
        };
    Sweep sweep = Sweep.of(spark).output(sparkDir).listener(journalWatch);
    assertInstanceOf(SparkBackend.class, sweep.backend(), "the spec's backend is loaded by name");
    SweepResult s = sweep.run();

    assertEquals(table(l.outputDir()), table(s.outputDir()));
    assertEquals(30, s.planned());
    assertEquals(2, s.count(RunStatus.FAILED));
    assertEquals(1, s.count(RunStatus.TIMEOUT));
    assertEquals(27, s.count(RunStatus.OK));
    // Streaming: the first finished run was in the journal while the other 29 were still to come.
    assertTrue(
        firstSeen.get() >= 1 && firstSeen.get() < 30,
        "journal lines at the first event: " + firstSeen);
    assertEquals(30, s.session().done());
    assertTrue(!sc.sc().isStopped(), "a context the backend did not create is left running");
  }

  @Test
  void failedSparkTasksAreRetriedAndEveryRunIsJournaledOnce() throws IOException {
    SweepSpec spec = base("crash").simulation("flaky").build();
    Path localMarkers = Files.createDirectories(tmp.resolve("markers-local"));
    LocalBackend retrying =
        LocalBackend.withDefaults()
            .withParallelism(2)
            .withRetries(Retries.of(3).withDelays(Duration.ZERO, Duration.ZERO));
    SweepResult l =
        Sweep.of(spec)
            .output(tmp.resolve("local"))
            .simulation(new TestSimulations.Flaky(localMarkers, TestSimulations.Crash.TRANSIENT))
            .backend(retrying.withRunsRoot(tmp.resolve("local/runs")))
            .run();
    assertEquals(30, l.count(RunStatus.OK), "the local backend retries the transient failures");

    Path markers = Files.createDirectories(tmp.resolve("markers-spark"));
    int failedBefore = FAILED_TASKS.get();
    SparkBackend spark =
        SparkBackend.of(spec, LocalBackend.withDefaults().withRunsRoot(tmp.resolve("spark/runs")))
            .withContext(sc)
            .withBatchSize(4);
    SweepResult s =
        Sweep.of(spec)
            .output(tmp.resolve("spark"))
            .simulation(new TestSimulations.Flaky(markers, TestSimulations.Crash.FATAL))
            .backend(spark)
            .run();

    try (Stream<Path> m = Files.list(markers)) {
      assertEquals(
          3, m.count(), "replicate 1 of budget 30, for each of the 3 strategies, crashed once");
    }
    List<String> lines = journal(s.outputDir());
    Set<String> runs = new HashSet<>();
    for (String line : lines) {
      runs.add(line.substring(0, line.indexOf(",\"variation_id\"")));
    }
    assertEquals(30, lines.size(), "one journal line per run");
    assertEquals(30, runs.size());
    assertEquals(30, s.count(RunStatus.OK));
    assertEquals(table(l.outputDir()), table(s.outputDir()));
    long deadline =
        System.nanoTime() + 5_000_000_000L; // task-end events reach listeners asynchronously
    while (FAILED_TASKS.get() == failedBefore && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertTrue(FAILED_TASKS.get() > failedBefore, "Spark saw the crashed task attempts");
  }

  @Test
  void aRunThatFailsEveryAttemptFailsAloneNotItsBatch() throws IOException {
    SweepSpec spec = base("doomed").simulation("doomed").build();
    SparkBackend spark =
        SparkBackend.of(spec, LocalBackend.withDefaults()).withContext(sc).withBatchSize(4);
    SweepResult s =
        Sweep.of(spec)
            .output(tmp.resolve("spark"))
            .simulation(new TestSimulations.Doomed())
            .backend(spark)
            .run();

    assertEquals(
        29, s.count(RunStatus.OK), "the doomed run's batch mates are retried alone and succeed");
    assertEquals(1, s.count(RunStatus.FAILED));
    List<String> failed =
        journal(s.outputDir()).stream().filter(l -> l.contains("\"status\":\"failed\"")).toList();
    assertEquals(1, failed.size());
    // Strategy b, budget 20, replicate 2: variation 7 of 15 (strategy-major order), its second run.
    assertTrue(failed.get(0).startsWith("{\"run_id\":\"var-0007-run-002\""), failed.get(0));
    assertTrue(
        failed.get(0).contains("SparkJobFailed") && failed.get(0).contains("failed 3 times"),
        failed.get(0));
  }

  @Test
  void budgetStopsHandingOutRunsAsLocally() throws IOException {
    SweepSpec spec = base("budget").simulation("costly").build();
    Budget budget = Budget.total(5.5, "USD");
    SweepResult l =
        Sweep.of(spec)
            .output(tmp.resolve("local"))
            .simulation(new TestSimulations.Costly())
            .backend(LocalBackend.withDefaults().withParallelism(1).withBudget(budget))
            .run();
    SparkBackend spark =
        SparkBackend.of(spec, LocalBackend.withDefaults().withBudget(budget))
            .withContext(sc)
            .withPartitions(1);
    SweepResult s =
        Sweep.of(spec)
            .output(tmp.resolve("spark"))
            .simulation(new TestSimulations.Costly())
            .backend(spark)
            .run();

    assertEquals(5, l.count(RunStatus.OK));
    assertEquals(25, l.count(RunStatus.SKIPPED));
    assertEquals(table(l.outputDir()), table(s.outputDir()));
    assertEquals(5.0, s.totalCost());
    assertEquals(30, journal(s.outputDir()).size());
  }

  @Test
  void aSimulationThatCannotReachTheExecutorsIsRefused() {
    SweepSpec spec = base("lambda").simulation("custom").build();
    SparkBackend spark = SparkBackend.of(spec, LocalBackend.withDefaults()).withContext(sc);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                Sweep.of(spec)
                    .output(tmp.resolve("x"))
                    .simulation(ctx -> Metrics.of("y", 1.0))
                    .backend(spark)
                    .run());
    assertTrue(
        e.getMessage()
            .startsWith(
                "the spark backend runs the simulation on the executors, so it must be"
                    + " serializable"),
        e.getMessage());
  }
}
