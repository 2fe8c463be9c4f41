package org.sweeplab.run;

/**
 * Hears a sweep's events. All methods default to doing nothing. Methods are called from worker
 * threads, so implementations must be thread-safe and quick; the CLI progress bar and the notebook
 * display are listeners.
 */
public interface SweepListener {

  /** The sweep is about to start {@code total} runs. */
  default void sweepStarted(String sweepName, long total) {}

  /** A run is starting. */
  default void runStarted(PlannedRun run) {}

  /** A run has finished; {@code progress} includes it. */
  default void runFinished(RunRecord record, Progress progress) {}

  /** A run failed transiently and will be retried after {@code delayMillis}. */
  default void runRetrying(PlannedRun run, int attempt, long delayMillis, String reason) {}

  /** The sweep has ended (completed, stopped or interrupted). */
  default void sweepFinished(Progress progress) {}

  /**
   * Every run start waits {@code pause} (e.g. a "retry after T" answer); {@code why} says what
   * asked for it.
   */
  default void sweepPaused(java.time.Duration pause, String why) {}

  /** Something the user should know, also after the sweep (it goes to the result's warnings). */
  default void warning(String message) {}

  /** A listener that forwards to all of these. */
  static SweepListener all(SweepListener... listeners) {
    return new SweepListener() {
      @Override
      public void sweepStarted(String sweepName, long total) {
        for (SweepListener l : listeners) {
          l.sweepStarted(sweepName, total);
        }
      }

      @Override
      public void runStarted(PlannedRun run) {
        for (SweepListener l : listeners) {
          l.runStarted(run);
        }
      }

      @Override
      public void runFinished(RunRecord record, Progress progress) {
        for (SweepListener l : listeners) {
          l.runFinished(record, progress);
        }
      }

      @Override
      public void runRetrying(PlannedRun run, int attempt, long delayMillis, String reason) {
        for (SweepListener l : listeners) {
          l.runRetrying(run, attempt, delayMillis, reason);
        }
      }

      @Override
      public void sweepPaused(java.time.Duration pause, String why) {
        for (SweepListener l : listeners) {
          l.sweepPaused(pause, why);
        }
      }

      @Override
      public void warning(String message) {
        for (SweepListener l : listeners) {
          l.warning(message);
        }
      }

      @Override
      public void sweepFinished(Progress progress) {
        for (SweepListener l : listeners) {
          l.sweepFinished(progress);
        }
      }
    };
  }
}
