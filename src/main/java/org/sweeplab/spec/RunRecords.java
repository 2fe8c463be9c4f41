package org.sweeplab.spec;

/**
 * Whether each run's folder gets a {@code result.json} (parameters, metrics, status, error, seed,
 * attempts, cost, timing, a telemetry summary and the sweep's metadata): {@code output.run_records}
 * in a spec.
 */
public enum RunRecords {
  /**
   * Not written in the spec: on for simulations that run a command (they have a run folder anyway),
   * else off.
   */
  AUTO,
  /** {@code run_records: true}: every run that started gets one. */
  ON,
  /** {@code run_records: false}: none. */
  OFF;

  /**
   * Whether records are written for a simulation that does ({@code runsCommands}) or does not run
   * commands.
   */
  public boolean enabledFor(boolean runsCommands) {
    return this == ON || this == AUTO && runsCommands;
  }
}
