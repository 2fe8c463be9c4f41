package org.sweeplab.sweep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.sweeplab.run.Backend;
import org.sweeplab.run.Budget;
import org.sweeplab.run.ExecutionHandle;
import org.sweeplab.run.LocalBackend;
import org.sweeplab.run.Progress;
import org.sweeplab.run.RunRequest;
import org.sweeplab.run.RunStatus;
import org.sweeplab.run.SweepListener;
import org.sweeplab.sim.Simulation;
import org.sweeplab.sim.SimulationRegistry;
import org.sweeplab.sim.command.Leftovers;
import org.sweeplab.space.RunPlan;
import org.sweeplab.spec.BackendKind;
import org.sweeplab.spec.Shard;
import org.sweeplab.spec.SimulationSpec;
import org.sweeplab.spec.SpecException;
import org.sweeplab.spec.SpecLoader;
import org.sweeplab.spec.SpecWriter;
import org.sweeplab.spec.SweepSpec;
import org.sweeplab.store.FailedRuns;
import org.sweeplab.store.FolderTables;
import org.sweeplab.store.JournalLoader;
import org.sweeplab.store.JournalSink;
import org.sweeplab.store.LiveCostReport;
import org.sweeplab.store.OutputFolder;
import org.sweeplab.store.PendingRuns;
import org.sweeplab.store.ResultsStream;
import org.sweeplab.store.ResumeChanges;
import org.sweeplab.store.RunColumns;
import org.sweeplab.store.RunRecordFiles;
import org.sweeplab.store.SpoolRecovery;

/**
 * Runs a sweep into an output folder, or resumes one. Immutable and fluent:
 *
 * <pre>{@code
 * SweepResult r = Sweep.of(spec, ctx -> Metrics.of("y", ctx.getDouble("x") * 2))
 *     .output(Path.of("sweeps/demo")).run();
 * Table t = r.table();
 * }</pre>
 *
 * <p>Run again into the same folder, an unchanged sweep resumes (and returns at once when it is
 * complete); a changed one is refused with the choices ({@link ExistingOutput#RESUME_IF_UNCHANGED},
 * the default). A simulation given in code is recorded as such in the folder's {@code sweep.yaml}
 * ({@code simulation: {in_code: LABEL}}): resume it with {@code
 * Sweep.resuming(dir).simulation(sameCode)}.
 *
 * <p>Every finished run is appended to the folder's journal at once; results.csv and summary.json
 * are written at the end (also after an interrupt). A resume matches runs by content key, so it
 * never repeats finished work.
 */
public final class Sweep {
  private final SweepSpec spec;
  private final Simulation simulation;
  private final SimulationRegistry registry;
  private final Path output;
  private final SweepListener listener;
  private final Backend backend;
  private final ExistingOutput existing;
  private final FailedRuns failedRuns;

  private Sweep(
      SweepSpec spec,
      Simulation simulation,
      SimulationRegistry registry,
      Path output,
      SweepListener listener,
      Backend backend,
      ExistingOutput existing,
      FailedRuns failedRuns) {
    this.spec = Objects.requireNonNull(spec, "spec");
    this.simulation = simulation;
    this.registry = registry;
    this.output = output;
    this.listener = listener;
    this.backend = backend;
    this.existing = existing;
    this.failedRuns = failedRuns;
  }

  /** A sweep of this spec, with the built-in simulations, into the spec's output folder. */
  public static Sweep of(SweepSpec spec) {
    return new Sweep(
        spec,
        null,
        SimulationRegistry.withBuiltIns(),
        null,
        null,
        null,
        ExistingOutput.RESUME_IF_UNCHANGED,
        FailedRuns.KEEP);
  }

  /**
   * A sweep of this spec that runs {@code simulation} (e.g. a lambda in a notebook): {@code
   * Sweep.of(spec, ctx -> Metrics.of("score", ...)).run()}; see {@link #simulation(Simulation)}.
   */
  public static Sweep of(SweepSpec spec, Simulation simulation) {
    return of(spec).simulation(Objects.requireNonNull(simulation, "simulation"));
  }

