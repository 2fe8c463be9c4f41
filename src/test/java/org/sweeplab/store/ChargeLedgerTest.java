package org.sweeplab.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sweeplab.run.PlannedRun;
import org.sweeplab.space.RunPlan;
import org.sweeplab.spec.SweepSpec;

/** The charge ledger survives interrupted writers and torn tails. */
class ChargeLedgerTest {
  @TempDir Path tmp;

  @Test
  void anInterruptedChargingThreadDoesNotCloseTheLedger() throws Exception {
    RunPlan plan = RunPlan.of(SweepSpec.builder("l").simulation("x").range("i", 1, 2, 1).build());
    PlannedRun run = PlannedRun.of(plan, plan.variations().next(), 1);
    Path file = tmp.resolve("charges.jsonl");
    Files.writeString(file, "{\"run_id\":\"torn"); // a crash in the middle of a line
    try (ChargeLedger ledger = ChargeLedger.open(file)) {
      Thread.currentThread().interrupt(); // as a cancelled run's thread is
      try {
        ledger.append(run, 1, 0.5);
      } finally {
        Thread.interrupted();
      }
      ledger.append(run, 2, 0.25);
    }
    List<String> lines = new ArrayList<>(Files.readAllLines(file));
    assertEquals(2, lines.size(), lines.toString());
    assertEquals(
        "{\"run_id\":\"var-0001-run-001\",\"variation_key\":\""
            + run.variation().key()
            + "\",\"replicate\":1,\"attempt\":2,\"cost\":0.25}",
        lines.get(1));
  }
}
