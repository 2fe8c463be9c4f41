package org.sweeplab.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sweeplab.run.RunStatus;
import org.sweeplab.sim.Metrics;
import org.sweeplab.sim.Simulation;
import org.sweeplab.spec.SpecWriter;
import org.sweeplab.spec.SweepSpec;
import org.sweeplab.store.FailedRuns;
import org.sweeplab.store.JournalCheck;

/**
 * The resume of a complete folder trusts the counts recorded beside its journal only while the
 * journal is unchanged; any change to the journal makes it scan, and run what is missing.
 */
class JournalCheckTest {
  @TempDir Path tmp;

  final AtomicInteger calls = new AtomicInteger();
  final Simulation sim =
      ctx -> {
        calls.incrementAndGet();
        if (ctx.getLong("n") == 3 && ctx.replicate() == 2) {
          throw new IllegalStateException("fails");
        }
        return Metrics.of("y", ctx.random().nextDouble());
      };

  final SweepSpec spec =
      SweepSpec.builder("check")
          .simulation("s")
          .range("n", 1, 4, 1)
          .replicates(3)
          .seed(3)
          .maxParallel(2)
          .build();

  /** What happens to the journal after the sweep completed. */
  enum Change {
    NONE,
    /** Its last line cut off (as by a copy from an older backup): that run runs again. */
    LAST_LINE_REMOVED,
    /** A line appended by hand (a duplicate of the first): the scan decides, nothing to run. */
    LINE_APPENDED
  }

  @ParameterizedTest
  @EnumSource(Change.class)
  void resumeUsesTheRecordOnlyForAnUnchangedJournal(Change change) throws Exception {
    Path dir = tmp.resolve("out");
    Sweep.of(spec).simulation(sim).output(dir).run();
    assertEquals(12, calls.getAndSet(0));
    String hash = SpecWriter.configHash(spec);
    long[] counts = JournalCheck.counts(dir, hash, 12);
    assertNotNull(counts, "a complete folder records its journal");
    assertEquals(11, counts[RunStatus.OK.ordinal()]);
    assertEquals(1, counts[RunStatus.FAILED.ordinal()]);
    assertNull(JournalCheck.counts(dir, hash, 13), "another plan");
    assertNull(JournalCheck.counts(dir, "0000000000000000", 12), "another spec");

    Path journal = dir.resolve("runs.jsonl");
    List<String> lines = Files.readAllLines(journal, StandardCharsets.UTF_8);
    if (change == Change.LAST_LINE_REMOVED) {
      Files.write(journal, lines.subList(0, lines.size() - 1), StandardCharsets.UTF_8);
    } else if (change == Change.LINE_APPENDED) {
      Files.write(
          journal,
          (lines.get(0) + "\n").getBytes(StandardCharsets.UTF_8),
          java.nio.file.StandardOpenOption.APPEND);
    }
    if (change != Change.NONE) {
      assertNull(JournalCheck.counts(dir, hash, 12), "the journal changed");
    }

    SweepResult again = Sweep.resuming(dir).simulation(sim).run();
    assertEquals(change == Change.LAST_LINE_REMOVED ? 1 : 0, calls.get());
    assertEquals(0, again.missing());
    assertEquals(12, again.planned());
    assertEquals(1, again.count(RunStatus.FAILED));
    if (change == Change.LINE_APPENDED) {
      // nothing ran, so the tables and the record were not written again: it stays stale
      assertNull(JournalCheck.counts(dir, hash, 12));
    } else {
      assertArrayEquals(counts, JournalCheck.counts(dir, hash, 12));
    }

    // Failed runs are still to do for a resume that retries them, record or not.
    calls.set(0);
    Sweep.resuming(dir).simulation(sim).failedRuns(FailedRuns.RETRY).run();
    assertEquals(1, calls.get());
  }
}
