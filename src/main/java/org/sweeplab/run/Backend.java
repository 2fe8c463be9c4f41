package org.sweeplab.run;

/**
 * Where planned runs execute. A backend is only its configuration (immutable, reusable, shareable):
 * each {@link #start} returns a new {@link ExecutionHandle}, the handle of that one execution. The
 * local backend is the default; other backends (a cluster engine) keep the same semantics:
 * deterministic seeds, per-run timeouts, retries, the budget stop, and events.
 */
public interface Backend {

  /**
   * An execution of every planned run of the request: it runs when {@link ExecutionHandle#await()}
   * is called, handing each finished run to the request's sink and telling its listener. Nothing
   * runs before that, so a caller can hand the handle to whoever may stop it (a Ctrl-C handler)
   * first.
   */
  ExecutionHandle start(RunRequest request);

  /** How {@link ExecutionHandle#stop(StopMode)} treats runs in flight. */
  enum StopMode {
    /** Let them finish. */
    FINISH,
    /** Cancel them now (they end {@code cancelled}). */
    CANCEL
  }

  /**
   * Whether this backend runs the rounds of a race ({@code execution.racing}); only the race's own
   * backend does, and a sweep of a racing spec refuses any other rather than run every replicate
   * unasked.
   */
  default boolean runsRaceRounds() {
    return false;
  }
}
