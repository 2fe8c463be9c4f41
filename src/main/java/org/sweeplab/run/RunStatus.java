package org.sweeplab.run;

import java.util.Locale;

/** How a run ended. */
public enum RunStatus {
  /** The simulation returned its metrics. */
  OK,
  /** The simulation threw, or its output could not be read. */
  FAILED,
  /** The run passed its wall-clock limit and was cancelled. */
  TIMEOUT,
  /** The run was cancelled (interrupt, fail-fast). */
  CANCELLED,
  /** The run was never started (for example because the budget ran out). */
  SKIPPED;

  private final String label = name().toLowerCase(Locale.ROOT);

  /** The lower-case label used in files. */
  public String label() {
    return label;
  }

  /** The status with this label, e.g. {@code ok}. */
  public static RunStatus fromLabel(String label) {
    for (RunStatus s : values()) {
      if (s.label().equals(label)) {
        return s;
      }
    }
    throw new IllegalArgumentException(
        "Unknown run status '"
            + label
            + "'; valid are ok, failed, timeout,"
            + " cancelled, skipped");
  }
}
