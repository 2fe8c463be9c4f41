package org.sweeplab.store;

import java.util.Iterator;
import java.util.NoSuchElementException;
import org.sweeplab.run.PlannedRun;
import org.sweeplab.run.RunStatus;
import org.sweeplab.space.RunPlan;
import org.sweeplab.space.Variation;
import org.sweeplab.spec.Shard;

/**
 * The runs still to do, in plan order: those that never ran, were cancelled or skipped, and (with
 * {@link FailedRuns#RETRY}) those that failed or timed out; of one {@link Shard} of the plan.
 */
public final class PendingRuns {
  private final RunPlan plan;
  private final RunColumns columns;
  private final FailedRuns failed;
  private final Shard shard;
  private final long count;

  private PendingRuns(RunPlan plan, RunColumns columns, FailedRuns failed, Shard shard) {
    this.plan = plan;
    this.columns = columns;
    this.failed = failed;
    this.shard = shard;
    long n = plannedRuns(plan, shard);
    if (columns.filled() > 0) {
      n = 0;
      int replicates = plan.replicates();
      for (long i = 0; i < plan.runCount(); i++) {
        if (shard.contains(i / replicates) && pending(columns.status(i))) {
          n++;
        }
      }
    }
    this.count = n;
  }

  public static PendingRuns of(RunPlan plan, RunColumns columns, FailedRuns failed) {
    return new PendingRuns(plan, columns, failed, Shard.all());
  }

  public static PendingRuns of(RunPlan plan, RunColumns columns, FailedRuns failed, Shard shard) {
    return new PendingRuns(plan, columns, failed, shard);
  }

  public long count() {
    return count;
  }

  /**
   * The pending runs of each chunk of {@code size} consecutive ordinals of the plan (the last chunk
   * may be shorter).
   */
  int[] countsByChunk(int size) {
    long runs = plan.runCount();
    int[] counts = new int[(int) ((runs + size - 1) / size)];
    int replicates = plan.replicates();
    boolean fresh = columns.filled() == 0;
    for (long i = 0; i < runs; i++) {
      if (shard.contains(i / replicates) && (fresh || pending(columns.status(i)))) {
        counts[(int) (i / size)]++;
      }
    }
    return counts;
  }

  private boolean pending(RunStatus s) {
    if (s == null || s == RunStatus.CANCELLED || s == RunStatus.SKIPPED) {
      return true;
    }
    return failed == FailedRuns.RETRY && (s == RunStatus.FAILED || s == RunStatus.TIMEOUT);
  }

  /**
   * The pending runs, built lazily; whether a run is pending is decided as the iterator reaches it.
   */
  public Iterator<PlannedRun> iterator() {
    int replicates = plan.replicates();
    Iterator<Variation> variations = plan.variations(shard);
    return new Iterator<>() {
      Variation current;
      int replicate = replicates;
      PlannedRun next = advance();

      private PlannedRun advance() {
        while (true) {
          if (replicate >= replicates) {
            if (!variations.hasNext()) {
              return null;
            }
            current = variations.next();
            replicate = 0;
          }
          replicate++;
          long ordinal = current.index() * replicates + replicate - 1;
          if (pending(columns.status(ordinal))) {
            return PlannedRun.of(plan, current, replicate);
          }
        }
      }

      @Override
      public boolean hasNext() {
        return next != null;
      }

      @Override
      public PlannedRun next() {
        if (next == null) {
          throw new NoSuchElementException();
        }
        PlannedRun r = next;
        next = advance();
        return r;
      }
    };
  }

  /** The runs of one shard of a plan (all of them for {@link Shard#all()}). */
  public static long plannedRuns(RunPlan plan, Shard shard) {
    return shard.isAll() ? plan.runCount() : plan.variationCount(shard) * plan.replicates();
  }
}
