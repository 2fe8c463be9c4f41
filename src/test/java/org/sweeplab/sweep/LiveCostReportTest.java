package org.sweeplab.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sweeplab.sim.Metrics;
import org.sweeplab.spec.BudgetSpec;
import org.sweeplab.spec.SweepSpec;
import org.sweeplab.store.LiveCostReport;

/** Issue 12, item 8: costs.json is written while the sweep runs, not only at its end. */
class LiveCostReportTest {
  @TempDir Path tmp;

  @Test
  void costsJsonAppearsDuringTheRun() throws Exception {
    SweepSpec spec =
        SweepSpec.builder("live")
            .simulation("m")
            .values("x", 1L, 2L, 3L)
            .maxParallel(1)
            .budget(BudgetSpec.total(100, "usd"))
            .build();
    Path dir = tmp.resolve("live");
    AtomicReference<JsonNode> seenDuring = new AtomicReference<>();
    Sweep.of(spec)
        .simulation(
            ctx -> {
              ctx.charge(1.5);
              if (ctx.getLong("x") == 3) {
                // The last run waits (at most 4 interval lengths) until a snapshot of the first two
                // is on disk.
                long deadline = System.nanoTime() + 4 * LiveCostReport.INTERVAL_MS * 1_000_000L;
                while (System.nanoTime() < deadline && seenDuring.get() == null) {
                  Path costs = dir.resolve("costs.json");
                  if (Files.isRegularFile(costs)) {
                    seenDuring.set(new ObjectMapper().readTree(costs.toFile()));
                  }
                  Thread.sleep(20);
                }
              }
              return Metrics.of("y", 1);
            })
        .output(dir)
        .run();
    JsonNode during = seenDuring.get();
    assertTrue(during != null, "costs.json was written while the last run was in flight");
    // Two runs finished; the charge of the one in flight is already spent money, so it counts too.
    assertEquals(2, during.get("totals").get("runs").asInt(), during.toString());
    assertEquals(4.5, during.get("totals").get("total_cost").asDouble(), 1e-12, during.toString());
    JsonNode end = new ObjectMapper().readTree(dir.resolve("costs.json").toFile());
    assertEquals(3, end.get("totals").get("runs").asInt());
    assertEquals(4.5, end.get("totals").get("total_cost").asDouble(), 1e-12);
  }
}
