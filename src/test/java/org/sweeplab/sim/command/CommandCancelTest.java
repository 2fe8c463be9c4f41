package org.sweeplab.sim.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sweeplab.sim.command.CommandTestSupport.sim;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.sweeplab.sim.Metrics;
import org.sweeplab.sim.Simulation;

/**
 * Cancellation, interrupts and graceful stops end the whole process tree, grandchildren and orphans
 * included.
 */
@Timeout(60)
class CommandCancelTest {
  @TempDir Path root;

  /**
   * Starts children, grandchildren and an orphan (its parent subshell exits at once); all sleep;
   * pids to a file.
   */
  private static final String TREE =
      """
      echo $$ >> pids
      sh -c 'sleep 1000 & echo $! >> pids; sleep 1000 & echo $! >> pids; echo $$ >> pids; wait' &
      ( sleep 1000 & echo $! >> pids ) &
      sleep 1000 &
      echo $! >> pids
      while [ "$(wc -l < pids)" -lt 6 ]; do sleep 0.01; done
      echo ready > ready
      wait
      """;

  /** A run on its own thread, so the test can cancel or interrupt it. */
  private static final class Runner {
    final AtomicReference<Object> outcome = new AtomicReference<>();
    final Thread thread;

    Runner(Simulation sim, FakeRunContext ctx) {
      thread =
          new Thread(
              () -> {
                try {
                  outcome.set(sim.run(ctx));
                } catch (Throwable t) {
                  outcome.set(t);
                }
              });
      thread.start();
    }

    Object await() throws InterruptedException {
      thread.join(20_000);
      assertFalse(thread.isAlive(), "the run did not stop");
      return outcome.get();
    }
  }

