package org.sweeplab.sim;

import java.nio.file.Path;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * What a simulation sees of its run: identity, parameters, seed, randomness, a lazily created
 * artifact folder, telemetry, cost charging and cancellation.
 */
public interface RunContext {

  /** The run id, e.g. {@code var-0001-run-001}. */
  String runId();

  /** The variation id, e.g. {@code var-0001}. */
  String variationId();

  /** The variation's content key (a hash of its parameter assignment). */
  String variationKey();

  /** The replicate number, from 1. */
  int replicate();

  /** The run's seed; the same on every attempt and at any parallelism. */
  long seed();

  /** A random generator seeded with {@link #seed()} (SplitMix64, identical on every JDK). */
  RandomGenerator random();

  /** The parameter assignment, in spec order. Values are String, Long, Double or Boolean. */
  Map<String, Object> params();

  /**
   * The outputs of the pipeline stages before this one (in a pipeline), else an empty map. Values
   * are String, Long, Double or Boolean.
   */
  default Map<String, Object> upstream() {
    return Map.of();
  }

  /**
   * The outputs of each pipeline stage before this one, by stage name (in a pipeline), else an
   * empty map: what a command stage sees as {@code upstream} in its stdin JSON and as {@code
   * {STAGE.KEY}} placeholders.
   */
  default Map<String, Map<String, Object>> upstreamByStage() {
    return Map.of();
  }

  /**
   * The run's merged scenario: the spec's {@code base} with each parameter set at its dotted path
   * ({@code actors.regulator.model}); without a base, the parameters nested by their dots. Commands
   * get the same map as {@code config.json} ({@code {config}}) and as {@code config} in their stdin
   * JSON.
   */
  default Map<String, Object> config() {
    return org.sweeplab.spec.Scenarios.merge(Map.of(), params());
  }

  /** The raw value of a parameter. */
  default Object get(String name) {
    Map<String, Object> p = params();
    Object v = p.get(name);
    if (v == null && !p.containsKey(name)) {
      throw new IllegalArgumentException(
          "No parameter '" + name + "' in run " + runId() + "; parameters are " + p.keySet());
    }
    return v;
  }

  /** A numeric parameter as a double. */
  default double getDouble(String name) {
    Object v = get(name);
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    throw typeError(name, v, "a number");
  }

  /** An integer parameter as a long; a float parameter with an integral value is accepted. */
  default long getLong(String name) {
    Object v = get(name);
    if (v instanceof Long l) {
      return l;
    }
    if (v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 9.0e18) {
      return d.longValue();
    }
    throw typeError(name, v, "an integer");
  }

  /** An integer parameter as an int. */
  default int getInt(String name) {
    long l = getLong(name);
    if (l < Integer.MIN_VALUE || l > Integer.MAX_VALUE) {
      throw typeError(name, l, "an int");
    }
    return (int) l;
  }

  /** A parameter as a string (any value is accepted and converted). */
  default String getString(String name) {
    return String.valueOf(get(name));
  }

  /** A boolean parameter. */
  default boolean getBoolean(String name) {
    Object v = get(name);
    if (v instanceof Boolean b) {
      return b;
    }
    throw typeError(name, v, "a boolean");
  }

  /** The run's artifact folder, created on first call. */
  Path artifactDir();

  /** Records one telemetry point; all points are written to the run's {@code telemetry.csv}. */
  void telemetry(long step, String name, double value);

  /**
   * Adds to the run's cost. Throws {@link BudgetExceededException} once the per-run cap is crossed;
   * the run then ends {@code failed} with error type {@code BudgetExceeded}.
   */
  void charge(double amount);

  /**
   * Adds to the run's cost as {@link #charge(double)} does, for a charge read from a file that
   * outlives a crash: cost line {@code line} (1-based) of the spool file named {@code spool}, which
   * holds a command's stdout. The charge ledger notes both, so that the next resume after a crash
   * charges the lines the spool holds but the ledger does not, and none twice. Contexts that keep
   * no ledger charge the amount and ignore the origin.
   */
  default void charge(double amount, String spool, long line) {
    charge(amount);
  }

  /**
   * The execution of the run that is under way: 1 for the first in this session, counting every
   * execution (retries and rate-limited ones included).
   */
  default int attempt() {
    return 1;
  }

  /** The cost charged so far. */
  double cost();

  /** True once the run has been cancelled (timeout, interrupt, fail-fast or budget). */
  boolean isCancelled();

  /** Throws {@link java.util.concurrent.CancellationException} when the run has been cancelled. */
  default void checkCancelled() {
    if (isCancelled()) {
      throw new java.util.concurrent.CancellationException("run " + runId() + " was cancelled");
    }
  }

  private IllegalArgumentException typeError(String name, Object v, String wanted) {
    return new IllegalArgumentException(
        "Parameter '"
            + name
            + "' of run "
            + runId()
            + " is "
            + v
            + " ("
            + (v == null ? "null" : v.getClass().getSimpleName())
            + "), not "
            + wanted);
  }
}
