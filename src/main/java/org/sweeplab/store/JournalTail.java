package org.sweeplab.store;

import it.unimi.dsi.fastutil.longs.Long2LongOpenHashMap;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sweeplab.run.RunStatus;
import org.sweeplab.space.RunPlan;
import org.sweeplab.space.VariationKeys;
import org.sweeplab.spec.SpecLoader;
import org.sweeplab.spec.SweepSpec;

/**
 * Follows a sweep folder's journal as it grows, for a live view: each {@link #poll()} reads only
 * the bytes appended since the last one (a torn last line waits for its newline), so a folder of a
 * million runs is cheap to poll. Runs are matched to the plan as {@code sweeplab status} matches
 * them (by content key; a later line for the same run replaces an earlier one; runs outside the
 * plan and unknown statuses are left out), so the counts agree with it. Spend is the sum of the
 * journal's costs (charges of runs in flight, in charges.jsonl, are not included). Not thread-safe:
 * one poller.
 */
public final class JournalTail {
  private static final int EXAMPLES = 3;
  private static final int RATE_WINDOW = 500;
  private static final int CHUNK = 1 << 20;

  private final Path journal;
  private final SweepSpec spec;
  private final RunPlan plan;
  private final Long2LongOpenHashMap index;
  private final int replicates;
  private final byte[] status;
  private final long[] byStatus = new long[RunStatus.values().length];
  private final Map<String, double[]> spendByVariation = new HashMap<>();
  private final Map<String, Failure> failures = new LinkedHashMap<>();
  private final ArrayDeque<long[]> recent = new ArrayDeque<>();
  private final RankingData ranking;
  private long offset;
  private long lines;
  private long skipped;
  private double spend;
  private long costed;
  private long firstStart = Long.MAX_VALUE;
  private long lastEnd = Long.MIN_VALUE;

  /** Runs of one error type: how many and a few examples (run id and message). */
  public record Failure(String type, long count, List<String> examples) {}

  /**
   * A snapshot.
   *
   * @param sweep the sweep's name
   * @param planned runs in the plan
   * @param byStatus runs by status (indexed by {@link RunStatus#ordinal()})
   * @param missing runs still to run (none yet, or cancelled/skipped), as {@code status} counts
   *     them
   * @param spend the journal's total cost, NaN when no run reported one
   * @param budget the budget's total, NaN without one
   * @param budgetUnit the budget's unit, or ""
   * @param spendByVariation cost and runs per variation id
   * @param failures failed and timed-out runs by error type, most frequent first
   * @param runsPerSecond runs finished per second over the last runs (by their start and end
   *     times), NaN if unknown
   * @param journalLines lines read so far
   * @param journalBytes bytes read so far
   */
  public record Snapshot(
      String sweep,
      long planned,
      long[] byStatus,
      long missing,
      double spend,
      double budget,
      String budgetUnit,
      Map<String, double[]> spendByVariation,
      List<Failure> failures,
      double runsPerSecond,
      long journalLines,
      long journalBytes) {

    /** Finished runs of any status. */
    public long finished() {
      long n = 0;
      for (long c : byStatus) {
        n += c;
      }
      return n;
    }

    /** Seconds left at the current rate, NaN when unknown, 0 when nothing is missing. */
    public double etaSeconds() {
      return missing == 0 ? 0 : runsPerSecond > 0 ? missing / runsPerSecond : Double.NaN;
    }
  }

  private JournalTail(Path dir, SweepSpec spec) {
    this.journal = dir.resolve(OutputFolder.JOURNAL);
    this.spec = spec;
    this.plan = RunPlan.of(spec);
    this.index = JournalLoader.keyIndex(plan);
    this.replicates = plan.replicates();
    RunColumns.requireCapacity(plan.runCount());
    this.status = new byte[(int) plan.runCount()];
    this.ranking = new RankingData((int) plan.runCount(), replicates);
  }

  /**
   * Opens a folder; nothing is read until {@link #poll()}.
   *
   * @throws IllegalArgumentException when it is not a sweep output folder, or its spec cannot be
   *     read
   */
  public static JournalTail open(Path dir) {
    Path specFile = dir.resolve(OutputFolder.SPEC);
    if (!Files.isRegularFile(specFile)) {
      throw new IllegalArgumentException(
          dir + " is not a sweep output folder: it has no " + OutputFolder.SPEC);
    }
    return new JournalTail(dir, SpecLoader.load(specFile));
  }

