package org.sweeplab.run;

import java.util.Locale;
import org.sweeplab.spec.BudgetSpec;
import org.sweeplab.spec.BudgetSpec.InFlight;

/**
 * The spending limits a backend enforces, resolved from the spec's {@link BudgetSpec} (the
 * declaration: limits not given are NaN, expected costs may be a table by parameter): a total over
 * the sweep (across resumes) and a cap per run, infinite when not limited, in some unit, with the
 * expected cost of a run over the plan, used before any run has reported one. {@link #none()} for a
 * sweep without a budget. What happens to runs in flight is the spec's {@link InFlight}.
 *
 * @param total the most the sweep may spend; infinite for none
 * @param perRun the most one run may spend; infinite for none
 * @param unit the unit, e.g. USD (only for display)
 * @param estimatePerRun the expected cost of a run before any is observed; NaN for none
 * @param inFlight what happens to runs in flight when the total is reached
 */
public record Budget(
    double total, double perRun, String unit, double estimatePerRun, InFlight inFlight) {

  public Budget {
    if (!(total > 0)) {
      throw new IllegalArgumentException("budget.total must be > 0, got " + total);
    }
    if (!(perRun > 0)) {
      throw new IllegalArgumentException("budget.per_run must be > 0, got " + perRun);
    }
    if (!Double.isNaN(estimatePerRun) && !(estimatePerRun >= 0)) {
      throw new IllegalArgumentException(
          "budget.estimate_per_run must be >= 0, got " + estimatePerRun);
    }
    unit = unit == null ? "" : unit;
    inFlight = inFlight == null ? InFlight.FINISH : inFlight;
  }

  /** No limits. */
  public static Budget none() {
    return new Budget(
        Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, "", Double.NaN, InFlight.FINISH);
  }

  /**
   * The limits of a spec's {@code budget} section.
   *
   * @param spec the section, or null for no limits
   * @param estimatePerRun the expected cost of a run before any is observed (the spec's estimate,
   *     or the mean of its per-parameter estimates over the plan), NaN for none
   */
  public static Budget of(BudgetSpec spec, double estimatePerRun) {
    if (spec == null) {
      return none();
    }
    return new Budget(
        Double.isNaN(spec.total()) ? Double.POSITIVE_INFINITY : spec.total(),
        Double.isNaN(spec.perRun()) ? Double.POSITIVE_INFINITY : spec.perRun(),
        spec.unit(),
        estimatePerRun,
        spec.inFlight());
  }

  /** A total budget. */
  public static Budget total(double total, String unit) {
    return new Budget(total, Double.POSITIVE_INFINITY, unit, Double.NaN, InFlight.FINISH);
  }

  public Budget withPerRun(double cap) {
    return new Budget(total, cap, unit, estimatePerRun, inFlight);
  }

  public Budget withEstimatePerRun(double e) {
    return new Budget(total, perRun, unit, e, inFlight);
  }

  public Budget withInFlight(InFlight p) {
    return new Budget(total, perRun, unit, estimatePerRun, p);
  }

  /** True when there is a total limit. */
  public boolean limitsTotal() {
    return Double.isFinite(total);
  }

  /** An amount with the unit, e.g. {@code 12.5000 USD}. */
  public String format(double amount) {
    return String.format(Locale.ROOT, "%.4f", amount) + (unit.isEmpty() ? "" : " " + unit);
  }
}
