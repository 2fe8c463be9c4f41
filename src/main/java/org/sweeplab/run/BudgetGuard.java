package org.sweeplab.run;

/**
 * Decides whether a run may start: not once the spend so far plus the expected cost of the runs in
 * flight and of the new run would pass the total. The expected cost of a run is the mean observed
 * so far, else the configured estimate, else zero. Thread-safe. Backends that hand out runs
 * elsewhere (the Spark backend's driver) use it too.
 */
public final class BudgetGuard {
  private final Budget budget;
  private double spent;
  private long costed;
  private int inFlight;
  private boolean exhausted;

  /**
   * @param alreadySpent spend of earlier sessions (a resume counts the money already spent), NaN
   *     for none
   * @param alreadyCosted runs of earlier sessions that reported a cost
   */
  public BudgetGuard(Budget budget, double alreadySpent, long alreadyCosted) {
    this.budget = budget;
    this.spent = Double.isNaN(alreadySpent) ? 0 : alreadySpent;
    this.costed = alreadyCosted;
  }

  /** Reserves a start; false (and exhausted from then on) when the budget does not allow it. */
  public synchronized boolean tryStart() {
    if (exhausted) {
      return false;
    }
    if (budget.limitsTotal() && spent + (inFlight + 1) * expected() > budget.total()
        || budget.limitsTotal() && spent >= budget.total()) {
      exhausted = true;
      return false;
    }
    inFlight++;
    return true;
  }

  /** A run that started has ended, with this cost (NaN when none). */
  public synchronized void finished(double cost) {
    inFlight--;
    if (!Double.isNaN(cost)) {
      spent += cost;
      costed++;
    }
  }

  synchronized boolean exhausted() {
    return exhausted;
  }

  synchronized double spent() {
    return spent;
  }

  synchronized int inFlight() {
    return inFlight;
  }

  Budget budget() {
    return budget;
  }

  private double expected() {
    if (costed > 0) {
      return spent / costed;
    }
    return Double.isNaN(budget.estimatePerRun()) ? 0 : budget.estimatePerRun();
  }

  /** The message of a run skipped because of the budget. */
  public synchronized String skipMessage() {
    return "the budget of "
        + budget.format(budget.total())
        + " would be passed (spent "
        + budget.format(spent)
        + ", "
        + inFlight
        + " run(s) in flight)";
  }
}
