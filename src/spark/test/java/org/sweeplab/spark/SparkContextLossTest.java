package org.sweeplab.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sweeplab.run.Backend;
import org.sweeplab.run.LocalBackend;
import org.sweeplab.run.Progress;
import org.sweeplab.run.RunRecord;
import org.sweeplab.run.RunStatus;
import org.sweeplab.run.SweepListener;
import org.sweeplab.sim.Metrics;
import org.sweeplab.sim.RunContext;
import org.sweeplab.sim.Simulation;
import org.sweeplab.spec.SweepSpec;
import org.sweeplab.store.TestCsv;
import org.sweeplab.sweep.Sweep;
import org.sweeplab.sweep.SweepExecution;
import org.sweeplab.sweep.SweepResult;

/**
 * The Spark context stopping under a running sweep, as Spark stops it when the cluster manager ends
 * the application (from a thread of its own), in local mode: the sweep ends at once, the runs in
 * flight end cancelled, one warning says why, stopping the backend again does nothing, and a resume
 * on the local backend completes the sweep with the table of a local sweep. Each test has its own
 * context (one per JVM at a time), so the context can be stopped.
 */
class SparkContextLossTest {
  private JavaSparkContext sc;

  /**
   * The thread that stops the context, as Spark's own would; joined before the next test makes a
   * context.
   */
  private volatile Thread stopper;

  private volatile long stoppedAtNanos;

  @TempDir Path tmp;

  @BeforeEach
  void startSpark() {
    sc =
        new JavaSparkContext(
            new SparkConf()
                .setMaster("local[2]")
                .setAppName("sweeplab-loss-test")
                .set("spark.ui.enabled", "false")
                .set("spark.driver.host", "127.0.0.1"));
  }

  @AfterEach
  void stopSpark() throws InterruptedException {
    Thread t = stopper;
    if (t != null) {
      t.join();
    }
    sc.stop();
  }

  /** Stops the context from a new thread, as {@code StandaloneSchedulerBackend.dead} does. */
  private Thread stopContext() {
    Thread t = new Thread(() -> sc.stop(), "test-stop");
    stopper = t;
    stoppedAtNanos = System.nanoTime();
    t.start();
    return t;
  }

  /** 40 runs of about 50 ms each. */
  static SweepSpec spec() {
    return SweepSpec.builder("loss")
        .simulation("slow")
        .range("x", 1, 40, 1)
        .replicates(1)
        .seed(11)
        .maxParallel(2)
        .build();
  }

  /** Sleeps 50 ms, then reports values from the parameters and the seed only. */
  static final class Slow implements Simulation, Serializable {
    private static final long serialVersionUID = 1L;

    @Override
    public Metrics run(RunContext ctx) throws InterruptedException {
      Thread.sleep(50);
      return Metrics.builder()
          .put("y", ctx.getLong("x") * 2.0)
          .put("u", ctx.random().nextDouble())
          .build();
    }
  }

  /**
   * A job that Spark's own shutdown interrupted says nothing about why the application ended; the
   * reason is the failure that names it, even when it comes second (StandaloneClusterIT once got
   * "Task serialization failed: java.lang.InterruptedException" as its warning instead).
   */
  @Test
  void failuresThatOnlySayTheContextWentAwayAreNoReason() {
    ContextWatch watch = ContextWatch.on(sc);
    watch.note(
        new org.apache.spark.SparkException(
            "Task serialization failed: java.lang.InterruptedException"));
    watch.note(new IllegalStateException("Cannot call methods on a stopped SparkContext."));
    watch.note(
        new org.apache.spark.SparkException(
            "Job aborted due to stage failure: Master removed our application: FAILED"));
    org.junit.jupiter.api.Assertions.assertEquals(
        "Master removed our application: FAILED", watch.reason());
    watch.close();
  }