  /** Reads what was appended since the last poll and returns the state. */
  public Snapshot poll() {
    try {
      readNew();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + journal + ": " + e.getMessage(), e);
    }
    long done = 0;
    for (byte s : status) {
      if (s != 0
          && s - 1 != RunStatus.CANCELLED.ordinal()
          && s - 1 != RunStatus.SKIPPED.ordinal()) {
        done++;
      }
    }
    long planned = PendingRuns.plannedRuns(plan, spec.execution().shard());
    List<Failure> f = new ArrayList<>(failures.values());
    f.sort((a, b) -> Long.compare(b.count(), a.count()));
    double budget = spec.budget() == null ? Double.NaN : spec.budget().total();
    String unit = spec.budget() == null || spec.budget().unit() == null ? "" : spec.budget().unit();
    Map<String, double[]> byVariation = new HashMap<>();
    spendByVariation.forEach((k, v) -> byVariation.put(k, v.clone()));
    return new Snapshot(
        spec.name(),
        planned,
        byStatus.clone(),
        Math.max(0, planned - done),
        costed == 0 ? Double.NaN : spend,
        budget,
        unit,
        byVariation,
        f,
        rate(),
        lines,
        offset);
  }

  /** The runs read so far, for a ranking while the sweep runs. */
  public RankingData rankingData() {
    return ranking;
  }

  private double rate() {
    if (recent.size() < 2) {
      return Double.NaN;
    }
    long from = Long.MAX_VALUE;
    long to = Long.MIN_VALUE;
    for (long[] r : recent) {
      from = Math.min(from, r[0]);
      to = Math.max(to, r[1]);
    }
    return to > from ? recent.size() * 1000.0 / (to - from) : Double.NaN;
  }

  private void readNew() throws IOException {
    if (!Files.isRegularFile(journal)) {
      return;
    }
    try (FileChannel ch = FileChannel.open(journal, StandardOpenOption.READ)) {
      long size = ch.size();
      if (size < offset) { // the folder was replaced: start again
        reset();
      }
      ByteBuffer buf = ByteBuffer.allocate(CHUNK);
      byte[] carry = new byte[0];
      long pos = offset;
      while (pos < size) {
        buf.clear();
        int n = ch.read(buf, pos);
        if (n <= 0) {
          break;
        }
        byte[] b = new byte[carry.length + n];
        System.arraycopy(carry, 0, b, 0, carry.length);
        System.arraycopy(buf.array(), 0, b, carry.length, n);
        pos += n;
        int start = 0;
        for (int i = 0; i < b.length; i++) {
          if (b[i] == '\n') {
            line(b, start, i - start);
            offset += i + 1 - start;
            start = i + 1;
          }
        }
        carry = java.util.Arrays.copyOfRange(b, start, b.length);
      }
    }
  }

  private void reset() {
    offset = 0;
    lines = 0;
    skipped = 0;
    spend = 0;
    costed = 0;
    java.util.Arrays.fill(status, (byte) 0);
    java.util.Arrays.fill(byStatus, 0);
    spendByVariation.clear();
    failures.clear();
    recent.clear();
    ranking.clear();
  }

  private void line(byte[] b, int off, int len) {
    if (len == 0) {
      return;
    }
    lines++;
    JournalReader.Entry e;
    RunStatus st;
    try {
      e = JournalReader.parse(b, off, len);
      st = RunStatus.fromLabel(e.status());
    } catch (IOException | RuntimeException ex) {
      skipped++;
      return;
    }
    long v = index.get(VariationKeys.shortKey(e.variationKey()));
    if (v < 0 || e.replicate() > replicates) {
      return;
    }
    int slot = (int) (v * replicates + e.replicate() - 1);
    if (status[slot] != 0) {
      byStatus[status[slot] - 1]--;
    }
    status[slot] = (byte) (st.ordinal() + 1);
    byStatus[st.ordinal()]++;
    if (!Double.isNaN(e.cost())) {
      spend += e.cost();
      costed++;
      double[] s = spendByVariation.computeIfAbsent(e.variationId(), k -> new double[2]);
      s[0] += e.cost();
      s[1]++;
    }
    if (e.errorType() != null && (st == RunStatus.FAILED || st == RunStatus.TIMEOUT)) {
      Failure old = failures.get(e.errorType());
      List<String> ex = old == null ? new ArrayList<>() : new ArrayList<>(old.examples());
      if (ex.size() < EXAMPLES) {
        ex.add(e.runId() + ": " + (e.errorMessage() == null ? "" : e.errorMessage()));
      }
      failures.put(
          e.errorType(), new Failure(e.errorType(), old == null ? 1 : old.count() + 1, ex));
    }
    try {
      long start = Instant.parse(e.startedAt()).toEpochMilli();
      long end = start + (long) (Double.isNaN(e.durationMs()) ? 0 : e.durationMs());
      firstStart = Math.min(firstStart, start);
      lastEnd = Math.max(lastEnd, end);
      recent.addLast(new long[] {start, end});
      if (recent.size() > RATE_WINDOW) {
        recent.removeFirst();
      }
    } catch (RuntimeException ignored) {
      // no usable time: the run still counts, only not in the rate
    }
    ranking.put(slot, e, st);
  }
}