  /**
   * A sweep that continues the one in {@code dir}, with the spec saved there ({@code sweep.yaml}).
   *
   * @throws IllegalArgumentException when the folder holds no sweep
   */
  public static Sweep resuming(Path dir) {
    Path specFile = dir.resolve(OutputFolder.SPEC);
    if (!Files.isRegularFile(specFile)) {
      throw new IllegalArgumentException(
          dir
              + " is not a sweep output folder: it has no "
              + OutputFolder.SPEC
              + (Files.exists(dir) ? "" : " (the folder does not exist)"));
    }
    return of(SpecLoader.load(specFile)).output(dir).ifExists(ExistingOutput.RESUME);
  }

  /**
   * A sweep that continues the one in {@code dir} with some settings changed ({@code key=value}):
   * only those that leave the plan as it is (budget, retries, rate limit, max_parallel, timeouts,
   * interrupt grace). The change is recorded in the folder ({@code resume-changes.jsonl}) and
   * written to its {@code sweep.yaml} when the run starts.
   *
   * @throws org.sweeplab.spec.SpecException for a key that would change the plan, or a bad value
   */
  public static Sweep resuming(Path dir, java.util.List<String> changes) {
    if (changes.isEmpty()) {
      return resuming(dir);
    }
    resuming(dir); // the same checks of the folder
    Sweep s = of(ResumeChanges.apply(dir, changes)).output(dir).ifExists(ExistingOutput.RESUME);
    ResumeChanges.record(dir, changes);
    return s;
  }

  /**
   * Resumes the sweep in {@code dir} with the built-in simulations; see {@link #resuming(Path)}.
   */
  public static SweepResult resume(Path dir) {
    return resuming(dir).run();
  }

  /**
   * Runs this simulation, given in code, instead of the one the spec names. The spec then records
   * that its simulation was given in code ({@link SimulationSpec.InCode}, labelled with the name
   * the spec gave, if any), and so does the folder's {@code sweep.yaml}: a resume must be given the
   * code again, {@code Sweep.resuming(dir).simulation(sim)}.
   */
  public Sweep simulation(Simulation sim) {
    Objects.requireNonNull(sim, "simulation");
    return new Sweep(
        spec.withSimulation(SimulationSpec.InCode.replacing(spec.simulation())),
        sim,
        registry,
        output,
        listener,
        backend,
        existing,
        failedRuns);
  }

  /** Resolves the spec's simulation name in this registry. */
  public Sweep registry(SimulationRegistry r) {
    return new Sweep(spec, simulation, r, output, listener, backend, existing, failedRuns);
  }

  /**
   * The output folder (default: the spec's {@code output.dir}, else {@code sweeps/NAME}; for a
   * shard {@code i/N} of {@code execution.shard}, the folder {@code shard-i-of-N} inside it).
   */
  public Sweep output(Path dir) {
    return new Sweep(spec, simulation, registry, dir, listener, backend, existing, failedRuns);
  }

  public Sweep listener(SweepListener l) {
    return new Sweep(spec, simulation, registry, output, l, backend, existing, failedRuns);
  }

  /**
   * Where runs execute (default: a {@link LocalBackend} set up from the spec's execution section).
   */
  public Sweep backend(Backend b) {
    return new Sweep(spec, simulation, registry, output, listener, b, existing, failedRuns);
  }

  /**
   * What to do when the output folder already holds runs of this sweep (default {@link
   * ExistingOutput#RESUME_IF_UNCHANGED}; {@code sweeplab run} uses {@link ExistingOutput#FAIL}).
   */
  public Sweep ifExists(ExistingOutput policy) {
    return new Sweep(spec, simulation, registry, output, listener, backend, policy, failedRuns);
  }

  /** Whether a resume reruns failed and timed-out runs (default {@link FailedRuns#KEEP}). */
  public Sweep failedRuns(FailedRuns policy) {
    return new Sweep(spec, simulation, registry, output, listener, backend, existing, policy);
  }

  public SweepSpec spec() {
    return spec;
  }

  /** The output folder this sweep writes. */
  public Path outputDir() {
    if (output != null) {
      return output;
    }
    Path base = Path.of(spec.effectiveOutputDir());
    Shard shard = spec.execution().shard();
    return shard.isAll() ? base : base.resolve("shard-" + shard.index() + "-of-" + shard.count());
  }

