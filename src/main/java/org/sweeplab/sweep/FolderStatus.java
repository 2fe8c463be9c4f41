package org.sweeplab.sweep;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.sweeplab.run.RunStatus;
import org.sweeplab.space.RunPlan;
import org.sweeplab.spec.SpecLoader;
import org.sweeplab.spec.SweepSpec;
import org.sweeplab.store.FailedRuns;
import org.sweeplab.store.JournalLoader;
import org.sweeplab.store.OutputFolder;
import org.sweeplab.store.PendingRuns;
import org.sweeplab.store.RunColumns;

/**
 * The state of an output folder, read from its spec and journal without changing anything.
 *
 * @param sweep the sweep's name
 * @param planned runs in the plan
 * @param byStatus finished runs by status (indexed by {@link RunStatus#ordinal()})
 * @param missing planned runs not yet run (or cancelled/skipped)
 * @param spend total cost, NaN when no run reported one
 * @param warnings problems found in the journal
 */
public record FolderStatus(
    String sweep,
    long planned,
    long[] byStatus,
    long missing,
    double spend,
    List<String> warnings) {

  /** The number of runs with this status. */
  public long count(RunStatus s) {
    return byStatus[s.ordinal()];
  }

  /** Finished runs of any status. */
  public long finished() {
    long n = 0;
    for (long c : byStatus) {
      n += c;
    }
    return n;
  }

  /**
   * Reads a folder.
   *
   * @throws IllegalArgumentException when it is not a sweep output folder
   */
  public static FolderStatus of(Path dir) {
    Path specFile = dir.resolve(OutputFolder.SPEC);
    if (!Files.isRegularFile(specFile)) {
      throw new IllegalArgumentException(
          dir + " is not a sweep output folder: it has no " + OutputFolder.SPEC);
    }
    SweepSpec spec = SpecLoader.load(specFile);
    RunPlan plan = RunPlan.of(spec);
    RunColumns columns = new RunColumns(plan.runCount());
    List<String> warnings = new ArrayList<>();
    JournalLoader.load(dir.resolve(OutputFolder.JOURNAL), plan, columns, warnings);
    long[] counts = columns.statusCounts();
    long pending = PendingRuns.of(plan, columns, FailedRuns.KEEP, spec.execution().shard()).count();
    return new FolderStatus(
        spec.name(),
        PendingRuns.plannedRuns(plan, spec.execution().shard()),
        counts,
        pending,
        columns.totalCost(),
        warnings);
  }
}
