package org.sweeplab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
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
  }
}
