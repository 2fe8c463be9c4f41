package org.sweeplab.spec;

import java.util.Locale;

/** What the sweep does when a run fails. */
public enum FailurePolicy {
  /** Record the failure and go on (the default). */
  CONTINUE,
  /** Stop starting new runs after the first run that does not end ok. */
  FAIL_FAST;

  /** The lower-case name used in specs. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
