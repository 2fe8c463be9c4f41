package org.sweeplab.race;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sweeplab.sim.examples.ArmsSimulation;
import org.sweeplab.sweep.Sweep;

/**
 * Kills a race's JVM with SIGKILL in its second round, resumes it, and checks it ends as an
 * unkilled race.
 */
class RaceKillNineTest {
  @TempDir Path tmp;

  @Test
  void aRaceKilledMidRoundResumesWhereItWas() throws Exception {
    Path crashed = tmp.resolve("crashed");
    String java = ProcessHandle.current().info().command().orElse("java");
    Process child =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                KillableRaceMain.class.getName(),
                crashed.toString())
            .redirectErrorStream(true)
            .redirectOutput(tmp.resolve("child.log").toFile())
            .start();
    Path journal = crashed.resolve("runs.jsonl");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (lines(journal) < 70
        && child.isAlive()
        && System.nanoTime() < deadline) { // round 1 has 60 runs
      Thread.sleep(5);
    }
    assertTrue(
        child.isAlive(),
        "the race ended before it could be killed: " + Files.readString(tmp.resolve("child.log")));
    child.destroyForcibly(); // SIGKILL on Linux
    child.waitFor(10, TimeUnit.SECONDS);
    long killedAt = lines(journal);
    assertTrue(
        Files.readString(crashed.resolve("summary.json")).contains("\"race\""),
        "round 1 was recorded before the kill");

    RaceOutcome resumed = Race.of(Sweep.resuming(crashed).simulation(new ArmsSimulation())).run();
    RaceOutcome clean = Race.of(Sweep.of(RaceTest.arms(2)).output(tmp.resolve("clean"))).run();
    assertTrue(resumed.race().finished());
    assertTrue(
        killedAt < clean.race().runs(),
        "killed part-way: " + killedAt + " of " + clean.race().runs());
    assertEquals(RaceTest.eliminations(clean.race()), RaceTest.eliminations(resumed.race()));
    assertEquals(RaceTest.withoutDuration(tmp.resolve("clean")), RaceTest.withoutDuration(crashed));
    assertEquals(
        clean.race().runs(), lines(journal), "every run the race needs once in the journal");
  }

  private static long lines(Path p) throws IOException {
    if (!Files.exists(p)) {
      return 0;
    }
    try (var s = Files.lines(p)) {
      return s.count();
    }
  }
}
