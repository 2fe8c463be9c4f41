package org.sweeplab.run;

import java.util.Objects;
import org.sweeplab.space.RunPlan;
import org.sweeplab.space.Variation;

/**
 * One run to execute: a variation, a replicate (from 1), its seed and id, and its position in the
 * plan ({@code ordinal = variation index * replicates + replicate - 1}). Runs made by {@link
 * #of(RunPlan, Variation, int)} compute their seed and id on first use, on the worker thread that
 * needs them.
 */
public final class PlannedRun implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  private final Variation variation;
  private final int replicate;
  private final long ordinal;
  private final transient RunPlan plan;
  private volatile String runId;
  private volatile long seed;
  private volatile boolean seeded;

  /** A run with a known seed and id. */
  public PlannedRun(Variation variation, int replicate, long seed, String runId, long ordinal) {
    this.variation = Objects.requireNonNull(variation, "variation");
    this.replicate = replicate;
    this.seed = seed;
    this.seeded = true;
    this.runId = Objects.requireNonNull(runId, "runId");
    this.ordinal = ordinal;
    this.plan = null;
  }

  private PlannedRun(RunPlan plan, Variation variation, int replicate) {
    this.plan = plan;
    this.variation = variation;
    this.replicate = replicate;
    this.ordinal = variation.index() * plan.replicates() + replicate - 1;
  }

  /**
   * Replicate {@code replicate} of a variation of {@code plan}; seed and id are derived when first
   * asked for.
   */
  public static PlannedRun of(RunPlan plan, Variation variation, int replicate) {
    return new PlannedRun(plan, variation, replicate);
  }

  public Variation variation() {
    return variation;
  }

  public int replicate() {
    return replicate;
  }

  public long ordinal() {
    return ordinal;
  }

  /** The run's seed, from (sweep seed, variation key, replicate). */
  public long seed() {
    if (!seeded) {
      seed = plan.seed(variation.key(), replicate);
      seeded = true;
    }
    return seed;
  }

  /** The run id, e.g. {@code var-0001-run-001}. */
  public String runId() {
    String id = runId;
    if (id == null) {
      id = plan.runId(variation.id(), replicate);
      runId = id;
    }
    return id;
  }

  /**
   * Serialized (e.g. to a cluster's executors) with its seed and id computed: the plan does not
   * travel.
   */
  private Object writeReplace() {
    return plan == null ? this : new PlannedRun(variation, replicate, seed(), runId(), ordinal);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PlannedRun p
        && p.ordinal == ordinal
        && p.replicate == replicate
        && p.seed() == seed()
        && p.variation.equals(variation);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(ordinal) * 31 + replicate;
  }

  @Override
  public String toString() {
    return runId() + " " + variation.params();
  }
}
