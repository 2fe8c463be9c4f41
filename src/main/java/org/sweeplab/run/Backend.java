package org.sweeplab.run;

import java.util.Iterator;
import org.sweeplab.sim.Simulation;

/**
 * Executes planned runs. The local backend is the default; other backends (a cluster engine) keep the same
 * semantics: deterministic seeds, per-run timeouts, retries, the budget stop, and events.
 */
public interface Backend {

  /**
   * Runs every planned run (unless stopped), handing each finished run to {@code sink} and telling
   * {@code listener}.
   *
   * @param runs the runs, in plan order
   * @param total how many {@code runs} yields, for progress
   * @return the final progress
   * @throws SweepAbortedException when the sink failed (the journal cannot be written)
   */
  Progress execute(Iterator<PlannedRun> runs, long total, Simulation simulation, RunSink sink,
      SweepListener listener);

  /** Stops handing out runs; in-flight runs finish, or are cancelled with {@link StopMode#CANCEL}. */
  void stop(StopMode mode);

  /** How {@link #stop(StopMode)} treats runs in flight. */
  enum StopMode {
    /** Let them finish. */
    FINISH,
    /** Cancel them now (they end {@code cancelled}). */
    CANCEL
  }
}
