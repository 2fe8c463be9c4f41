package org.sweeplab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sweeplab.run.RunStatus;
import org.sweeplab.sweep.Sweep;
import org.sweeplab.sweep.SweepResult;

/**
 * SIGINT to a child JVM running {@code sweeplab run}: the sweep stops cleanly, says how to resume,
 * and a resume gives the same table as an uninterrupted run, with no run twice in the journal.
 */
class InterruptTest {
  @TempDir Path tmp;

  private Process start(Path spec, Path log) throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    return new ProcessBuilder(
            java,
            "-cp",
            System.getProperty("java.class.path"),
            Main.class.getName(),
            "run",
            "--quiet",
            spec.toString())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
  }

  /**
   * SIGINT, as Ctrl-C sends; SIGTERM when this JVM was started with SIGINT ignored (a background
   * job of a shell without job control, e.g. {@code mvn test &}): the child inherits that, so
   * SIGINT could never reach it. Both signals go through the same handler.
   */
  private static void sigint(Process p) throws Exception {
    String sig = sigintIgnored() ? "-TERM" : "-INT";
    assertEquals(0, new ProcessBuilder("kill", sig, Long.toString(p.pid())).start().waitFor());
  }

  private static boolean sigintIgnored() throws IOException {
    Path status = Path.of("/proc/self/status");
    if (!Files.exists(status)) {
      return false;
    }
    for (String line : Files.readAllLines(status)) {
      if (line.startsWith("SigIgn:")) {
        return (Long.parseUnsignedLong(line.substring(7).trim(), 16) & (1L << 1))
            != 0; // bit of signal 2
      }
    }
    return false;
  }

  private static long lines(Path p) throws IOException {
    if (!Files.exists(p)) {
      return 0;
    }
    try (Stream<String> s = Files.lines(p)) {
      return s.count();
    }
  }

  private static void waitFor(long deadlineSeconds, java.util.function.BooleanSupplier cond)
      throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(deadlineSeconds);
    while (!cond.getAsBoolean() && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
  }

  @Test
  void firstSigintLetsRunsInFlightFinishAndResumeCompletesTheTable() throws Exception {
    String body =
        "name: interrupted\n"
            + "simulation: {command: [/bin/sh, -c, 'sleep 0.05; echo \"{\\\"y\\\": $(($1 * $2))}\"', sh, '{a}', '{b}']}\n"
            + "parameters: {a: [1, 2, 3, 4, 5, 6], b: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]}\n"
            + "seed: 5\n"
            + "execution: {max_parallel: 2}\n";
    Path spec = tmp.resolve("s.yaml");
    Path dir = tmp.resolve("run");
    Files.writeString(spec, body + "output: {dir: '" + dir + "'}\n");
    Process child = start(spec, tmp.resolve("child.log"));
    Path journal = dir.resolve("runs.jsonl");
    waitFor(
        60,
        () -> {
          try {
            return lines(journal) >= 6 || !child.isAlive();
          } catch (IOException e) {
            return false;
          }
        });
    assertTrue(
        child.isAlive(),
        "the child ended before the interrupt: " + Files.readString(tmp.resolve("child.log")));
    sigint(child);
    assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the child did not stop after SIGINT");
    String log = Files.readString(tmp.resolve("child.log"));
    assertEquals(1, child.exitValue(), log);
    assertTrue(log.contains("Interrupted: no new runs will start"), log);
    assertTrue(log.contains("continue with: sweeplab resume " + dir), log);
    long before = lines(journal);
    assertTrue(before < 60, "the interrupt came too late to test anything: " + before + " runs");
    assertFalse(
        Files.readString(journal).contains("\"cancelled\""), "runs in flight should have finished");

    SweepResult resumed = Sweep.resume(dir);
    assertEquals(60, resumed.count(RunStatus.OK));
    Path clean = tmp.resolve("clean.yaml");
    Files.writeString(clean, body + "output: {dir: '" + tmp.resolve("clean") + "'}\n");
    assertEquals(0, Main.run("run", "--quiet", clean.toString()));
    assertEquals(withoutDuration(tmp.resolve("clean")), withoutDuration(dir));
    Set<String> ids = new HashSet<>();
    for (String l : Files.readAllLines(journal)) {
      assertTrue(
          ids.add(l.substring(0, l.indexOf("\",\"variation_id\""))),
          "run twice in the journal: " + l);
    }
    assertEquals(60, ids.size());
  }

  @Test
  void afterTheGracePeriodRunsInFlightAreCancelledAndTheirProcessesKilled() throws Exception {
    Path slow = tmp.resolve("slow");
    Files.writeString(slow, "");
    Path dir = tmp.resolve("run");
    Path spec = tmp.resolve("s.yaml");
    Files.writeString(
        spec,
        "name: stuck\n"
            + "simulation:\n"
            + "  command: [/bin/sh, -c, 'if [ -e \"$SLOW\" ]; then sleep 60 & echo $! > sleep.pid; wait; fi;"
            + " echo \"{\\\"y\\\": $1}\"', sh, '{a}']\n"
            + "  env: {SLOW: '"
            + slow
            + "'}\n"
            + "parameters: {a: [1, 2, 3, 4, 5, 6]}\n"
            + "execution: {max_parallel: 2, interrupt_grace: 500ms}\n"
            + "output: {dir: '"
            + dir
            + "'}\n");
    Process child = start(spec, tmp.resolve("child.log"));
    waitFor(60, () -> pidFiles(dir).size() >= 2 || !child.isAlive());
    List<Long> sleeps = pidFiles(dir);
    assertEquals(2, sleeps.size(), Files.readString(tmp.resolve("child.log")));
    long t0 = System.nanoTime();
    sigint(child);
    assertTrue(
        child.waitFor(30, TimeUnit.SECONDS), "the child did not stop after the grace period");
    double seconds = (System.nanoTime() - t0) / 1e9;
    String log = Files.readString(tmp.resolve("child.log"));
    assertTrue(seconds < 10, "stopping took " + seconds + " s");
    assertTrue(
        log.contains("The grace period of 0.5 s is over: cancelling the runs in flight."), log);
    assertTrue(
        log.contains("Interrupted: 6 runs not done (2 cancelled); continue with: sweeplab resume"),
        log);
    for (long pid : sleeps) {
      assertFalse(alive(pid), "sleep " + pid + " survived the cancel");
    }
    assertEquals(
        2,
        Files.readAllLines(dir.resolve("runs.jsonl")).stream()
            .filter(l -> l.contains("\"status\":\"cancelled\""))
            .count());

    Files.delete(slow);
    SweepResult resumed = Sweep.resume(dir);
    assertEquals(6, resumed.count(RunStatus.OK));
  }

  /**
   * Issue 10, defect 5: Ctrl-C in a terminal signals the whole foreground process group. The child
   * JVM is started as the leader of its own group (as a shell starts a job) and the group gets the
   * signal: the commands must not, so the runs in flight get the grace period, end cancelled (not
   * failed by signal 2), and a resume reruns them.
   */
  @Test
  void ctrlCToTheWholeProcessGroupReachesOnlySweeplab() throws Exception {
    Path setsid = Path.of("/usr/bin/setsid");
    org.junit.jupiter.api.Assumptions.assumeTrue(
        Files.isExecutable(setsid), "needs setsid (util-linux)");
    Path slow = tmp.resolve("slow");
    Files.writeString(slow, "");
    Path dir = tmp.resolve("run");
    Path spec = tmp.resolve("s.yaml");
    Files.writeString(
        spec,
        "name: group\n"
            + "simulation:\n"
            + "  command: [/bin/sh, -c, 'if [ -e \"$SLOW\" ]; then sleep 60 & echo $! > sleep.pid; wait; fi;"
            + " echo \"{\\\"y\\\": $1}\"', sh, '{a}']\n"
            + "  env: {SLOW: '"
            + slow
            + "'}\n"
            + "parameters: {a: [1, 2, 3, 4, 5, 6]}\n"
            + "execution: {max_parallel: 2, interrupt_grace: 300ms}\n"
            + "output: {dir: '"
            + dir
            + "'}\n");
    String java = ProcessHandle.current().info().command().orElse("java");
    Process child =
        new ProcessBuilder(
                setsid.toString(),
                java,
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "run",
                "--quiet",
                spec.toString())
            .redirectErrorStream(true)
            .redirectOutput(tmp.resolve("child.log").toFile())
            .start();
    waitFor(60, () -> pidFiles(dir).size() >= 2 || !child.isAlive());
    assertEquals(2, pidFiles(dir).size(), Files.readString(tmp.resolve("child.log")));
    String sig = sigintIgnored() ? "-TERM" : "-INT";
    assertEquals(0, new ProcessBuilder("kill", sig, "--", "-" + child.pid()).start().waitFor());
    assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the child did not stop");
    String log = Files.readString(tmp.resolve("child.log"));
    assertTrue(
        log.contains("The grace period of 0.3 s is over: cancelling the runs in flight."), log);
    String journal = Files.readString(dir.resolve("runs.jsonl"));
    assertEquals(
        2, journal.lines().filter(l -> l.contains("\"status\":\"cancelled\"")).count(), journal);
    assertFalse(journal.contains("\"status\":\"failed\""), journal);

    Files.delete(slow);
    SweepResult resumed = Sweep.resume(dir);
    assertEquals(6, resumed.count(RunStatus.OK));
  }

  private static List<Long> pidFiles(Path dir) {
    Path runs = dir.resolve("runs");
    if (!Files.isDirectory(runs)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(runs)) {
      return s.map(d -> d.resolve("sleep.pid"))
          .filter(Files::isRegularFile)
          .map(
              f -> {
                try {
                  return Long.parseLong(Files.readString(f).trim());
                } catch (IOException | NumberFormatException e) {
                  return -1L;
                }
              })
          .filter(p -> p > 0)
          .toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  /**
   * Alive and not a zombie (a zombie left to a container's init that does not reap is dead for our
   * purpose).
   */
  private static boolean alive(long pid) throws IOException {
    Path stat = Path.of("/proc", Long.toString(pid), "stat");
    if (!Files.exists(stat)) {
      return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
    String s;
    try {
      s = Files.readString(stat);
    } catch (IOException e) {
      return false; // gone while reading
    }
    return s.charAt(s.lastIndexOf(')') + 2) != 'Z';
  }

  static String withoutDuration(Path dir) throws IOException {
    StringBuilder sb = new StringBuilder();
    List<String> rows = Files.readAllLines(dir.resolve("results.csv"));
    int col = List.of(rows.get(0).split(",")).indexOf("duration_ms");
    for (String row : rows) {
      String[] f = row.split(",", -1);
      f[col] = "";
      sb.append(String.join(",", f)).append('\n');
    }
    return sb.toString();
  }
}
