package org.sweeplab.run;

/**
 * The handle of one execution of a {@link Backend}: stop it, wait for it, look at its progress.
 * Every method is thread-safe; {@link #stop} may come from any thread, before the execution runs,
 * while it runs, after it ended, and any number of times.
 */
public interface ExecutionHandle {

  /**
   * Stops handing out runs; in-flight runs finish, or are cancelled with {@link
   * Backend.StopMode#CANCEL}. A stop before {@link #await()} is kept: the execution then starts no
   * run. A second stop can only make it stronger ({@code FINISH} then {@code CANCEL} cancels the
   * runs in flight); a stop after the end does nothing.
   */
  void stop(Backend.StopMode mode);

  /**
   * Runs the execution on this thread's watch and returns its final progress; a second call returns
   * the same progress at once. An interrupt of the waiting thread cancels the runs in flight (its
   * interrupt flag stays set).
   *
   * @throws SweepAbortedException when the sink failed (the journal cannot be written)
   */
  Progress await();

  /**
   * The progress so far: all zeros before the execution runs, the final progress after it ended.
   */
  Progress progress();
}
