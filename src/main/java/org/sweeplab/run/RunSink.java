package org.sweeplab.run;

/** Receives finished runs. Implementations must be thread-safe: workers call it concurrently. */
@FunctionalInterface
public interface RunSink {
  void accept(RunRecord record);

  /**
   * A charge, as it happens: {@code amount} spent by attempt {@code attempt} (1 for the first
   * execution of the run in this session, counting every execution, rate-limited ones included) of
   * {@code run}. Called on the run's thread before the run finishes, so a sink that records it at
   * once keeps money spent by runs in flight across a crash. The default ignores it (the run's
   * record still carries its whole cost).
   */
  default void charged(PlannedRun run, int attempt, double amount) {}

  /**
   * A charge read from line {@code line} (1-based, counting cost lines) of the stdout spool file
   * named {@code spool} ({@link org.sweeplab.sim.RunContext#charge(double, String, long)}); a sink
   * that records charges notes the origin so that a resume after a crash can tell which lines of a
   * spool were charged. The default records it as a plain charge.
   */
  default void charged(PlannedRun run, int attempt, double amount, String spool, long line) {
    charged(run, attempt, amount);
  }
}
