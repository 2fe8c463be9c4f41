package org.sweeplab.store;

import it.unimi.dsi.fastutil.longs.Long2LongOpenHashMap;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import org.sweeplab.run.RunStatus;
import org.sweeplab.space.RunPlan;
import org.sweeplab.space.Variation;
import org.sweeplab.space.VariationKeys;

/**
 * Loads an existing journal into {@link RunColumns}, matching runs to the current plan by content
 * key.
 */
public final class JournalLoader {
  private JournalLoader() {}

  public record Loaded(long lines, long validLength) {}

  /** Loads the journal and the charge ledger beside it. */
  public static Loaded load(Path journal, RunPlan plan, RunColumns columns, List<String> warnings) {
    try {
      Path ledger = journal.resolveSibling(OutputFolder.CHARGES);
      boolean hasLedger = Files.isRegularFile(ledger) && Files.size(ledger) > 0;
      if ((!Files.isRegularFile(journal) || Files.size(journal) == 0) && !hasLedger) {
        return new Loaded(0, 0);
      }
      Long2LongOpenHashMap index = keyIndex(plan);
      if (hasLedger) {
        ChargeLedger.load(ledger, index, plan.replicates(), columns, warnings);
      }
      if (!Files.isRegularFile(journal) || Files.size(journal) == 0) {
        return new Loaded(0, 0);
      }
      int replicates = plan.replicates();
      long[] orphans = new long[1];
      java.util.Map<String, Long> unknown = new java.util.TreeMap<>();
      JournalReader.Report report =
          JournalReader.readOutcomes(
              journal,
              new JournalDecoder.Outcome(),
              o -> {
                long v = index.get(o.shortKey);
                if (v < 0 || o.replicate > replicates) {
                  orphans[0]++;
                  return;
                }
                columns.put(
                    v * replicates + o.replicate - 1,
                    o.seed,
                    o.status,
                    o.names,
                    o.values,
                    o.metrics,
                    o.cost,
                    Double.isNaN(o.durationMs) ? 0 : o.durationMs,
                    o.errorType,
                    o.errorMessage);
              },
              e -> {
                long v = index.get(VariationKeys.shortKey(e.variationKey()));
                if (v < 0 || e.replicate() > replicates) {
                  orphans[0]++;
                  return;
                }
                RunStatus st;
                try {
                  st = RunStatus.fromLabel(e.status());
                } catch (IllegalArgumentException ex) {
                  unknown.merge(e.status(), 1L, Long::sum);
                  return;
                }
                columns.put(
                    v * replicates + e.replicate() - 1,
                    e.seed(),
                    st,
                    e.metrics(),
                    e.cost(),
                    Double.isNaN(e.durationMs()) ? 0 : e.durationMs(),
                    e.errorType(),
                    e.errorMessage());
              });
      warnings.addAll(report.warnings());
      unknown.forEach(
          (status, n) ->
              warnings.add(
                  n
                      + " run(s) in runs.jsonl have the unknown status '"
                      + status
                      + "' (known: "
                      + java.util.Arrays.stream(RunStatus.values())
                          .map(RunStatus::label)
                          .collect(java.util.stream.Collectors.joining(", "))
                      + "); they are ignored and run again"));
      if (orphans[0] > 0) {
        warnings.add(
            orphans[0]
                + " run(s) in runs.jsonl are not part of the current plan (parameter values or"
                + " replicates were removed); they stay in the journal but not in results.csv");
      }
      return new Loaded(report.lines(), report.validLength());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + journal + ": " + e.getMessage(), e);
    }
  }

  /** Maps the first 64 bits of each variation key to its index in the plan. */
  static Long2LongOpenHashMap keyIndex(RunPlan plan) {
    Long2LongOpenHashMap index =
        new Long2LongOpenHashMap((int) Math.min(plan.variationCount(), 1 << 28));
    index.defaultReturnValue(-1);
    Iterator<Variation> it = plan.variations();
    while (it.hasNext()) {
      Variation v = it.next();
      index.put(VariationKeys.shortKey(v.key()), v.index());
    }
    return index;
  }
}