  /**
   * Runs only this slice of the plan: the spec with {@code execution.shard} set (see {@link
   * Shard}).
   */
  public Sweep shard(Shard s) {
    return new Sweep(
        spec.withExecution(spec.execution().withShard(s)),
        simulation,
        registry,
        output,
        listener,
        backend,
        existing,
        failedRuns);
  }

  /** The run plan (counts, ids, seeds) without running anything. */
  public RunPlan plan() {
    return RunPlan.of(spec);
  }

  /**
   * The expected cost of the whole plan from the spec's budget estimates, or null when the spec
   * configures none.
   */
  public CostEstimate estimate() {
    return CostEstimate.of(plan(), spec.budget());
  }

  /**
   * Refuses a sweep whose estimated cost passes its total budget, before anything runs.
   *
   * @throws IllegalArgumentException naming the estimate, the budget and how to go on anyway
   */
  public void requireEstimateWithinBudget() {
    CostEstimate e = estimate();
    if (e != null && e.exceedsLimit()) {
      String unit = e.unit().isEmpty() ? "" : " " + e.unit();
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "sweep '%s' is estimated to cost %.4f%s"
                  + " (%,d runs at %.4f%s on average), more than its total budget of %.4f%s; raise budget.total, plan"
                  + " fewer runs, or start it anyway with --force (the budget still stops the spending)",
              spec.name(),
              e.total(),
              unit,
              e.estimatedRuns(),
              e.perRun(),
              unit,
              e.limit(),
              unit));
    }
  }

  /**
   * The backend that {@link #run()} will use: the one given to {@link #backend(Backend)}, else the
   * spec's {@code execution.backend} set up from its execution section (parallelism, timeout,
   * failure policy, retries, rate limit) and budget (total, per-run cap, expected cost per run,
   * runs in flight); the Spark backend takes the per-run settings of the local one and runs them on
   * executors.
   *
   * @throws IllegalArgumentException for {@code backend: spark} when Spark is not on the classpath
   */
  public Backend backend() {
    if (backend != null) {
      return backend;
    }
    LocalBackend local =
        LocalBackend.of(spec.execution()).withRunsRoot(outputDir().resolve(OutputFolder.RUNS));
    if (spec.budget() != null) {
      CostEstimate e = estimate();
      local = local.withBudget(Budget.of(spec.budget(), e == null ? Double.NaN : e.perRun()));
    }
    return spec.execution().backend() == BackendKind.SPARK ? Backends.spark(spec, local) : local;
  }

  /**
   * Runs every missing run and writes the output folder: {@code start().await()}.
   *
   * @throws IllegalArgumentException for a spec or folder problem (nothing has run yet)
   * @throws org.sweeplab.run.SweepAbortedException when the journal cannot be written (finished
   *     runs are kept)
   */
  public SweepResult run() {
    return start().await();
  }

  /**
   * Finds, before anything runs or is written, what {@link #run()} would refuse: a plan over its
   * limits, an unknown simulation, an unknown placeholder or a bad result file in a command, an
   * output path that is a file, a folder that is not a sweep folder, a spec too large for
   * sweep.yaml, a plan too large to tabulate. {@code plan} and {@code run --dry-run} call it;
   * {@code run} calls it first.
   *
   * @return the simulation the sweep would run
   * @throws IllegalArgumentException (or {@link SpecException}) naming the problem
   */
  public Simulation preflight() {
    RunPlan plan = RunPlan.of(spec);
    if (simulation == null && spec.simulation() instanceof SimulationSpec.InCode code) {
      throw new IllegalArgumentException(codeNotGiven(code));
    }
    Simulation sim = simulation != null ? simulation : registry.resolve(spec.simulation());
    if (simulation == null) {
      // Placeholders, stage outputs and declared parameters are checked now, not in every run.
      org.sweeplab.sim.command.PlanChecks.check(spec.simulation(), plan.parameterNames(), registry);
    }
    sim = org.sweeplab.sim.ScenarioSimulation.of(sim, spec.base());
    SpecListeners.instantiate(spec);
    Path dir = outputDir();
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new IllegalArgumentException(
          "output folder "
              + dir
              + " is an existing file, not a folder; choose"
              + " another path with --out");
    }
    OutputFolder.requireOwnOrEmpty(dir);
    SpecWriter.toYaml(spec);
    RunColumns.requireCapacity(plan.runCount());
    return sim;
  }

  /**
   * Checks and opens the output folder and returns the handle of this sweep's execution; the runs
   * start when {@link SweepExecution#await()} is called, so the caller can first hand the handle to
   * whoever may stop it (a Ctrl-C handler). The folder stays locked until {@code await()} returns.
   *
   * @throws IllegalArgumentException for a spec or folder problem (nothing has run yet)
   */
  public SweepExecution start() {
    if (spec.execution().racing() != null && !backend().runsRaceRounds()) {
      throw new IllegalArgumentException(
          "sweep '"
              + spec.name()
              + "' is a race (execution.racing): run it with"
              + " Race.of(sweep).run() (org.sweeplab.race), as `sweeplab run` and Notebook.run do, or remove"
              + " execution.racing to run every replicate");
    }
    Simulation sim = preflight(); // a refused run writes nothing
    RunPlan plan = RunPlan.of(spec);
    Path dir = outputDir();
    OutputFolder folder = OutputFolder.open(dir);
    try {
      folder.removeTemporaryFiles();
      List<String> warnings = new ArrayList<>();
      if (prepare(folder, warnings)) {
        SweepResult done = CompletionCheck.ifComplete(folder, spec, plan, failedRuns);
        if (done != null) {
          folder.close();
          return SweepExecution.done(done);
        }
      }
      int leftovers = Leftovers.end(folder.runs(), Duration.ofSeconds(1));
      if (leftovers > 0) {
        warnings.add(
            leftovers
                + " process(es) left running by an earlier session of this folder (killed without"
                + " ending its commands) were ended before their runs ran again");
      }
      SpoolRecovery.recover(folder.runs(), folder.charges(), warnings);
      OutputFolder.writeAtomically(folder.spec(), SpecWriter.toYaml(spec));
      RunColumns columns = new RunColumns(plan.runCount());
      JournalLoader.Loaded loaded = JournalLoader.load(folder.journal(), plan, columns, warnings);
      PendingRuns pending = PendingRuns.of(plan, columns, failedRuns, spec.execution().shard());
      ResultsStream results = ResultsStream.of(folder.results(), plan, columns, pending);
      JournalSink sink;
      try {
        sink = JournalSink.open(folder.journal(), loaded.validLength(), columns, results);
      } catch (IOException e) {
        throw new UncheckedIOException(
            "cannot write the journal in " + dir + ": " + e.getMessage(), e);
      }
      LiveCostReport costs =
          LiveCostReport.start(
              folder, spec, plan, columns, estimatedTotal(plan), LiveCostReport.INTERVAL_MS);
      ExecutionHandle handle =
          backend()
              .start(
                  new RunRequest(
                      spec.name(),
                      pending.iterator(),
                      pending.count(),
                      sim,
                      RunRecordFiles.wrap(sink, spec, folder.runs()),
                      WarningsListener.of(SpecListeners.attach(listener, spec), warnings),
                      columns.totalCost(),
                      columns.costedRuns()));
      return SweepExecution.running(
          handle,
          (progress, started) -> {
            try (folder;
                costs;
                results) {
              try {
                sink.close();
              } catch (IOException e) {
                throw new UncheckedIOException(
                    "cannot write the journal in " + dir + ": " + e.getMessage(), e);
              }
              return progress == null
                  ? null
                  : finish(
                      folder, plan, columns, results, progress, started, warnings, loaded.lines());
            }
          });
    } catch (RuntimeException e) {
      folder.close();
      throw e;
    }
  }

  /** Why a sweep whose simulation was given in code cannot run without that code, and the fix. */
  private String codeNotGiven(SimulationSpec.InCode code) {
    Path dir = outputDir();
    if (Files.isRegularFile(dir.resolve(OutputFolder.SPEC))) {
      return "sweep '"
          + spec.name()
          + "' in "
          + dir
          + " ran a simulation given in code ("
          + code.label()
          + "), which sweep.yaml cannot hold; resume it from Java with Sweep.resuming(Path.of(\""
          + dir
          + "\")).simulation(...), passing the same code";
    }
    return "sweep '"
        + spec.name()
        + "' has a simulation given in code ("
        + code.label()
        + ") but no code was passed; run it from Java with Sweep.of(spec, simulation)";
  }

  /**
   * Checks the folder against this spec and applies the {@link ExistingOutput} policy; true when it
   * resumes a folder that already holds runs.
   */
  private boolean prepare(OutputFolder folder, List<String> warnings) {
    Path dir = folder.dir();
    boolean hasRuns;
    try {
      hasRuns = Files.isRegularFile(folder.journal()) && Files.size(folder.journal()) > 0;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (!Files.isRegularFile(folder.spec())) {
      if (hasRuns) {
        throw new IllegalArgumentException(
            "output folder "
                + dir
                + " has a "
                + OutputFolder.JOURNAL
                + " but no "
                + OutputFolder.SPEC
                + ", so it cannot be matched to this sweep; choose another folder with --out");
      }
      return false;
    }
    SweepSpec old;
    try {
      old = SpecLoader.load(folder.spec());
    } catch (IllegalArgumentException | UnsupportedOperationException e) {
      throw new IllegalArgumentException(
          "output folder "
              + dir
              + " holds a "
              + OutputFolder.SPEC
              + " that cannot be read ("
              + e.getMessage()
              + "); choose another folder with --out");
    }
    if (!old.name().equals(spec.name())) {
      throw new IllegalArgumentException(
          "output folder "
              + dir
              + " belongs to a different sweep, '"
              + old.name()
              + "' (this one is '"
              + spec.name()
              + "'); choose another folder with --out");
    }
    if (!hasRuns) {
      return false;
    }
    switch (existing) {
      case FAIL ->
          throw new IllegalArgumentException(
              "output folder "
                  + dir
                  + " already holds runs of sweep '"
                  + spec.name()
                  + "'; continue it with `sweeplab resume "
                  + dir
                  + "`, or choose another folder with --out");
      case RESUME_IF_UNCHANGED -> {
        List<String> changed = SpecChanges.changedKeys(old, spec);
        if (!changed.isEmpty()) {
          throw new IllegalArgumentException(
              "output folder "
                  + dir
                  + " holds runs of sweep '"
                  + spec.name()
                  + "' made with another spec (changed: "
                  + String.join(", ", changed)
                  + "); start it again with .ifExists(ExistingOutput.REPLACE), "
                  + (SpecChanges.incompatible(old, spec) == null
                      ? "add what is missing to it with .ifExists(ExistingOutput.RESUME), "
                      : "")
                  + "or choose a new folder with .output(...)");
        }
        return true;
      }
      case REPLACE -> {
        try {
          folder.clear();
        } catch (IOException e) {
          throw new UncheckedIOException("cannot clear " + dir + ": " + e.getMessage(), e);
        }
        return false;
      }
      case RESUME -> {
        String change = SpecChanges.incompatible(old, spec);
        if (change != null) {
          throw new SpecException(
              dir.resolve(OutputFolder.SPEC).toString(),
              0,
              0,
              null,
              "cannot resume: "
                  + change
                  + ". Finished runs would no longer match; run the changed sweep"
                  + " into a new folder with --out");
        }
        warnings.addAll(SpecChanges.notes(old, spec));
        return true;
      }
      default -> throw new IllegalStateException();
    }
  }

  private Double estimatedTotal(RunPlan plan) {
    CostEstimate estimate = CostEstimate.of(plan, spec.budget());
    return estimate == null ? null : estimate.total();
  }

  private SweepResult finish(
      OutputFolder folder,
      RunPlan plan,
      RunColumns columns,
      ResultsStream results,
      Progress progress,
      Instant started,
      List<String> warnings,
      long oldLines) {
    CostEstimate estimate = CostEstimate.of(plan, spec.budget());
    FolderTables.Written w =
        FolderTables.write(
            folder,
            spec,
            plan,
            columns,
            estimate == null ? null : estimate.total(),
            started,
            oldLines + progress.done(),
            warnings,
            results);
    return new SweepResult(
        folder.dir(),
        w.planned(),
        byStatus(w.counts()),
        w.missing(),
        w.totalCost(),
        progress,
        warnings);
  }

  /** Counts by {@link RunStatus} ordinal as a map. */
  static Map<RunStatus, Long> byStatus(long[] counts) {
    Map<RunStatus, Long> by = new EnumMap<>(RunStatus.class);
    for (RunStatus s : RunStatus.values()) {
      by.put(s, counts[s.ordinal()]);
    }
    return by;
  }
}