  private static List<Long> awaitPids(Path dir, int count) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!Files.exists(dir.resolve("ready")) && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    List<Long> pids =
        Files.readAllLines(dir.resolve("pids")).stream().map(Long::parseLong).toList();
    assertEquals(count, pids.size(), pids.toString());
    for (long pid : pids) {
      assertTrue(running(pid), "pid " + pid + " should run before the cancel");
    }
    return pids;
  }

  private static boolean running(long pid) {
    return ProcessHandle.of(pid).map(CommandProcessTree::isRunning).orElse(false);
  }

  private static void assertNoneRunning(List<Long> pids) {
    for (long pid : pids) {
      assertFalse(running(pid), "pid " + pid + " survived");
    }
  }

  @Test
  void cancelFlagAndInterruptKillTheWholeTree() throws Exception {
    FakeRunContext ctx = new FakeRunContext(root, Map.of());
    Runner run = new Runner(sim(TREE).withKillGrace(Duration.ofMillis(300)), ctx);
    List<Long> pids = awaitPids(ctx.runDirPath(), 6);
    long start = System.nanoTime();
    ctx.cancel();
    run.thread.interrupt();
    Object outcome = run.await();
    assertInstanceOf(CancellationException.class, outcome);
    assertEquals(
        "run var-0007-run-002 was cancelled; its command and every process it started were stopped",
        ((Throwable) outcome).getMessage());
    assertTrue(System.nanoTime() - start < Duration.ofSeconds(5).toNanos(), "cancel was slow");
    assertNoneRunning(pids);
  }

  @Test
  void interruptAloneKillsTheTreeAndKeepsTheInterruptStatus() throws Exception {
    FakeRunContext ctx = new FakeRunContext(root, Map.of());
    AtomicReference<Boolean> flag = new AtomicReference<>();
    CommandSimulation sim = sim(TREE).withKillGrace(Duration.ZERO);
    Runner run =
        new Runner(
            c -> {
              try {
                return sim.run(c);
              } finally {
                flag.set(Thread.currentThread().isInterrupted());
              }
            },
            ctx);
    List<Long> pids = awaitPids(ctx.runDirPath(), 6);
    run.thread.interrupt();
    Object outcome = run.await();
    assertTrue(((Throwable) outcome).getMessage().contains("was interrupted;"), outcome.toString());
    assertEquals(Boolean.TRUE, flag.get());
    assertNoneRunning(pids);
  }

  @Test
  void cancelFlagAloneIsNoticedWithinATick() throws Exception {
    FakeRunContext ctx = new FakeRunContext(root, Map.of());
    Runner run = new Runner(sim(TREE).withKillGrace(Duration.ofMillis(100)), ctx);
    List<Long> pids = awaitPids(ctx.runDirPath(), 6);
    ctx.cancel();
    assertInstanceOf(CancellationException.class, run.await());
    assertNoneRunning(pids);
  }

  @Test
  void gracefulCancelSendsTermFirstAndKillsAfterTheGrace() throws Exception {
    FakeRunContext polite = new FakeRunContext(root.resolve("polite"), Map.of());
    // pids before ready: the test reads pids as soon as ready exists.
    CommandSimulation sim =
        sim(
            "trap 'echo got-term > term.txt; exit 143' TERM; echo $$ > pids;"
                + " echo ready > ready; while :; do sleep 0.05; done");
    Runner run = new Runner(sim, polite);
    List<Long> pids = awaitPids(polite.runDirPath(), 1);
    assertEquals(1, sim.runsInFlight());
    long start = System.nanoTime();
    sim.cancelGracefully(Duration.ofSeconds(10));
    assertInstanceOf(CancellationException.class, run.await());
    assertTrue(
        System.nanoTime() - start < Duration.ofSeconds(5).toNanos(),
        "a polite program need not wait");
    assertEquals("got-term", Files.readString(polite.runDirPath().resolve("term.txt")).strip());
    assertNoneRunning(pids);
    assertEquals(0, sim.runsInFlight());

    FakeRunContext stubborn = new FakeRunContext(root.resolve("stubborn"), Map.of());
    CommandSimulation deaf =
        sim("trap '' TERM; echo $$ > pids; echo ready > ready; while :; do sleep 0.05; done");
    Runner run2 = new Runner(deaf, stubborn);
    List<Long> pids2 = awaitPids(stubborn.runDirPath(), 1);
    long start2 = System.nanoTime();
    deaf.cancelGracefully(Duration.ofMillis(400));
    assertInstanceOf(CancellationException.class, run2.await());
    long took = System.nanoTime() - start2;
    assertTrue(
        took >= Duration.ofMillis(400).toNanos() && took < Duration.ofSeconds(5).toNanos(),
        "took " + took);
    assertNoneRunning(pids2);
  }

  @Test
  void backgroundLeftoversHoldingStdoutAreKilledAfterTheExit() throws Exception {
    FakeRunContext ctx = new FakeRunContext(root, Map.of());
    long start = System.nanoTime();
    Metrics m = sim("sleep 1000 & echo $! > pids; echo '{\"x\": 1}'").run(ctx);
    assertEquals(Metrics.of("x", 1L), m);
    assertTrue(
        System.nanoTime() - start < Duration.ofSeconds(2).toNanos(),
        "waited for the background sleep");
    assertNoneRunning(
        List.of(Long.parseLong(Files.readString(ctx.runDirPath().resolve("pids")).strip())));
  }

  /**
   * Issue 10, defect 6: a background child holding stdout leaked in some of 8 fast runs. Every run
   * ends its whole process group, so none of the 8 leaves its sleep behind.
   */
  @Test
  void noBackgroundChildOutlivesAnyOfEightFastRuns() throws Exception {
    for (int i = 0; i < 8; i++) {
      FakeRunContext ctx = new FakeRunContext(root.resolve("r" + i), Map.of());
      assertEquals(
          Metrics.of("x", 1L), sim("sleep 2001 & echo $! > pids; echo '{\"x\": 1}'").run(ctx));
      assertNoneRunning(
          List.of(Long.parseLong(Files.readString(ctx.runDirPath().resolve("pids")).strip())));
    }
  }
}
