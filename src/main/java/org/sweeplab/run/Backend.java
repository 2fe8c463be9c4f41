package org.sweeplab.run;


/**
 * Executes planned runs. The local backend is the default; other backends (a cluster engine) keep the same
 * semantics: deterministic seeds, per-run timeouts, retries, the budget stop, and events.
 */
public interface Backend {

  /**
   * Runs every planned run of the request (unless stopped), handing each finished run to its sink and telling its
   * listener.
   *
   * @return the final progress
   * @throws SweepAbortedException when the sink failed (the journal cannot be written)
   */
  Progress execute(RunRequest request);

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
