package org.sweeplab;

import java.nio.file.Path;
import java.util.List;
import org.sweeplab.analysis.Analysis;
import org.sweeplab.analysis.Runs;
import org.sweeplab.figures.AnalysisReport;
import org.sweeplab.notebook.Notebook;
import org.sweeplab.sim.Simulation;
import org.sweeplab.spec.SpecLoader;
import org.sweeplab.spec.SweepSpec;
import org.sweeplab.sweep.Sweep;
import org.sweeplab.sweep.SweepResult;

/**
 * The common entry points in one class, for a notebook whose kernel does not import sweeplab's
 * packages (IJava, JJava, Kotlin): one import, {@code import org.sweeplab.Sweeplab;}, then
 *
 * <pre>{@code
 * SweepSpec spec = Sweeplab.spec("demo").values("strategy", "a", "b").replicates(10).build();
 * SweepResult r = Sweeplab.run(Sweeplab.sweep(spec, ctx -> Metrics.of("score", ...)));
 * Runs runs = Sweeplab.read(r.outputDir());
 * Sweeplab.report(runs).withMetric("score").write(r.outputDir().resolve("analysis"));
 * }</pre>
 *
 * <p>A facade only: each method is one call of the class it names, which holds the documentation
 * (and which the bundled kernel imports directly).
 */
public final class Sweeplab {
  private Sweeplab() {}

  /** A spec built in code: {@link SweepSpec#builder(String)} (no simulation needed for code). */
  public static SweepSpec.Builder spec(String name) {
    return SweepSpec.builder(name);
  }

  /**
   * A spec file, with {@code key=value} overrides as {@code --set} takes them: {@link
   * SpecLoader#load(Path, List)}.
   */
  public static SweepSpec load(Path file, String... overrides) {
    return SpecLoader.load(file, List.of(overrides));
  }

  /** A sweep of the spec's own simulation: {@link Sweep#of(SweepSpec)}. */
  public static Sweep sweep(SweepSpec spec) {
    return Sweep.of(spec);
  }

  /** A sweep of code, e.g. a lambda: {@link Sweep#of(SweepSpec, Simulation)}. */
  public static Sweep sweep(SweepSpec spec, Simulation simulation) {
    return Sweep.of(spec, simulation);
  }

  /**
   * The sweep in {@code dir}, to continue ({@code .simulation(code)} for a sweep of code): {@link
   * Sweep#resuming(Path)}.
   */
  public static Sweep resuming(Path dir) {
    return Sweep.resuming(dir);
  }

  /**
   * Runs a sweep with a live progress display, stopped as Ctrl-C stops {@code sweeplab run} when
   * the cell is interrupted: {@link Notebook#run(Sweep)}.
   */
  public static SweepResult run(Sweep sweep) {
    return Notebook.run(sweep);
  }

  /** The runs of a sweep folder or of any results CSV: {@link Runs#read(Path)}. */
  public static Runs read(Path path) {
    return Runs.read(path);
  }

  /** The statistics, ranking and patterns of the runs: {@link Analysis#of(Runs)}. */
  public static Analysis analysis(Runs runs) {
    return Analysis.of(runs);
  }

  /** The report with its figures, as {@code analyze} writes it: {@link AnalysisReport#of(Runs)}. */
  public static AnalysisReport report(Runs runs) {
    return AnalysisReport.of(runs);
  }
}
