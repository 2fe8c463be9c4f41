package org.sweeplab.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sweeplab.run.RunStatus;
import org.sweeplab.sim.Metrics;
import org.sweeplab.sim.Simulation;
import org.sweeplab.spec.Shard;
import org.sweeplab.spec.SpecLoader;
import org.sweeplab.spec.SweepSpec;

class ShardMergeTest {
  @TempDir Path tmp;

  /** 3 x 5 variations (15, so 4 shards get 4, 4, 4 and 3), 2 replicates, one failing point. */
  static SweepSpec spec(long seed) {
    return SweepSpec.builder("sharded")
        .simulation("custom")
        .values("strategy", "a", "b", "c")
        .range("budget", 10, 50, 10)
        .replicates(2)
        .seed(seed)
        .maxParallel(2)
        .build();
  }

  static final Simulation SIM =
      ctx -> {
        if (ctx.getString("strategy").equals("c") && ctx.getLong("budget") == 20) {
          throw new IllegalStateException("stalled at budget 20");
        }
        return Metrics.builder()
            .put("score", ctx.random().nextGaussian() + ctx.getLong("budget"))
            .put("ticks", ctx.getLong("budget") * 2)
            .build();
      };

  private List<Path> runShards(SweepSpec spec, String prefix, int count) {
    List<Path> dirs = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Path d = tmp.resolve(prefix + i);
      SweepResult r = Sweep.of(spec).shard(Shard.of(i, count)).simulation(SIM).output(d).run();
      assertEquals(
          spec.replicates() * Shard.of(i, count).sizeOf(15),
          r.planned(),
          "shard " + i + " planned runs");
      assertEquals(0, r.missing());
      dirs.add(d);
    }
    return dirs;
  }

  @Test
  void mergedShardsEqualAnUnshardedRun() throws IOException {
    SweepSpec spec = spec(7);
    SweepResult whole = Sweep.of(spec).simulation(SIM).output(tmp.resolve("whole")).run();
    List<Path> dirs = runShards(spec, "s", 4);

    // Balanced and disjoint: 4 + 4 + 4 + 3 variations, each run in exactly one shard.
    Set<String> runIds = new HashSet<>();
    int lines = 0;
    for (Path d : dirs) {
      for (String line : Files.readAllLines(d.resolve("runs.jsonl"), StandardCharsets.UTF_8)) {
        runIds.add(line.substring(0, line.indexOf(",\"variation_id\"")));
        lines++;
      }
    }
    assertEquals(30, lines);
    assertEquals(30, runIds.size());
    assertTrue(
        Files.readString(dirs.get(2).resolve("summary.json")).contains("\"shard\" : \"2/4\""));
    assertEquals(
        "2/4", SpecLoader.load(dirs.get(2).resolve("sweep.yaml")).execution().shard().toString());

    Merge.Report report = Merge.of(dirs).into(tmp.resolve("merged"));
    assertTrue(report.complete());
    assertEquals(30, report.merged());
    assertEquals(0, report.duplicates());
    assertEquals(
        SweepDeterminismTest.withoutDuration(whole.outputDir()),
        SweepDeterminismTest.withoutDuration(report.output()));
    assertEquals(2, report.result().count(RunStatus.FAILED));
    assertTrue(
        Shard.all()
            .equals(SpecLoader.load(report.output().resolve("sweep.yaml")).execution().shard()));
  }

  @Test
  void missingShardIsListedAndResumeRunsOnlyIt() throws IOException {
    SweepSpec spec = spec(7);
    List<Path> dirs = runShards(spec, "m", 4);
    Merge.Report report = Merge.of(dirs.subList(0, 3)).into(tmp.resolve("partial"));
    assertFalse(report.complete());
    assertEquals(6, report.missing()); // shard 3 holds variations 3, 7 and 11, two replicates each
    assertEquals(
        List.of(
            "var-0004-run-001",
            "var-0004-run-002",
            "var-0008-run-001",
            "var-0008-run-002",
            "var-0012-run-001",
            "var-0012-run-002"),
        report.missingRunIds());

    SweepResult resumed = Sweep.resuming(report.output()).simulation(SIM).run();
    assertEquals(6, resumed.session().done());
    assertEquals(0, resumed.missing());
    SweepResult whole = Sweep.of(spec).simulation(SIM).output(tmp.resolve("whole")).run();
    assertEquals(
        SweepDeterminismTest.withoutDuration(whole.outputDir()),
        SweepDeterminismTest.withoutDuration(resumed.outputDir()));
  }

  @Test
  void shardsOfDifferentSpecsAreRefused() {
    List<Path> a = runShards(spec(7), "a", 2);
    List<Path> b = runShards(spec(8), "b", 2);
    Path out = tmp.resolve("mixed");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Merge.of(a.get(0), b.get(1)).into(out));
    assertTrue(
        e.getMessage().startsWith("cannot merge: the folders come from different specs"),
        e.getMessage());
    assertTrue(
        e.getMessage().contains(a.get(0).toString())
            && e.getMessage().contains(b.get(1).toString()),
        e.getMessage());
    assertFalse(
        Files.exists(out.resolve("runs.jsonl")), "nothing is written when the merge is refused");
  }

  @Test
  void duplicatesAreDroppedAndConflictsReported() throws IOException {
    SweepSpec spec = spec(7);
    List<Path> dirs = runShards(spec, "d", 2);
    // A copy of shard 0 with one run's outcome changed: an exact duplicate of every other run, one
    // conflict.
    Path copy = tmp.resolve("copy");
    Files.createDirectories(copy);
    Files.copy(dirs.get(0).resolve("sweep.yaml"), copy.resolve("sweep.yaml"));
    List<String> lines =
        Files.readAllLines(dirs.get(0).resolve("runs.jsonl"), StandardCharsets.UTF_8);
    List<String> changed = new ArrayList<>();
    String target = null;
    for (String l : lines) {
      if (target == null && l.contains("\"status\":\"ok\"")) {
        target = l.substring(l.indexOf("\"run_id\":\"") + 10, l.indexOf("\",\"variation_id\""));
        l =
            l.replace("\"ticks\":", "\"ticks\":1")
                .replaceAll("\"duration_ms\":[0-9.]+", "\"duration_ms\":99.5");
      } else {
        l =
            l.replaceAll(
                "\"duration_ms\":[0-9.]+",
                "\"duration_ms\":12.25"); // timing differs: still a duplicate
      }
      changed.add(l);
    }
    Files.write(copy.resolve("runs.jsonl"), changed, StandardCharsets.UTF_8);

    Merge.Report report = Merge.of(dirs.get(0), dirs.get(1), copy).into(tmp.resolve("dups"));
    assertEquals(30, report.merged());
    assertEquals(lines.size() - 1, report.duplicates());
    assertEquals(1, report.conflicts().size());
    Merge.Conflict c = report.conflicts().get(0);
    assertEquals(target, c.runId());
    assertEquals(dirs.get(0), c.kept());
    assertEquals(copy, c.dropped());
    assertFalse(report.complete());
    assertEquals(0, report.missing());
    assertEquals(30, Files.readAllLines(report.output().resolve("runs.jsonl")).size());
  }

  @Test
  void mergeRefusesAnOutputThatHoldsASweep() {
    List<Path> dirs = runShards(spec(7), "o", 2);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Merge.of(dirs).into(dirs.get(0)));
    assertTrue(e.getMessage().contains("it is one of the folders read"), e.getMessage());
  }
}