  @Test
  void aContextStoppedUnderTheSweepEndsItAndAResumeFinishesItLocally() throws IOException {
    SweepSpec spec = spec();
    SweepResult local = Sweep.of(spec).output(tmp.resolve("local")).simulation(new Slow()).run();

    Path dir = tmp.resolve("spark");
    // One run per batch, so that batches are in flight when the context goes.
    SparkBackend spark =
        SparkBackend.of(spec, LocalBackend.withDefaults().withRunsRoot(dir.resolve("runs")))
            .withContext(sc)
            .withBatchSize(1);
    AtomicBoolean stopped = new AtomicBoolean();
    StringBuilder warnings = new StringBuilder();
    SweepListener killer =
        new SweepListener() {
          @Override
          public void runFinished(RunRecord record, Progress progress) {
            if (progress.done() == 5 && stopped.compareAndSet(false, true)) {
              stopContext();
            }
          }

          @Override
          public synchronized void warning(String message) {
            warnings.append(message).append('\n');
          }
        };
    SweepExecution execution =
        Sweep.of(spec).output(dir).simulation(new Slow()).listener(killer).backend(spark).start();
    SweepResult s = execution.await();
    double seconds = (System.nanoTime() - stoppedAtNanos) / 1e9;

    // The bound: up to 1 s for Spark to stop the context after a job fails, plus the 0.2 s poll,
    // plus a loaded CI.
    assertTrue(seconds < 5, "the sweep ended " + seconds + " s after the context was stopped");
    assertTrue(
        s.count(RunStatus.OK) >= 5 && s.count(RunStatus.OK) < 40,
        "ok runs: " + s.count(RunStatus.OK));
    assertEquals(0, s.count(RunStatus.FAILED), "a lost context fails no run");
    assertTrue(s.missing() > 0, "runs never handed out stay missing: " + s.missing());
    List<String> lines = warnings.toString().lines().toList();
    assertEquals(1, lines.size(), warnings.toString());
    assertTrue(
        lines.get(0).startsWith("the Spark application ended while the sweep ran: "), lines.get(0));
    // Stop after the end, twice, on the dead context: nothing happens, nothing is thrown.
    execution.stop(Backend.StopMode.FINISH);
    execution.stop(Backend.StopMode.CANCEL);
    execution.stop(Backend.StopMode.CANCEL);

    SweepResult resumed =
        Sweep.resuming(dir)
            .simulation(new Slow())
            .backend(
                LocalBackend.withDefaults().withParallelism(2).withRunsRoot(dir.resolve("runs")))
            .run();
    assertEquals(0, resumed.missing());
    assertEquals(40, resumed.count(RunStatus.OK));
    assertEquals(
        TestCsv.withoutColumn(local.outputDir().resolve("results.csv"), "duration_ms"),
        TestCsv.withoutColumn(dir.resolve("results.csv"), "duration_ms"));
  }

  @Test
  void cancellingWhileTheContextDiesThrowsNothingAndEnds() {
    SweepSpec spec = spec();
    Path dir = tmp.resolve("spark");
    SparkBackend spark =
        SparkBackend.of(spec, LocalBackend.withDefaults()).withContext(sc).withBatchSize(1);
    SweepExecution[] execution = new SweepExecution[1];
    SweepListener killer =
        new SweepListener() {
          private final AtomicBoolean once = new AtomicBoolean();

          @Override
          public void runFinished(RunRecord record, Progress progress) {
            if (once.compareAndSet(false, true)) {
              // The sequence: the context goes, and Ctrl-C / SIGTERM and its grace timer
              // stop the backend.
              Thread t = stopContext();
              execution[0].stop(Backend.StopMode.FINISH);
              execution[0].stop(Backend.StopMode.CANCEL);
              try {
                t.join();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              execution[0].stop(Backend.StopMode.CANCEL); // on the stopped context
            }
          }
        };
    execution[0] =
        Sweep.of(spec).output(dir).simulation(new Slow()).listener(killer).backend(spark).start();
    SweepResult s = execution[0].await();
    double seconds = (System.nanoTime() - stoppedAtNanos) / 1e9;
    assertTrue(s.count(RunStatus.OK) >= 1);
    assertEquals(0, s.count(RunStatus.FAILED));
    assertTrue(s.missing() > 0);
    assertTrue(seconds < 5, "the sweep ended " + seconds + " s after the context was stopped");
  }
}
