package org.sweeplab.sim.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sweeplab.sim.command.CommandTestSupport.sim;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.sweeplab.sim.BudgetExceededException;
import org.sweeplab.sim.Metrics;

/**
 * Cost lines are charged as they arrive; a final cost is the total; crossing the per-run cap kills
 * the command.
 */
@Timeout(60)
class CommandCostTest {
  @TempDir Path root;

  @Test
  void streamingCostCrossingTheCapKillsTheCommand() throws Exception {
    FakeRunContext ctx = new FakeRunContext(root, Map.of(), 2.0);
    CommandSimulation sim =
        sim(
            // The count is renamed into place: a kill between the truncation and the write of
            // `echo $i > count` left it empty (CI, 2026-11-30).
            "echo $$ > pid; sleep 1000 & echo $! > child; i=0;"
                + " while :; do i=$((i+1)); echo $i > count.new; mv -f count.new count;"
                + " echo '{\"cost\": 0.5}'; sleep 0.02; done");
    long start = System.nanoTime();
    BudgetExceededException e = assertThrows(BudgetExceededException.class, () -> sim.run(ctx));
    assertEquals("run cost 2.5 crossed the per-run cap 2.0", e.getMessage());
    assertTrue(System.nanoTime() - start < 10_000_000_000L);
    Path dir = ctx.runDirPath();
    for (String file : new String[] {"pid", "child"}) {
      long pid = Long.parseLong(Files.readString(dir.resolve(file)).strip());
      assertFalse(
          ProcessHandle.of(pid).map(CommandProcessTree::isRunning).orElse(false),
          file + " survived");
    }
    String count = Files.readString(dir.resolve("count"));
    Thread.sleep(200);
    assertEquals(
        count, Files.readString(dir.resolve("count")), "the loop kept running after the kill");
    // Money spent is spent: the cost lines the command wrote before the kill are charged too, also
    // those after the one that crossed the cap (the loop counts a line before it writes it).
    int lines = Integer.parseInt(count.strip());
    assertTrue(
        ctx.cost() == 0.5 * lines || ctx.cost() == 0.5 * (lines - 1),
        "charged " + ctx.cost() + " for " + lines + " cost lines");
    assertTrue(ctx.cost() >= 2.5, "charged " + ctx.cost());
    assertFalse(Files.exists(dir.resolve("stdout.log")), "cost lines are not logged");
  }

  @Test
  void finalCostIsTheTotalAndOnlyTheRemainderIsCharged() throws Exception {
    FakeRunContext ctx = new FakeRunContext(root.resolve("a"), Map.of());
    Metrics m =
        sim("echo '{\"cost\": 0.5}'; echo '{\"cost\": 0.25}'; echo '{\"score\": 1, \"cost\": 2.0}'")
            .run(ctx);
    assertEquals(Metrics.of("score", 1L).withCost(2.0), m);
    assertEquals(2.0, ctx.cost());
  }

  @Test
  void streamedCostStandsWhenTheResultHasNoneOrLess() throws Exception {
    FakeRunContext none = new FakeRunContext(root.resolve("none"), Map.of());
    assertEquals(
        Metrics.of("x", 1L).withCost(0.75),
        sim("echo '{\"cost\": 0.5}'; echo '{\"cost\": 0.25}'; echo '{\"x\": 1}'").run(none));
    assertEquals(0.75, none.cost());
    FakeRunContext less = new FakeRunContext(root.resolve("less"), Map.of());
    assertEquals(
        Metrics.of("x", 1L).withCost(0.75),
        sim("echo '{\"cost\": 0.75}'; echo '{\"x\": 1, \"cost\": 0.5}'").run(less));
    assertEquals(0.75, less.cost());
  }

  @Test
  void finalCostAloneIsCharged() throws Exception {
    FakeRunContext ctx = new FakeRunContext(root.resolve("f"), Map.of());
    assertEquals(
        Metrics.of("x", 1L).withCost(0.7), sim("echo '{\"x\": 1, \"cost\": 0.7}'").run(ctx));
    assertEquals(0.7, ctx.cost());
    FakeRunContext capped = new FakeRunContext(root.resolve("c"), Map.of(), 0.5);
    assertThrows(
        BudgetExceededException.class, () -> sim("echo '{\"x\": 1, \"cost\": 0.7}'").run(capped));
  }

  @Test
  void onlyCostLinesGiveEmptyMetricsWithTheirSum() throws Exception {
    FakeRunContext ctx = new FakeRunContext(root, Map.of());
    assertEquals(Metrics.empty().withCost(0.0), sim("echo '{\"cost\": 0}'").run(ctx));
    assertEquals(
        Metrics.empty().withCost(1.5),
        sim("echo '{\"cost\": 1}'; echo '{\"cost\": 0.5}'")
            .run(new FakeRunContext(root.resolve("b"), Map.of())));
  }

  @Test
  void badCostsFailClearly() {
    IllegalArgumentException negative =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                sim("echo '{\"cost\": -1}'; sleep 1000")
                    .run(new FakeRunContext(root.resolve("n"), Map.of())));
    assertEquals(
        "a cost line on stdout must hold a finite number >= 0, got -1.0", negative.getMessage());
    IllegalArgumentException text =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                sim("echo '{\"x\": 1, \"cost\": \"cheap\"}'")
                    .run(new FakeRunContext(root.resolve("t"), Map.of())));
    assertEquals(
        "the 'cost' on stdout must be a finite number >= 0, got \"cheap\"", text.getMessage());
  }
}
