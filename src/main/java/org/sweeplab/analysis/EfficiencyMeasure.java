package org.sweeplab.analysis;

/** The measure that orders variations in {@link CostEfficiency}. */
public enum EfficiencyMeasure {
  /** Cost per successful run, lowest first (the default); ties go to the better metric mean. */
  COST_PER_OK_RUN,
  /**
   * Mean metric per unit of mean cost per run, best first: highest first when higher is better,
   * lowest first otherwise.
   */
  METRIC_PER_COST
}
