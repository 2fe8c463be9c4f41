package org.sweeplab.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10, defect 2: the cost lines a command wrote to its stdout spool before sweeplab died, but
 * that sweeplab had not yet charged, are charged by the next resume; none twice.
 */
class SpoolRecoveryTest {
  @TempDir Path tmp;

  private static final String KEY = "0123456789abcdef0123456789abcdef";
  private static final String SPOOL = "var-0002-run-003~" + KEY + "~3~2~4242-7-99.spool";

  @Test
  void chargesTheSpooledCostLinesTheLedgerLacksAndRemovesTheSpool() throws Exception {
    Path runs = Files.createDirectories(tmp.resolve("runs").resolve(".spool")).getParent();
    Files.writeString(
        runs.resolve(".spool").resolve(SPOOL),
        "starting\n{\"cost\": 1.5}\n{\"telemetry\": {\"step\": 1, \"loss\": 2}}\n"
            + "{\"cost\": 0.25}\n{\"cost\": -3}\n{\"cost\": 2, \"note\": \"not a cost line\"}\n"
            + "{\"cost\": 4}",
        StandardCharsets.UTF_8);
    Path charges = tmp.resolve("charges.jsonl");
    // The session that died had charged the first cost line only.
    Files.writeString(
        charges,
        "{\"run_id\":\"var-0002-run-003\",\"variation_key\":\""
            + KEY
            + "\",\"replicate\":3,\"attempt\":2,\"spool\":\""
            + SPOOL
            + "\",\"line\":1,\"cost\":1.5}\n",
        StandardCharsets.UTF_8);
    List<String> warnings = new ArrayList<>();

    assertEquals(2, SpoolRecovery.recover(runs, charges, warnings));

    List<String> lines = Files.readAllLines(charges, StandardCharsets.UTF_8);
    assertEquals(3, lines.size(), lines.toString());
    String prefix =
        "{\"run_id\":\"var-0002-run-003\",\"variation_key\":\""
            + KEY
            + "\",\"replicate\":3,\"attempt\":2,\"spool\":\""
            + SPOOL;
    // Line 3 (-3) is no valid charge: the live reader fails the run on it and charges nothing.
    assertEquals(prefix + "\",\"line\":2,\"cost\":0.25}", lines.get(1));
    assertEquals(prefix + "\",\"line\":4,\"cost\":4.0}", lines.get(2));
    assertFalse(Files.exists(runs.resolve(".spool").resolve(SPOOL)));
    assertEquals(1, warnings.size(), warnings.toString());
    assertTrue(
        warnings.get(0).startsWith("2 charge(s) that commands of 1 run(s)"), warnings.get(0));

    // A second resume finds nothing left to charge.
    assertEquals(0, SpoolRecovery.recover(runs, charges, new ArrayList<>()));
    assertEquals(3, Files.readAllLines(charges, StandardCharsets.UTF_8).size());
  }

  @Test
  void leavesFilesThatAreNotSpoolsAlone() throws Exception {
    Path runs = Files.createDirectories(tmp.resolve("runs").resolve(".spool")).getParent();
    Path foreign =
        Files.writeString(runs.resolve(".spool").resolve("notes.txt"), "{\"cost\": 1}\n");
    Path charges = tmp.resolve("charges.jsonl");
    assertEquals(0, SpoolRecovery.recover(runs, charges, new ArrayList<>()));
    assertTrue(Files.exists(foreign));
    assertFalse(Files.exists(charges), "nothing to recover: the ledger is not even opened");
  }
}
