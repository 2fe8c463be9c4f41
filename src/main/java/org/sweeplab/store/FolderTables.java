package org.sweeplab.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.sweeplab.results.ResultColumn;
import org.sweeplab.space.RunPlan;
import org.sweeplab.spec.Shard;
import org.sweeplab.spec.SpecWriter;
import org.sweeplab.spec.SweepSpec;

/**
 * The tables of an output folder ({@code results.csv}, {@code costs.json}, {@code summary.json}),
 * written from its journal and plan. A sweep writes them at the end of each session; a merge and a
 * resume of a folder whose tables are missing rebuild them from the journal alone, with {@link
 * #rebuild}, without resolving the simulation (it may exist only on a cluster).
 */
public final class FolderTables {
  private FolderTables() {}

  /**
   * What the tables say about a folder.
   *
   * @param planned runs in the plan (of the spec's shard)
   * @param counts finished runs by {@code RunStatus} ordinal, over the whole folder
   * @param missing planned runs that have not finished
   * @param totalCost the total cost of all runs, NaN when no run reported one
   * @param pending the runs a resume would still run (cancelled and skipped included)
   */
  public record Written(
      long planned, long[] counts, long missing, double totalCost, long pending) {}

  /**
   * Reads the folder's journal into fresh columns and writes its tables from them.
   *
   * @param estimatedTotal the spec's estimated total cost for {@code costs.json}, null when it
   *     configures none
   * @param warnings receives what the journal and the tables have to say (a torn line, a renamed
   *     column, …)
   */
  public static Written rebuild(
      OutputFolder folder, SweepSpec spec, Double estimatedTotal, List<String> warnings) {
    RunPlan plan = RunPlan.of(spec);
    RunColumns columns = new RunColumns(plan.runCount());
    JournalLoader.Loaded loaded = JournalLoader.load(folder.journal(), plan, columns, warnings);
    long pending = PendingRuns.of(plan, columns, FailedRuns.KEEP, spec.execution().shard()).count();
    Written w =
        write(
            folder,
            spec,
            plan,
            columns,
            estimatedTotal,
            Instant.now(),
            loaded.lines(),
            warnings,
            null);
    return new Written(w.planned(), w.counts(), w.missing(), w.totalCost(), pending);
  }

  /**
   * Writes {@code results.csv}, then {@code costs.json} when the spec has a budget or a run
   * reported a cost, then {@code summary.json} (last: it marks a complete folder, which a later
   * resume does not write again).
   *
   * @param columns the folder's runs, loaded from its journal (and this session's runs)
   * @param estimatedTotal the spec's estimated total cost, null when it configures none
   * @param started when this session started
   * @param journalLines the lines of the journal
   * @param warnings what to record in {@code summary.json}; receives the results writer's own
   * @param stream what wrote {@code results.csv} while the runs went, to complete; null: the file
   *     is written whole
   */
  public static Written write(
      OutputFolder folder,
      SweepSpec spec,
      RunPlan plan,
      RunColumns columns,
      Double estimatedTotal,
      Instant started,
      long journalLines,
      List<String> warnings,
      ResultsStream stream) {
    List<ResultColumn> schema;
    try {
      schema =
          stream == null
              ? ResultsWriter.write(folder.results(), plan, columns, warnings)
              : stream.finish(warnings);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + folder.results() + ": " + e.getMessage(), e);
    }
    if (spec.writes(org.sweeplab.spec.OutputFormat.PARQUET)) {
      ParquetOutput.write(folder.results(), schema, warnings);
    }
    long[] counts = columns.statusCounts();
    long finished = 0;
    for (long c : counts) {
      finished += c;
    }
    Shard shard = spec.execution().shard();
    long planned = PendingRuns.plannedRuns(plan, shard);
    long missing = Math.max(0, planned - finished);
    double total = columns.totalCost();
    Map<String, Object> summary =
        Summary.build(
            spec.name(),
            SpecWriter.configHash(spec),
            planned,
            counts,
            missing,
            total,
            columns.durationTotals(),
            started,
            Instant.now(),
            schema,
            warnings,
            journalLines);
    if (!shard.isAll()) {
      summary.put("shard", shard.toString());
    }
    if (!spec.metadata().isEmpty()) {
      summary.put("metadata", spec.metadata());
    }
    if (CostReport.wanted(spec.budget(), columns)) {
      CostReport.write(
          folder.costs(),
          CostReport.build(spec.name(), plan, columns, spec.budget(), estimatedTotal));
    }
    Summary.write(folder.summary(), summary);
    JournalCheck.write(folder.dir(), SpecWriter.configHash(spec), planned, counts, missing == 0);
    return new Written(planned, counts, missing, total, missing);
  }
}
