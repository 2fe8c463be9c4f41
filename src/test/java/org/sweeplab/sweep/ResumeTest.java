package org.sweeplab.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sweeplab.run.RunStatus;
import org.sweeplab.sim.Metrics;
import org.sweeplab.sim.Simulation;
import org.sweeplab.spec.SweepSpec;
import org.sweeplab.store.FailedRuns;
import org.sweeplab.store.TestCsv;

class ResumeTest {
  @TempDir Path tmp;

  final AtomicInteger calls = new AtomicInteger();
  final Simulation sim =
      ctx -> {
        calls.incrementAndGet();
        if (ctx.getString("mode").equals("flaky") && ctx.replicate() == 1) {
          throw new IllegalStateException("flaky run");
        }
        return Metrics.of("y", ctx.random().nextDouble() + ctx.getLong("n"));
      };

  SweepSpec spec(int replicates, Object... modes) {
    return SweepSpec.builder("resume")
        .simulation("s")
        .values("mode", modes)
        .range("n", 1, 3, 1)
        .replicates(replicates)
        .seed(5)
        .maxParallel(2)
        .build();
  }

  @Test
  void addingReplicatesAndValuesRunsOnlyTheNewPoints() throws Exception {
    Path dir = tmp.resolve("out");
    Sweep.of(spec(2, "a", "b")).simulation(sim).output(dir).run();
    assertEquals(12, calls.getAndSet(0));

    SweepResult more =
        Sweep.of(spec(3, "a", "b", "c"))
            .simulation(sim)
            .output(dir)
            .ifExists(ExistingOutput.RESUME)
            .run();
    assertEquals(27 - 12, calls.get(), "only the new runs ran");
    assertEquals(27, more.planned());
    assertEquals(0, more.missing());
    assertTrue(
        more.warnings().stream().anyMatch(w -> w.contains("replicates changed from 2 to 3")),
        more.warnings().toString());

    Sweep.of(spec(3, "a", "b", "c")).simulation(sim).output(tmp.resolve("fresh")).run();
    assertEquals(
        TestCsv.withoutColumn(tmp.resolve("fresh/results.csv"), "duration_ms"),
        TestCsv.withoutColumn(dir.resolve("results.csv"), "duration_ms"));
  }

  @Test
  void resumingACompleteFolderRunsNothingAndRetryFailedRerunsFailures() throws Exception {
    Path dir = tmp.resolve("out");
    SweepResult first = Sweep.of(spec(2, "ok", "flaky")).simulation(sim).output(dir).run();
    assertEquals(3, first.count(RunStatus.FAILED));
    calls.set(0);
    long before = Files.getLastModifiedTime(dir.resolve("results.csv")).toMillis();
    SweepResult again =
        Sweep.of(spec(2, "ok", "flaky"))
            .simulation(sim)
            .output(dir)
            .ifExists(ExistingOutput.RESUME)
            .run();
    assertEquals(0, calls.get());
    assertEquals(3, again.count(RunStatus.FAILED));
    assertEquals(before, Files.getLastModifiedTime(dir.resolve("results.csv")).toMillis());

    SweepResult retried =
        Sweep.of(spec(2, "ok", "flaky"))
            .simulation(sim)
            .output(dir)
            .ifExists(ExistingOutput.RESUME)
            .failedRuns(FailedRuns.RETRY)
            .run();
    assertEquals(3, calls.get(), "only the failed runs ran again");
    assertEquals(3, retried.count(RunStatus.FAILED), "the same seed fails the same way");
    assertEquals(
        12 + 3, Files.readAllLines(dir.resolve("runs.jsonl")).size(), "the journal keeps both");
  }

  @Test
  void changesThatAlterFinishedRunsAreRefused() {
    Path dir = tmp.resolve("out");
    Sweep.of(spec(1, "a")).simulation(sim).output(dir).run();
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                Sweep.of(spec(1, "a").withSeed(6))
                    .simulation(sim)
                    .output(dir)
                    .ifExists(ExistingOutput.RESUME)
                    .run());
    assertTrue(
        e.getMessage().contains("cannot resume: the seed changed from 5 to 6"), e.getMessage());
    IllegalArgumentException sim2 =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                Sweep.of(
                        spec(1, "a")
                            .withSimulation(new org.sweeplab.spec.SimulationSpec.Named("other")))
                    .simulation(sim)
                    .output(dir)
                    .ifExists(ExistingOutput.RESUME)
                    .run());
    assertTrue(
        sim2.getMessage()
            .contains("the simulation changed from given in code (s) to given in code (other)"),
        sim2.getMessage());
  }

  /**
   * Issue 10, defect 10: a journal line with an unknown status is named in a warning, and its run
   * runs again.
   */
  @Test
  void anUnknownStatusInTheJournalIsNamedAndItsRunRunsAgain() throws Exception {
    Path dir = tmp.resolve("odd");
    Sweep.of(spec(1, "a")).simulation(sim).output(dir).run();
    Path journal = dir.resolve("runs.jsonl");
    Files.writeString(
        journal,
        Files.readString(journal).replaceFirst("\"status\":\"ok\"", "\"status\":\"exploded\""));
    calls.set(0);
    SweepResult r =
        Sweep.of(spec(1, "a")).simulation(sim).output(dir).ifExists(ExistingOutput.RESUME).run();
    assertEquals(1, calls.get());
    assertEquals(3, r.count(RunStatus.OK));
    assertTrue(
        r.warnings().stream().anyMatch(w -> w.contains("unknown status 'exploded'")),
        r.warnings().toString());
    assertTrue(
        r.warnings().stream().noneMatch(w -> w.contains("not part of the current plan")),
        r.warnings().toString());
  }

  /**
   * Issue 10, defect 10: temporary files a crash or a full disk left behind are removed on the next
   * resume.
   */
  @Test
  void leftoverTemporaryFilesAreRemovedOnResume() throws Exception {
    Path dir = tmp.resolve("tmpfiles");
    Sweep.of(spec(1, "a", "flaky")).simulation(sim).output(dir).run();
    for (String name :
        new String[] {"results.csv.tmp", "summary.json.tmp", "costs.json.tmp", "sweep.yaml.tmp"}) {
      Files.writeString(dir.resolve(name), "half");
    }
    Sweep.of(spec(1, "a", "flaky"))
        .simulation(sim)
        .output(dir)
        .ifExists(ExistingOutput.RESUME)
        .failedRuns(FailedRuns.RETRY)
        .run();
    try (var files = Files.list(dir)) {
      assertEquals(0, files.filter(f -> f.getFileName().toString().endsWith(".tmp")).count());
    }
  }
}
