package org.sweeplab.results;

import java.util.Locale;

/** What a results column holds, as {@code summary.json} records it ({@code "role": "metric"}). */
public enum ColumnRole {
  /** Identifies a run: {@code run_id}, {@code variation_id}, {@code replicate}, {@code seed}. */
  ID,
  /** A swept parameter. */
  PARAMETER,
  /** The run's status; {@code ok} marks a successful run. */
  STATUS,
  /** A result of the run. */
  METRIC,
  /** What the run cost. */
  COST,
  /** How long the run took (left out of determinism checks). */
  TIMING,
  /** Why the run failed. */
  ERROR,
  /**
   * A race's bookkeeping: the round in which the run's variation left the race ({@code
   * race_round_out}).
   */
  RACE;

  /**
   * @return the lower-case label written in {@code summary.json}
   */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * @param s a label as written by {@link #label()}, in any case
   * @return the role
   * @throws IllegalArgumentException for an unknown label
   */
  public static ColumnRole fromLabel(String s) {
    return valueOf(s.toUpperCase(Locale.ROOT));
  }
}
