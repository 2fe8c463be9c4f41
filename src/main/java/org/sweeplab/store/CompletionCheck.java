package org.sweeplab.store;

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

/**
 * The fast path of a resume: when summary.json says the folder is complete for this very spec, a scan of the
 * journal (keys, replicates and statuses only) confirms that every planned run has a final line and nothing is left
 * to do, without parsing whole records or rewriting results.
 */
final class CompletionCheck {
  private CompletionCheck() {}

  /** The result of the folder when nothing is left to do, else null (the caller does a full resume). */
  @SuppressWarnings("unchecked")
  static SweepResult ifComplete(OutputFolder folder, SweepSpec spec, RunPlan plan, FailedRuns failed) {
    try {
      if (!Files.isRegularFile(folder.summary()) || !Files.isRegularFile(folder.results())) {
        return null;
      }
      Map<String, Object> summary = Summary.read(folder.summary());
      Map<String, Object> runs = (Map<String, Object>) summary.get("runs");
      if (!Boolean.TRUE.equals(summary.get("complete")) || runs == null
          || !SpecWriter.configHash(spec).equals(summary.get("config_hash"))
          || ((Number) runs.get("planned")).longValue() != Sweep.plannedRuns(plan, spec.execution().shard())) {
        return null;
      }
      Long2ByteOpenHashMap last = new Long2ByteOpenHashMap((int) Math.min(plan.runCount() * 2, 1 << 28));
      List<String> warnings = new ArrayList<>();
      JournalReader.Report report = JournalReader.scan(folder.journal(), b -> {
        long id = Seeds.mix(b.keyHigh() ^ Seeds.mix(b.keyLow() + b.replicate()));
        last.put(id, (byte) statusOrdinal(b.status()));
      });
      warnings.addAll(report.warnings());
      if (report.tornTail() || last.size() != Sweep.plannedRuns(plan, spec.execution().shard())) {
        return null;
      }
      long[] counts = new long[RunStatus.values().length];
      for (byte s : last.values()) {
        if (s < 0) {
          return null;
        }
        RunStatus st = RunStatus.values()[s];
        boolean pending = st == RunStatus.CANCELLED || st == RunStatus.SKIPPED
            || failed == FailedRuns.RETRY && (st == RunStatus.FAILED || st == RunStatus.TIMEOUT);
        if (pending) {
          return null;
        }
        counts[s]++;
      }
      Map<RunStatus, Long> by = new EnumMap<>(RunStatus.class);
      for (RunStatus s : RunStatus.values()) {
        by.put(s, counts[s.ordinal()]);
      }
      Object cost = summary.get("total_cost");
      Progress none = new Progress(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, java.time.Duration.ZERO, Double.NaN, Double.NaN);
      return new SweepResult(folder.dir(), Sweep.plannedRuns(plan, spec.execution().shard()), by, 0,
          cost instanceof Number n ? n.doubleValue() : Double.NaN, none, warnings);
    } catch (IOException | RuntimeException e) {
      return null; // anything unexpected: the full resume decides
    }
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
