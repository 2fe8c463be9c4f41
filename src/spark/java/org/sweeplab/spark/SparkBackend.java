package org.sweeplab.spark;

import java.time.Duration;
import java.util.Objects;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.sweeplab.run.Backend;
import org.sweeplab.run.CallerRunsExecution;
import org.sweeplab.run.ExecutionHandle;
import org.sweeplab.run.LocalBackend;
import org.sweeplab.run.Progress;
import org.sweeplab.run.RunRequest;
import org.sweeplab.spec.SimulationSpec;
import org.sweeplab.spec.SparkSettings;
import org.sweeplab.spec.SweepSpec;

/**
 * Runs a sweep on Apache Spark ({@code execution.backend: spark}). The driver (this process) hands
 * out the planned runs, not results, in small batches: each batch is one Spark job of one task, and
 * up to {@code partitions} batches are on the cluster at once. On the executor a task runs its
 * batch with a {@link LocalBackend} of the per-run settings (timeout, retries, per-run cost cap),
 * so runs behave exactly as locally; the finished records come back when the task ends and go to
 * the journal at once, so the journal grows batch by batch while the sweep runs.
 *
 * <ul>
 *   <li><b>Batches</b> start with one run and grow until a task takes about {@link
 *       #withTargetBatchMillis two seconds} (never more than the remaining runs divided by the
 *       slots, so the tail stays balanced). With a total budget or fail-fast every batch holds one
 *       run, so the driver decides before each run, as locally.
 *   <li><b>Budget</b>: the driver reserves each run with the same guard as the local backend before
 *       handing it out; once the budget would be passed, no run is handed out and the rest are
 *       recorded {@code skipped}.
 *   <li><b>No duplicates</b>: a Spark task retry (an executor lost, a fatal JVM error) re-runs the
 *       batch; the driver takes each run (by its ordinal, i.e. variation key and replicate) once
 *       and drops any later copy. A batch whose job fails after Spark's retries is split into
 *       single runs, each retried alone on the cluster (a run that ends its executor fails the
 *       other tasks there too), so only the run at fault ends {@code failed}.
 *   <li><b>Fail fast</b>: when the context stops under the sweep (the cluster manager ended the
 *       application), the runs in flight end {@code cancelled} within a second or so, one warning
 *       says why, and a resume finishes the sweep. No wait on Spark is unbounded; see {@link
 *       SparkExecution}.
 *   <li><b>Simulation</b>: a {@link java.io.Serializable} simulation is shipped as it is; otherwise
 *       the executors build it from the spec (class name, built-in name, command or pipeline).
 * </ul>
 *
 * <p>The Spark context is the caller's ({@link #withContext}) or the running one (under {@code
 * spark-submit}), else one is created from {@code execution.spark} and stopped when the sweep ends.
 * Immutable: each {@code withX} returns a new backend; each {@link #start} is a new execution
 * handle.
 */
public final class SparkBackend implements Backend {
  /** The batch duration the sizing aims at by default. */
  static final long DEFAULT_TARGET_BATCH_MILLIS = 2_000;

  /** Marks a context this backend created (and so stops at the end). */
  private static final String OWNER_KEY = "spark.sweeplab.owner";

  /** How long the end of a sweep waits for a context this backend created to stop. */
  private static final Duration STOP_BOUND = Duration.ofSeconds(30);

  private final SparkSettings settings;
  private final String appName;
  private final SimulationSpec simulationSpec;
  private final LocalBackend perRun;
  private final JavaSparkContext context;
  private final int batchSize;
  private final long targetBatchMillis;

