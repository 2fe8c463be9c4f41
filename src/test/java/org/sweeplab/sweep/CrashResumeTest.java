package org.sweeplab.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a sweep's JVM with SIGKILL mid-sweep, resumes, and checks nothing was lost or duplicated.
 */
class CrashResumeTest {
  @TempDir Path tmp;

  @Test
  void resumeAfterKillNineEqualsAnUninterruptedRun() throws Exception {
    Path crashed = tmp.resolve("crashed");
    String java = ProcessHandle.current().info().command().orElse("java");
    Process child =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                KillableSweepMain.class.getName(),
                crashed.toString())
            .redirectErrorStream(true)
            .redirectOutput(tmp.resolve("child.log").toFile())
            .start();
    Path journal = crashed.resolve("runs.jsonl");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (lines(journal) < 60 && child.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertTrue(
        child.isAlive(),
        "the child finished before it could be killed: "
            + Files.readString(tmp.resolve("child.log")));
    child.destroyForcibly(); // SIGKILL on Linux
    child.waitFor(10, TimeUnit.SECONDS);
    long before = lines(journal);
    assertTrue(before < 240, "the sweep should have been killed part-way, journal has " + before);

    SweepResult resumed =
        Sweep.of(KillableSweepMain.spec())
            .simulation(KillableSweepMain.SIM)
            .output(crashed)
            .ifExists(ExistingOutput.RESUME)
            .run();
    SweepResult clean =
        Sweep.of(KillableSweepMain.spec())
            .simulation(KillableSweepMain.SIM)
            .output(tmp.resolve("clean"))
            .run();

    assertEquals(240, resumed.planned());
    assertEquals(0, resumed.missing());
    assertEquals(
        SweepDeterminismTest.withoutDuration(clean.outputDir()),
        SweepDeterminismTest.withoutDuration(resumed.outputDir()));
    // Every run is in the journal exactly once (a torn last line, if any, was cut off).
    List<String> journalLines = Files.readAllLines(journal);
    Set<String> ids = new HashSet<>();
    for (String l : journalLines) {
      String id = l.substring(l.indexOf("\"run_id\":\"") + 10, l.indexOf("\",\"variation_id\""));
      assertTrue(ids.add(id), "duplicate run in the journal: " + id);
    }
    assertEquals(240, ids.size());
  }

  /**
   * Issue 10, defect 2: four runs in flight have each streamed a cost of 1 when the sweep is killed
   * with SIGKILL. That money is spent: after the resume, costs.json counts it besides the 8 runs
   * that complete.
   */
  @Test
  void costsStreamedByRunsInFlightSurviveKillNine() throws Exception {
    Path folder = tmp.resolve("streaming");
    Path ledger = tmp.resolve("ledger.txt");
    String java = ProcessHandle.current().info().command().orElse("java");
    ProcessBuilder pb =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                KillableSweepMain.class.getName(),
                folder.toString(),
                ledger.toString())
            .redirectErrorStream(true)
            .redirectOutput(tmp.resolve("child.log").toFile());
    pb.environment().put("WORK_SECONDS", "2");
    Process child = pb.start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (lines(ledger) < 4 && child.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    // Killed at once: sweeplab may not have read the cost lines yet; the resume finds them in the
    // commands' stdout spools.
    assertTrue(child.isAlive(), Files.readString(tmp.resolve("child.log")));
    child.destroyForcibly();
    child.waitFor(10, TimeUnit.SECONDS);
    assertEquals(4, lines(ledger));

    SweepResult resumed =
        Sweep.of(KillableSweepMain.streamingCosts(ledger))
            .output(folder)
            .ifExists(ExistingOutput.RESUME)
            .run();
    assertEquals(8, resumed.count(org.sweeplab.run.RunStatus.OK));
    long real = lines(ledger);
    assertEquals(12, real);
    assertEquals(real, resumed.totalCost(), 0);
    String costs = Files.readString(folder.resolve("costs.json"));
    assertTrue(costs.contains("\"total_cost\" : 12.0"), costs);
    assertTrue(costs.contains("\"remaining\" : 88.0"), costs);
  }

  /**
   * Issue 10, defect 6: the commands of a sweep killed with SIGKILL are orphaned and keep running;
   * the resume of the same folder ends them (they carry the folder's tag) before it reruns their
   * runs.
   */
  @Test
  void resumeEndsTheProcessesOrphanedByKillNine() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(
        Files.isDirectory(Path.of("/proc/self")), "needs /proc");
    Path folder = tmp.resolve("orphans");
    Path ledger = tmp.resolve("ledger.txt");
    String nonce = "TRUST_NONCE=" + System.nanoTime();
    String java = ProcessHandle.current().info().command().orElse("java");
    ProcessBuilder pb =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                KillableSweepMain.class.getName(),
                folder.toString(),
                ledger.toString())
            .redirectErrorStream(true)
            .redirectOutput(tmp.resolve("child.log").toFile());
    pb.environment().put("WORK_SECONDS", "60");
    pb.environment().put("TRUST_NONCE", nonce.substring(nonce.indexOf('=') + 1));
    Process child = pb.start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (lines(ledger) < 4 && child.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    Thread.sleep(200);
    child.destroyForcibly();
    child.waitFor(10, TimeUnit.SECONDS);
    assertTrue(
        withEnvironment(nonce) >= 4, "the orphaned commands should still run before the resume");

    SweepResult resumed =
        Sweep.of(KillableSweepMain.streamingCosts(ledger))
            .output(folder)
            .ifExists(ExistingOutput.RESUME)
            .run();
    assertEquals(8, resumed.count(org.sweeplab.run.RunStatus.OK));
    assertEquals(0, withEnvironment(nonce), "processes of the killed session outlived the resume");
    assertEquals(12, lines(ledger), "the orphans must not go on spending");
  }

  /** Running processes (not zombies) whose environment holds {@code entry}. */
  static long withEnvironment(String entry) throws IOException {
    long n = 0;
    try (var dirs = Files.list(Path.of("/proc"))) {
      for (Path d : dirs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
        try {
          String env =
              new String(
                  Files.readAllBytes(d.resolve("environ")),
                  java.nio.charset.StandardCharsets.UTF_8);
          String stat = Files.readString(d.resolve("stat"));
          if ((env.startsWith(entry + "\0") || env.contains("\0" + entry + "\0"))
              && stat.charAt(stat.lastIndexOf(')') + 2) != 'Z') {
            n++;
          }
        } catch (IOException e) {
          // gone, or not ours to read
        }
      }
    }
    return n;
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
