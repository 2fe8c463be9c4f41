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

  /** Whether a run with status code c (see {@link RunColumns#statusCode}) is pending. */
  private final boolean[] pendingCode;

  private PendingRuns(RunPlan plan, RunColumns columns, FailedRuns failed, Shard shard) {
    this.plan = plan;
    this.columns = columns;
    this.failed = failed;
    this.shard = shard;
    RunStatus[] statuses = RunStatus.values();
    this.pendingCode = new boolean[statuses.length + 1];
    pendingCode[0] = true; // never ran
    for (RunStatus s : statuses) {
      pendingCode[s.ordinal() + 1] = pending(s);
    }
    long n = plannedRuns(plan, shard);
    if (columns.filled() > 0) {
      n = 0;
      int replicates = plan.replicates();
      // By variation, without a division per run: a resume scans a million runs before its first.
      for (long v = 0, first = 0; v < plan.variationCount(); v++, first += replicates) {
        if (shard.contains(v)) {
          for (int r = 0; r < replicates; r++) {
            if (pendingCode[columns.statusCode(first + r)]) {
              n++;
            }
          }
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
    int chunk = 0;
    long chunkEnd = size;
    for (long v = 0, first = 0; v < plan.variationCount(); v++, first += replicates) {
      if (!shard.contains(v)) {
        continue;
      }
      for (long i = first; i < first + replicates; i++) {
        while (i >= chunkEnd) {
          chunk++;
          chunkEnd += size;
        }
        if (fresh || pendingCode[columns.statusCode(i)]) {
          counts[chunk]++;
        }
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
          if (pendingCode[columns.statusCode(ordinal)]) {
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
