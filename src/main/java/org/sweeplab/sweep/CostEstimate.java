package org.sweeplab.sweep;

import java.util.Iterator;
import org.sweeplab.space.RunPlan;
import org.sweeplab.space.Variation;
import org.sweeplab.spec.BudgetSpec;

/**
 * The expected cost of a sweep before it runs, from the spec's {@code budget.estimate_per_run} and
 * {@code budget.estimate_by} table.
 *
 * @param total the expected cost of the estimated runs
 * @param runs the runs planned
 * @param estimatedRuns the runs that have an estimate (all of them when {@code estimate_per_run} is
 *     given)
 * @param limit the total budget, NaN when none
 * @param unit the budget's unit, may be empty
 */
public record CostEstimate(double total, long runs, long estimatedRuns, double limit, String unit) {

  /**
   * The estimate of a plan under a budget section.
   *
   * @return null when the spec configures no estimate
   */
  public static CostEstimate of(RunPlan plan, BudgetSpec budget) {
    if (budget == null || !budget.hasEstimate()) {
      return null;
    }
    long runs = plan.runCount();
    if (budget.estimateBy() == null) {
      return new CostEstimate(
          budget.estimatePerRun() * runs, runs, runs, budget.total(), budget.unit());
    }
    double total = 0;
    long estimated = 0;
    Iterator<Variation> it = plan.variations();
    while (it.hasNext()) {
      double e = budget.estimate(it.next().params());
      if (!Double.isNaN(e)) {
        total += e * plan.replicates();
        estimated += plan.replicates();
      }
    }
    return new CostEstimate(total, runs, estimated, budget.total(), budget.unit());
  }

  /** The mean expected cost of one run, NaN when no run has an estimate. */
  public double perRun() {
    return estimatedRuns == 0 ? Double.NaN : total / estimatedRuns;
  }

  /** True when there is a total budget and the estimate passes it. */
  public boolean exceedsLimit() {
    return !Double.isNaN(limit) && total > limit;
  }
}
