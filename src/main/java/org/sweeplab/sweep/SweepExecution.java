package org.sweeplab.sweep;

import java.time.Instant;
import java.util.Objects;
import org.sweeplab.run.Backend;
import org.sweeplab.run.ExecutionHandle;
import org.sweeplab.run.Progress;

/**
 * The handle of one sweep session, from {@link Sweep#start()}: stop it (e.g. on Ctrl-C), wait for
 * its result, look at its progress. The runs start when {@link #await()} is called; the output
 * folder's tables are written when they end (also after a stop). Thread-safe: {@link #stop} may
 * come from any thread, any number of times, before or during the run.
 */
public final class SweepExecution {
  /** What happens when the backend's execution ended. */
  @FunctionalInterface
  interface Ending {
    /**
     * Closes the journal and the folder and, unless {@code progress} is null (the execution
     * aborted), writes the tables.
     */
    SweepResult end(Progress progress, Instant started);
  }

  private final ExecutionHandle handle;
  private final Ending ending;
  private SweepResult result;

  private SweepExecution(ExecutionHandle handle, Ending ending, SweepResult result) {
    this.handle = handle;
    this.ending = ending;
    this.result = result;
  }

  static SweepExecution running(ExecutionHandle handle, Ending ending) {
    return new SweepExecution(Objects.requireNonNull(handle), Objects.requireNonNull(ending), null);
  }

  /** A session with nothing to run: the folder was complete already. */
  static SweepExecution done(SweepResult result) {
    return new SweepExecution(null, null, Objects.requireNonNull(result));
  }

  /**
   * Stops handing out runs; see {@link ExecutionHandle#stop}. Does nothing once the session ended.
   */
  public void stop(Backend.StopMode mode) {
    if (handle != null) {
      handle.stop(mode);
    }
  }

  /** This session's progress so far (the final one once it ended). */
  public Progress progress() {
    return handle != null ? handle.progress() : result.session();
  }

  /**
   * Runs the missing runs, writes the tables and returns the result; a second call returns the same
   * result.
   *
   * @throws org.sweeplab.run.SweepAbortedException when the journal cannot be written (finished
   *     runs are kept)
   */
  public synchronized SweepResult await() {
    if (result != null) {
      return result;
    }
    Instant started = Instant.now();
    Progress p;
    try {
      p = handle.await();
    } catch (RuntimeException e) {
      ending.end(null, started);
      throw e;
    }
    result = ending.end(p, started);
    return result;
  }
}
