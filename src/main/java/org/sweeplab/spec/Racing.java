package org.sweeplab.spec;

import java.util.Locale;
import java.util.Objects;

/**
 * The {@code execution.racing} block: run replicates in rounds and stop giving runs to variations
 * that are statistically worse than the current best. Like the rest of {@link Execution}, it never
 * changes a run's result (a run's seed does not depend on the race), so it is not in the config
 * hash.
 *
 * @param metric the metric the race compares
 * @param direction which end of the metric is better
 * @param minReplicates replicates per variation in round 1, {@code >= 2}
 * @param maxReplicates the most replicates any variation gets; the plan's replicates ({@code
 *     replicates} of the spec is set to it)
 * @param step replicates added per surviving variation in each later round, {@code >= 1}
 * @param alpha the significance level of the Holm-adjusted tests against the best, in (0, 1)
 * @param test the two-sample test (its paired form when runs share seeds)
 */
public record Racing(
    String metric,
    Direction direction,
    int minReplicates,
    int maxReplicates,
    int step,
    double alpha,
    Test test) {

  /** Which end of the metric is better. */
  public enum Direction {
    HIGHER,
    LOWER;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** The two-sample test of each variation against the best. */
  public enum Test {
    /** Welch's t (paired t when runs are paired by seed). */
    WELCH("welch"),
    /** Mann-Whitney U (Wilcoxon signed-rank when paired). */
    MANN_WHITNEY("mann-whitney");

    private final String label;

    Test(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }

    /**
     * @throws IllegalArgumentException naming the valid labels
     */
    public static Test fromLabel(String s) {
      for (Test t : values()) {
        if (t.label.equals(s)) {
          return t;
        }
      }
      throw new IllegalArgumentException(
          "'" + s + "' is not a test; valid are welch, mann-whitney");
    }
  }

  /**
   * @throws IllegalArgumentException naming the key ({@code execution.racing.KEY}) and what would
   *     be valid
   */
  public Racing {
    Objects.requireNonNull(metric, "metric");
    if (metric.isBlank()) {
      throw new IllegalArgumentException(
          "execution.racing.metric is blank; name the metric the race compares");
    }
    direction = direction == null ? Direction.HIGHER : direction;
    test = test == null ? Test.WELCH : test;
    if (minReplicates < 2) {
      throw new IllegalArgumentException(
          "execution.racing.min_replicates must be >= 2 (a test needs two values),"
              + " got "
              + minReplicates);
    }
    if (maxReplicates < minReplicates) {
      throw new IllegalArgumentException(
          "execution.racing.max_replicates ("
              + maxReplicates
              + ") must be >="
              + " min_replicates ("
              + minReplicates
              + ")");
    }
    if (step < 1) {
      throw new IllegalArgumentException("execution.racing.step must be >= 1, got " + step);
    }
    if (!(alpha > 0 && alpha < 1)) {
      throw new IllegalArgumentException("execution.racing.alpha must be in (0, 1), got " + alpha);
    }
  }

  /**
   * A race on {@code metric} with the defaults of {@link Defaults}: higher is better, {@code
   * min_replicates} {@link Defaults#RACE_MIN_REPLICATES}, step 1, alpha {@link
   * Defaults#RACE_ALPHA}, Welch.
   */
  public static Racing of(String metric, int maxReplicates) {
    return new Racing(
        metric,
        Direction.HIGHER,
        Math.min(Defaults.RACE_MIN_REPLICATES, maxReplicates),
        maxReplicates,
        Defaults.RACE_STEP,
        Defaults.RACE_ALPHA,
        Test.WELCH);
  }

  public Racing withDirection(Direction d) {
    return new Racing(metric, d, minReplicates, maxReplicates, step, alpha, test);
  }

  public Racing withMinReplicates(int n) {
    return new Racing(metric, direction, n, maxReplicates, step, alpha, test);
  }

  public Racing withStep(int n) {
    return new Racing(metric, direction, minReplicates, maxReplicates, n, alpha, test);
  }

  public Racing withAlpha(double a) {
    return new Racing(metric, direction, minReplicates, maxReplicates, step, a, test);
  }

  public Racing withTest(Test t) {
    return new Racing(metric, direction, minReplicates, maxReplicates, step, alpha, t);
  }

  /** The replicates per surviving variation after round {@code round} (from 1). */
  public int replicatesAt(int round) {
    long n = minReplicates + (long) (round - 1) * step;
    return (int) Math.min(n, maxReplicates);
  }
}
