package org.sweeplab.spec;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What to use instead of a parameter named like a column sweeplab writes itself: {@code seed} is
 * the sweep's {@code seed} and {@code seeding}, repeated runs are {@code replicates}, a cost is
 * charged, not swept.
 */
final class ReservedNames {
  private ReservedNames() {}

  private static final Map<String, String> INSTEAD = instead();

  private static Map<String, String> instead() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put(
        "seed",
        "sweeplab derives each run's seed from the top-level 'seed'; for several runs of one variation"
            + " use 'replicates', and 'seeding: common' to give every variation the same seeds");
    m.put("replicate", "repeated runs of one variation are 'replicates: N' at the top level");
    m.put(
        "run_id",
        "each run's id is made by sweeplab (var-0001-run-001); the command sees it as {run_id}");
    m.put(
        "variation_id",
        "each variation's id is made by sweeplab; the command sees it as {variation_id}");
    m.put(
        "status",
        "a run's status is written by sweeplab; report your own outcome as a metric, e.g. outcome");
    m.put(
        "cost",
        "a cost is reported by the run ({\"cost\": x} or ctx.charge), and limited by 'budget'");
    m.put("duration_ms", "sweeplab times every run; limit it with 'execution.timeout_per_run'");
    m.put("error_type", "a run's error is written by sweeplab when it fails");
    m.put("error_message", "a run's error is written by sweeplab when it fails");
    return java.util.Collections.unmodifiableMap(m);
  }

  /**
   * @throws IllegalArgumentException when {@code name} is reserved, saying what to use instead
   */
  static void check(String name) {
    String hint = INSTEAD.get(name);
    if (hint != null) {
      throw new IllegalArgumentException(
          "parameter name '"
              + name
              + "' is reserved: sweeplab writes that column"
              + " itself; "
              + hint
              + " (reserved names are "
              + String.join(", ", Parameter.RESERVED_NAMES)
              + ")");
    }
  }
}
