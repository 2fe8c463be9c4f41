package org.sweeplab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher's start-up training must run its commands successfully, or no archive is made. */
class StartupTrainingTest {
  @TempDir Path tmp;

  @Test
  void trainingCommandsSucceedAndLeaveACompleteFolder() throws Exception {
    assertEquals(0, StartupTraining.train(Path.of("data/examples/tournament.yaml"), tmp));
    Path out = tmp.resolve("out");
    assertTrue(Files.isRegularFile(out.resolve("summary.json")), "the second resume rewrote it");
    assertEquals(401, Files.readAllLines(out.resolve("results.csv")).size());
    if (Files.isExecutable(StartupTraining.ECHO)) {
      // the command sweep: 40 runs of /bin/echo, each one ok with its score
      List<String> rows = Files.readAllLines(tmp.resolve("commands").resolve("results.csv"));
      assertEquals(41, rows.size());
      assertTrue(rows.stream().skip(1).allMatch(r -> r.contains(",ok,")), rows.get(1));
    }
  }
}
