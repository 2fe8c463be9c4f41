package org.sweeplab.sweep;

import it.unimi.dsi.fastutil.longs.Long2ByteOpenHashMap;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.sweeplab.run.Progress;
import org.sweeplab.run.RunStatus;
import org.sweeplab.space.RunPlan;
import org.sweeplab.space.Seeds;
import org.sweeplab.spec.SpecWriter;
import org.sweeplab.spec.SweepSpec;
import org.sweeplab.store.FailedRuns;
import org.sweeplab.store.JournalCheck;
import org.sweeplab.store.JournalReader;
import org.sweeplab.store.OutputFolder;
import org.sweeplab.store.PendingRuns;
import org.sweeplab.store.Summary;

/**
 * The fast path of a resume: when summary.json says the folder is complete for this very spec, a
 * scan of the journal (keys, replicates and statuses only) confirms that every planned run has a
 * final line and nothing is left to do, without parsing whole records or rewriting results.
 */
final class CompletionCheck {
  private CompletionCheck() {}

  /**
   * The result of the folder when nothing is left to do, else null (the caller does a full resume).
   */
  static SweepResult ifComplete(
      OutputFolder folder, SweepSpec spec, RunPlan plan, FailedRuns failed) {
    try {
      if (!Files.isRegularFile(folder.summary()) || !Files.isRegularFile(folder.results())) {
        return null;
      }
      Summary.Brief summary = Summary.brief(folder.summary());
      long planned = PendingRuns.plannedRuns(plan, spec.execution().shard());
      if (summary == null
          || !summary.complete()
          || summary.planned() != planned
          || !SpecWriter.configHash(spec).equals(summary.configHash())) {
        return null;
      }
      long[] known = JournalCheck.counts(folder.dir(), summary.configHash(), planned);
      if (known != null) {
        return result(folder, planned, known, failed, summary, List.of());
      }
      int parts =
          Runtime.getRuntime().availableProcessors() > 1 && plan.runCount() > 100_000 ? 2 : 1;
      Long2ByteOpenHashMap[] maps = new Long2ByteOpenHashMap[parts];
      for (int i = 0; i < parts; i++) {
        maps[i] = new Long2ByteOpenHashMap((int) Math.min(plan.runCount() / parts + 16, 1 << 27));
      }
      JournalReader.Report report =
          JournalReader.scanParallel(
              folder.journal(),
              parts,
              i ->
                  b -> {
                    long id = Seeds.mix(b.keyHigh() ^ Seeds.mix(b.keyLow() + b.replicate()));
                    maps[i].put(id, (byte) statusOrdinal(b.status()));
                  });
      // Later parts of the file hold later lines: their statuses win.
      Long2ByteOpenHashMap last = maps[0];
      for (int i = 1; i < parts; i++) {
        last.putAll(maps[i]);
      }
      List<String> warnings = new ArrayList<>(report.warnings());
      if (report.tornTail() || last.size() != planned) {
        return null;
      }
      long[] counts = new long[RunStatus.values().length];
      for (byte s : last.values()) {
        if (s < 0) {
          return null;
        }
        counts[s]++;
      }
      return result(folder, planned, counts, failed, summary, warnings);
    } catch (IOException | RuntimeException e) {
      return null; // anything unexpected: the full resume decides
    }
  }

  /**
   * The result of a folder whose planned runs all finished with these counts by status, or null
   * when some of them are still to do (cancelled, skipped, or failed with {@link
   * FailedRuns#RETRY}).
   */
  private static SweepResult result(
      OutputFolder folder,
      long planned,
      long[] counts,
      FailedRuns failed,
      Summary.Brief summary,
      List<String> warnings) {
    long finished = 0;
    Map<RunStatus, Long> by = new EnumMap<>(RunStatus.class);
    for (RunStatus st : RunStatus.values()) {
      long n = counts[st.ordinal()];
      boolean pending =
          st == RunStatus.CANCELLED
              || st == RunStatus.SKIPPED
              || failed == FailedRuns.RETRY && (st == RunStatus.FAILED || st == RunStatus.TIMEOUT);
      if (pending && n > 0) {
        return null;
      }
      finished += n;
      by.put(st, n);
    }
    if (finished != planned) {
      return null;
    }
    Progress none = Progress.none(0);
    return new SweepResult(folder.dir(), planned, by, 0, summary.totalCost(), none, warnings);
  }

  private static int statusOrdinal(String label) {
    for (RunStatus s : RunStatus.values()) {
      if (s.label().equals(label)) {
        return s.ordinal();
      }
    }
    return -1;
  }
}
