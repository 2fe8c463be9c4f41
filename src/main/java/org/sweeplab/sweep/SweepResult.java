package org.sweeplab.sweep;

import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.sweeplab.analysis.Runs;
import org.sweeplab.run.Progress;
import org.sweeplab.run.RunStatus;
import org.sweeplab.store.Results;
import tech.tablesaw.api.Table;

/**
 * What a sweep (or a resume) produced: its output folder, counts over all of its runs (this
 * session's and earlier ones), and the table of runs, loaded from {@code results.csv} on demand.
 *
 * @param outputDir the output folder
 * @param planned runs in the plan
 * @param byStatus finished runs by status, over the whole folder
 * @param missing planned runs that have not run (stopped early, interrupted or fail-fast)
 * @param totalCost the total cost over all runs, NaN when no run reported one
 * @param session this session's progress
 * @param warnings things the user should know (a torn journal line, orphaned runs, …)
 */
public record SweepResult(
    Path outputDir,
    long planned,
    Map<RunStatus, Long> byStatus,
    long missing,
    double totalCost,
    Progress session,
    List<String> warnings) {

  public SweepResult {
    byStatus = Collections.unmodifiableMap(new EnumMap<>(byStatus));
    warnings = List.copyOf(warnings);
  }

  /** The number of finished runs with this status. */
  public long count(RunStatus status) {
    return byStatus.getOrDefault(status, 0L);
  }

  /** True when every planned run ran and ended ok. */
  public boolean allOk() {
    return missing == 0 && count(RunStatus.OK) == planned;
  }

  /**
   * The runs of the whole folder, columnar and typed by its summary.json, ready for the analysis.
   */
  public Runs runs() {
    return Runs.read(outputDir);
  }

  /**
   * One row per run, typed, with the same content as results.csv: the Tablesaw view of {@link
   * #runs()}.
   */
  public Table table() {
    return runs().table();
  }

  /** Every run's telemetry as one long table (run id and parameters on each row). */
  public Table telemetry() {
    return Results.telemetry(outputDir);
  }
}
