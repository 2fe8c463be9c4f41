package org.sweeplab.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sweeplab.run.RunStatus;
import org.sweeplab.spec.SweepSpec;
import org.sweeplab.store.FolderTables;
import org.sweeplab.store.OutputFolder;

/**
 * The tables of a folder rebuilt from its journal alone equal those the sweep wrote (timing aside).
 */
class FolderTablesRebuildTest {
  @TempDir Path tmp;

  @Test
  void rebuildingFromTheJournalWritesTheSameTables() throws IOException {
    SweepSpec spec =
        SweepSpec.builder("rebuild")
            .simulation("custom")
            .values("strategy", "a", "b", "c")
            .range("budget", 10, 40, 10)
            .replicates(2)
            .seed(7)
            .maxParallel(2)
            .build();
    SweepResult ran =
        Sweep.of(spec).simulation(SweepDeterminismTest.SIM).output(tmp.resolve("a")).run();
    Path dir = ran.outputDir();
    String results = SweepDeterminismTest.withoutDuration(dir);
    JsonNode summary = withoutTiming(dir.resolve("summary.json"));
    byte[] costs = Files.readAllBytes(dir.resolve("costs.json"));
    Files.delete(dir.resolve("results.csv"));
    Files.delete(dir.resolve("summary.json"));
    Files.delete(dir.resolve("costs.json"));

    List<String> warnings = new ArrayList<>();
    FolderTables.Written w;
    try (OutputFolder folder = OutputFolder.open(dir)) {
      w = FolderTables.rebuild(folder, spec, null, warnings);
    }
    assertEquals(List.of(), warnings);
    assertEquals(results, SweepDeterminismTest.withoutDuration(dir));
    assertEquals(summary, withoutTiming(dir.resolve("summary.json")));
    assertArrayEquals(costs, Files.readAllBytes(dir.resolve("costs.json")));
    assertEquals(ran.planned(), w.planned());
    assertEquals(ran.count(RunStatus.FAILED), w.counts()[RunStatus.FAILED.ordinal()]);
    assertEquals(0, w.missing());
    assertEquals(0, w.pending());
  }

  private static JsonNode withoutTiming(Path summary) throws IOException {
    ObjectNode n = (ObjectNode) new ObjectMapper().readTree(summary.toFile());
    for (String k :
        List.of("duration_ms", "started_at", "finished_at", "elapsed_ms", "environment")) {
      n.remove(k);
    }
    return n;
  }
}
