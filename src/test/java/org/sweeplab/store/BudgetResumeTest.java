package org.sweeplab.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sweeplab.run.RunStatus;
import org.sweeplab.sim.Metrics;
import org.sweeplab.sim.Simulation;
import org.sweeplab.spec.BudgetSpec;
import org.sweeplab.spec.SweepSpec;
import org.sweeplab.sweep.ExistingOutput;
import org.sweeplab.sweep.Sweep;
import org.sweeplab.sweep.SweepResult;

/**
 * A budget set in the spec stops the sweep, and a resume counts the money the first session spent.
 */
class BudgetResumeTest {
  @TempDir Path tmp;

  private final AtomicInteger calls = new AtomicInteger();
  private final Simulation sim =
      ctx -> {
        calls.incrementAndGet();
        return Metrics.builder().put("y", 1.0).cost(ctx.getLong("n")).build();
      };

  /** Eight runs costing 1, 1, 2, 2, 3, 3, 4, 4 with one worker, so the order is the plan's. */
  private static SweepSpec spec(double total) {
    return SweepSpec.builder("paid")
        .simulation("custom")
        .values("n", 1, 2, 3, 4)
        .replicates(2)
        .maxParallel(1)
        .budget(BudgetSpec.total(total, "USD"))
        .build();
  }

  @Test
  void resumeCountsTheMoneyAlreadySpent() throws Exception {
    Path dir = tmp.resolve("out");
    // 1 + 1 + 2 + 2 = 6 spent, mean 1.5: a fifth run would reach 7.5 > 7, so 4 runs are skipped.
    SweepResult first = Sweep.of(spec(7)).simulation(sim).output(dir).run();
    assertEquals(4, first.count(RunStatus.OK));
    assertEquals(4, first.count(RunStatus.SKIPPED));
    assertEquals(6.0, first.totalCost());

    // The same budget again: 6 + 1.5 > 7, nothing starts.
    calls.set(0);
    SweepResult same =
        Sweep.of(spec(7)).simulation(sim).output(dir).ifExists(ExistingOutput.RESUME).run();
    assertEquals(0, calls.get());
    assertEquals(4, same.count(RunStatus.SKIPPED));

    // A budget of 10: 6 + 1.5 <= 10 runs one (3 -> 9 spent, mean 1.8); 9 + 1.8 > 10 stops. Were the
    // 6 already
    // spent forgotten, all four would run.
    SweepResult raised =
        Sweep.of(spec(10)).simulation(sim).output(dir).ifExists(ExistingOutput.RESUME).run();
    assertEquals(1, calls.get());
    assertEquals(5, raised.count(RunStatus.OK));
    assertEquals(3, raised.count(RunStatus.SKIPPED));
    assertEquals(9.0, raised.totalCost());
    @SuppressWarnings("unchecked")
    Map<String, Object> costs =
        Summary.Mapper.JSON.readValue(dir.resolve("costs.json").toFile(), Map.class);
    assertEquals(1.0, costs.get("remaining"));
    assertEquals(9.0, ((Map<?, ?>) costs.get("totals")).get("total_cost"));
  }
}