  private SparkBackend(
      SparkSettings settings,
      String appName,
      SimulationSpec simulationSpec,
      LocalBackend perRun,
      JavaSparkContext context,
      int batchSize,
      long targetBatchMillis) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.appName = appName;
    this.simulationSpec = simulationSpec;
    this.perRun = Objects.requireNonNull(perRun, "perRun");
    this.context = context;
    if (batchSize < 0) {
      throw new IllegalArgumentException(
          "batch size must be >= 0 (0 = sized automatically), got " + batchSize);
    }
    if (targetBatchMillis < 1) {
      throw new IllegalArgumentException(
          "target batch duration must be >= 1 ms, got " + targetBatchMillis);
    }
    this.batchSize = batchSize;
    this.targetBatchMillis = targetBatchMillis;
  }

  /**
   * The backend a spec asks for: its {@code execution.spark} settings, its simulation description
   * for the executors, and the per-run settings of {@code perRun} (timeout, retries, budget, rate
   * limit, run folders). Called by {@code Sweep.backend()} through {@link SparkBackendProvider}.
   */
  public static SparkBackend of(SweepSpec spec, LocalBackend perRun) {
    return new SparkBackend(
        spec.execution().spark(),
        "sweeplab " + spec.name(),
        spec.simulation(),
        perRun,
        null,
        0,
        DEFAULT_TARGET_BATCH_MILLIS);
  }

  /** A backend without a spec: the simulation it is given must be serializable. */
  public static SparkBackend of(SparkSettings settings, LocalBackend perRun) {
    return new SparkBackend(
        settings, "sweeplab", null, perRun, null, 0, DEFAULT_TARGET_BATCH_MILLIS);
  }

  /** Runs in this Spark context, which the caller owns (it is not stopped at the end). */
  public SparkBackend withContext(JavaSparkContext sc) {
    return new SparkBackend(
        settings,
        appName,
        simulationSpec,
        perRun,
        Objects.requireNonNull(sc),
        batchSize,
        targetBatchMillis);
  }

  /** Runs per Spark task; 0 (the default) sizes batches from the observed run time. */
  public SparkBackend withBatchSize(int n) {
    return new SparkBackend(
        settings, appName, simulationSpec, perRun, context, n, targetBatchMillis);
  }

  /** The duration of one task that automatic batch sizing aims at (default 2 s). */
  public SparkBackend withTargetBatchMillis(long millis) {
    return new SparkBackend(settings, appName, simulationSpec, perRun, context, batchSize, millis);
  }

  /** How many batches are on the cluster at once; 0 for Spark's default parallelism. */
  public SparkBackend withPartitions(int n) {
    return new SparkBackend(
        settings.withPartitions(n),
        appName,
        simulationSpec,
        perRun,
        context,
        batchSize,
        targetBatchMillis);
  }

  public SparkSettings settings() {
    return settings;
  }

  @Override
  public ExecutionHandle start(RunRequest request) {
    return CallerRunsExecution.of(request.total(), handle -> execute(request, handle));
  }

  private Progress execute(RunRequest request, CallerRunsExecution handle) {
    SimulationSource source = SimulationSource.of(request.simulation(), simulationSpec);
    JavaSparkContext sc = context;
    boolean owned = false;
    if (sc == null) {
      // getOrCreate returns a running context as it is (with its own conf), so the token tells
      // whether it is ours.
      String token = Long.toHexString(System.nanoTime()) + "-" + System.identityHashCode(request);
      SparkContext created = SparkContext.getOrCreate(conf().set(OWNER_KEY, token));
      owned = token.equals(created.getConf().get(OWNER_KEY, ""));
      sc = JavaSparkContext.fromSparkContext(created);
    }
    ContextWatch watch = ContextWatch.on(sc);
    try {
      int slots = settings.partitions() > 0 ? settings.partitions() : defaultParallelism(sc, watch);
      SparkExecution ex =
          new SparkExecution(
              sc,
              watch,
              slots,
              batchSize,
              targetBatchMillis,
              perRun,
              new BatchTask(source, perRun, perRun.ratePerSecond() / slots),
              request);
      handle.attach(ex::stop, ex::snapshot);
      return ex.run();
    } finally {
      watch.close();
      if (owned) {
        stopBounded(sc);
      }
    }
  }

  private static int defaultParallelism(JavaSparkContext sc, ContextWatch watch) {
    try {
      return watch.alive() ? Math.max(1, sc.defaultParallelism()) : 1;
    } catch (IllegalStateException e) {
      return 1; // stopped meanwhile; the execution says so
    }
  }

  /**
   * Stops a context this backend created, waiting at most {@link #STOP_BOUND}: stopping a context
   * whose cluster is gone can hang in Spark, and the sweep's results are written by then. Stopping
   * a stopped context does nothing.
   */
  private static void stopBounded(JavaSparkContext sc) {
    Thread t =
        new Thread(
            () -> {
              try {
                sc.stop();
              } catch (RuntimeException e) {
                // Already stopping from another thread, or its cluster is gone: nothing left to
                // release here.
              }
            },
            "sweeplab-spark-stop");
    t.setDaemon(true);
    t.start();
    try {
      t.join(STOP_BOUND.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * The configuration of a context this backend creates: {@code spark.*} system properties (as
   * {@code spark-submit} sets them), then the spec's master (else spark-submit's, else {@code
   * local[*]}) and {@code conf} entries.
   */
  SparkConf conf() {
    SparkConf conf = new SparkConf(true);
    if (!conf.contains("spark.app.name")) {
      conf.setAppName(appName);
    }
    if (settings.master() != null) {
      conf.setMaster(settings.master());
    } else if (!conf.contains("spark.master")) {
      conf.setMaster("local[*]");
    }
    settings.conf().forEach(conf::set);
    return conf;
  }
}
