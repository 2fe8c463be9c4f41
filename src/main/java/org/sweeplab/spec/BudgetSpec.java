package org.sweeplab.spec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The spec's {@code budget} section: spending limits and the expected cost of runs. A limit or
 * estimate that is not given is {@link Double#NaN}; at least one of {@code total} and {@code
 * perRun} is given.
 *
 * @param total the most the whole sweep may spend (across resumes), or NaN for no total limit
 * @param perRun the most one run may spend, or NaN for no cap
 * @param unit the unit of every amount, e.g. {@code USD}; only for display, may be empty
 * @param estimatePerRun the expected cost of one run before any has reported a cost, or NaN
 * @param inFlight what happens to the runs in flight when the total stops the sweep
 * @param estimateBy expected costs per value of one parameter, or null; values missing from it use
 *     {@code estimatePerRun}
 * @throws IllegalArgumentException when neither limit is given, or an amount is negative, zero
 *     where it must be positive, or not finite
 */
public record BudgetSpec(
    double total,
    double perRun,
    String unit,
    double estimatePerRun,
    InFlight inFlight,
    CostTable estimateBy) {

  /** What the budget stop does with the runs in flight. */
  public enum InFlight {
    /** Let them finish; the total may be passed by what they spend. */
    FINISH,
    /** Cancel them at once. */
    CANCEL;

    /** The spec spelling: {@code finish} or {@code cancel}. */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public BudgetSpec {
    checkLimit("budget.total", total);
    checkLimit("budget.per_run", perRun);
    if (Double.isNaN(total) && Double.isNaN(perRun)) {
      throw new IllegalArgumentException("budget needs a total or a per_run limit (or both)");
    }
    if (!Double.isNaN(estimatePerRun)
        && !(estimatePerRun >= 0 && Double.isFinite(estimatePerRun))) {
      throw new IllegalArgumentException(
          "budget.estimate_per_run must be a finite number >= 0, got " + estimatePerRun);
    }
    unit = unit == null ? "" : unit;
    inFlight = inFlight == null ? InFlight.FINISH : inFlight;
  }

  private static void checkLimit(String what, double v) {
    if (!Double.isNaN(v) && !(v > 0 && Double.isFinite(v))) {
      throw new IllegalArgumentException(what + " must be a finite number > 0, got " + v);
    }
  }

  /** A total limit only, in this unit. */
  public static BudgetSpec total(double total, String unit) {
    return new BudgetSpec(total, Double.NaN, unit, Double.NaN, InFlight.FINISH, null);
  }

  /** A per-run cap only, in this unit. */
  public static BudgetSpec perRun(double cap, String unit) {
    return new BudgetSpec(Double.NaN, cap, unit, Double.NaN, InFlight.FINISH, null);
  }

  public BudgetSpec withTotal(double t) {
    return new BudgetSpec(t, perRun, unit, estimatePerRun, inFlight, estimateBy);
  }

  public BudgetSpec withPerRun(double cap) {
    return new BudgetSpec(total, cap, unit, estimatePerRun, inFlight, estimateBy);
  }

  public BudgetSpec withEstimatePerRun(double e) {
    return new BudgetSpec(total, perRun, unit, e, inFlight, estimateBy);
  }

  public BudgetSpec withInFlight(InFlight p) {
    return new BudgetSpec(total, perRun, unit, estimatePerRun, p, estimateBy);
  }

  public BudgetSpec withEstimateBy(CostTable table) {
    return new BudgetSpec(total, perRun, unit, estimatePerRun, inFlight, table);
  }

  /** True when some estimate (per run or by parameter) is configured. */
  public boolean hasEstimate() {
    return !Double.isNaN(estimatePerRun) || estimateBy != null;
  }

  /**
   * The expected cost of one run of a variation with these parameter values: the table's cost for
   * its value of the table's parameter, else {@link #estimatePerRun()}; NaN when neither applies.
   */
  public double estimate(Map<String, Object> params) {
    if (estimateBy != null) {
      Double c = estimateBy.costs().get(CostTable.key(params.get(estimateBy.parameter())));
      if (c != null) {
        return c;
      }
    }
    return estimatePerRun;
  }

  /**
   * Expected costs by the value of one parameter ({@code estimate_by: {parameter: model, costs: {a:
   * 0.5}}}).
   *
   * @param parameter the parameter whose value sets the cost
   * @param costs value (written as text, see {@link #key(Object)}) to the expected cost of one run,
   *     in order
   */
  public record CostTable(String parameter, Map<String, Double> costs) {
    public CostTable {
      Objects.requireNonNull(parameter, "estimate_by.parameter");
      Map<String, Double> copy = new LinkedHashMap<>();
      for (Map.Entry<String, Double> e : costs.entrySet()) {
        double c = e.getValue();
        if (!(c >= 0 && Double.isFinite(c))) {
          throw new IllegalArgumentException(
              "budget.estimate_by.costs." + e.getKey() + " must be a finite number >= 0, got " + c);
        }
        copy.put(e.getKey(), c);
      }
      if (copy.isEmpty()) {
        throw new IllegalArgumentException(
            "budget.estimate_by.costs is empty; give the cost of at least one value"
                + " of '"
                + parameter
                + "'");
      }
      costs = Collections.unmodifiableMap(copy);
    }

    /**
     * The table key of a parameter value: strings as they are, numbers and booleans as Java prints
     * them.
     */
    public static String key(Object value) {
      return String.valueOf(value);
    }
  }
}
