package org.sweeplab.run;

import java.util.Iterator;
import java.util.Objects;
import org.sweeplab.sim.Simulation;

/**
 * What a backend executes.
 *
 * @param sweepName the sweep's name, for the listener's {@link SweepListener#sweepStarted}; may be
 *     empty
 * @param runs the runs, in plan order
 * @param total how many {@code runs} yields, for progress
 * @param simulation what each run executes
 * @param sink receives every finished (or skipped) run
 * @param listener hears the events; may be null
 * @param priorSpend cost already spent by earlier sessions (resume), NaN when none
 * @param priorCostedRuns runs of earlier sessions that reported a cost
 */
public record RunRequest(
    String sweepName,
    Iterator<PlannedRun> runs,
    long total,
    Simulation simulation,
    RunSink sink,
    SweepListener listener,
    double priorSpend,
    long priorCostedRuns) {

  public RunRequest {
    Objects.requireNonNull(sweepName, "sweepName");
    Objects.requireNonNull(runs, "runs");
    Objects.requireNonNull(simulation, "simulation");
    Objects.requireNonNull(sink, "sink");
    listener = listener == null ? SILENT : listener;
  }

  /** The listener used when none is given; the runner skips building progress snapshots for it. */
  static final SweepListener SILENT = new SweepListener() {};

  /** A request with no earlier spend. */
  public static RunRequest of(
      String sweepName,
      Iterator<PlannedRun> runs,
      long total,
      Simulation simulation,
      RunSink sink,
      SweepListener listener) {
    return new RunRequest(sweepName, runs, total, simulation, sink, listener, Double.NaN, 0);
  }
}
