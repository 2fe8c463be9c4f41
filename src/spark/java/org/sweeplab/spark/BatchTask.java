package org.sweeplab.spark;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.sweeplab.run.Budget;
import org.sweeplab.run.LocalBackend;
import org.sweeplab.run.PlannedRun;
import org.sweeplab.run.RunRecord;
import org.sweeplab.run.RunRequest;
import org.sweeplab.sim.Metrics;
import org.sweeplab.sim.RunContext;
import org.sweeplab.sim.Simulation;
import org.sweeplab.spec.BudgetSpec;
import org.sweeplab.spec.FailurePolicy;
import org.sweeplab.spec.Retries;

/**
 * One Spark task: runs a batch of planned runs on the executor with a {@link LocalBackend} (as many
 * threads as the task has cores, {@code spark.task.cpus}), so per-run timeouts, retries of
 * transient failures, the per-run cost cap and run folders work exactly as locally, and returns the
 * finished records to the driver.
 *
 * <p>A fatal JVM error in a simulation ({@link VirtualMachineError}: out of memory, an internal
 * error) means this executor cannot be trusted: the whole task fails, so that Spark retries it (on
 * another executor when there is one). The driver never sees the failed attempt's records, and
 * drops any run it already has. The task fails with an ordinary exception, so Spark retries the
 * task rather than ending the executor process.
 */
final class BatchTask implements FlatMapFunction<Iterator<PlannedRun>, RunRecord> {
  private static final long serialVersionUID = 1L;

  private final SimulationSource simulation;
  private final Duration timeout;
  private final int maxAttempts;
  private final Duration initialDelay;
  private final Duration maxDelay;
  private final double multiplier;
  private final double perRunCap;
  private final String budgetUnit;
  private final double ratePerSecond;
  private final String runsRoot;

  BatchTask(SimulationSource simulation, LocalBackend perRun, double ratePerTask) {
    this.simulation = simulation;
    this.timeout = perRun.timeout();
    Retries r = perRun.retries();
    this.maxAttempts = r.maxAttempts();
    this.initialDelay = r.initialDelay();
    this.maxDelay = r.maxDelay();
    this.multiplier = r.multiplier();
    this.perRunCap = perRun.budget().perRun();
    this.budgetUnit = perRun.budget().unit();
    this.ratePerSecond = ratePerTask;
    this.runsRoot =
        perRun.runsRoot() == null ? null : perRun.runsRoot().toAbsolutePath().toString();
  }

  @Override
  public Iterator<RunRecord> call(Iterator<PlannedRun> input) {
    List<PlannedRun> runs = new ArrayList<>();
    input.forEachRemaining(runs::add);
    Simulation sim = simulation.simulation();
    AtomicReference<VirtualMachineError> fatal = new AtomicReference<>();
    AtomicReference<String> fatalRun = new AtomicReference<>();
    Simulation guarded =
        new Simulation() {
          @Override
          public Metrics run(RunContext ctx) throws Exception {
            try {
              return sim.run(ctx);
            } catch (VirtualMachineError e) {
              if (fatal.compareAndSet(null, e)) {
                fatalRun.set(ctx.runId());
              }
              throw e;
            }
          }

          @Override
          public String errorType(Throwable error) {
            return sim.errorType(error); // a pipeline names its stage's error, as on one machine
          }
        };
    TaskContext task = TaskContext.get();
    int threads = task == null ? 1 : Math.max(1, task.cpus());
    Budget budget = Budget.none();
    if (Double.isFinite(perRunCap)) {
      budget =
          new Budget(
              Double.POSITIVE_INFINITY,
              perRunCap,
              budgetUnit,
              Double.NaN,
              BudgetSpec.InFlight.FINISH);
    }
    LocalBackend backend =
        LocalBackend.withDefaults()
            .withParallelism(threads)
            .withTimeout(timeout)
            .withFailurePolicy(FailurePolicy.CONTINUE)
            .withRetries(new Retries(maxAttempts, initialDelay, maxDelay, multiplier))
            .withRunsRoot(runsRoot == null ? null : Path.of(runsRoot))
            .withRateLimit(ratePerSecond)
            .withBudget(budget);
    List<RunRecord> out = Collections.synchronizedList(new ArrayList<>(runs.size()));
    backend
        .start(
            RunRequest.of(
                "", runs.iterator(), runs.size(), guarded, r -> out.add(portable(r)), null))
        .await();
    VirtualMachineError e = fatal.get();
    if (e != null) {
      // Not chained: Spark would take a fatal error in the cause chain as its own and end the
      // executor process,
      // which in local mode is the driver too. The error's text is in the message and in the run's
      // error.txt.
      throw new IllegalStateException(
          "run "
              + fatalRun.get()
              + " hit a fatal JVM error ("
              + e
              + "); the task fails so that Spark retries it");
    }
    return out.iterator();
  }

  /** The record with plain, serializable metric maps. */
  private static RunRecord portable(RunRecord r) {
    return new RunRecord(
        r.run(),
        r.status(),
        new LinkedHashMap<>(r.metrics()),
        r.cost(),
        r.startedAtMillis(),
        r.durationNanos(),
        r.attempts(),
        r.errorType(),
        r.errorMessage());
  }
}
