package org.sweeplab.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sweeplab.spec.SimulationSpec;
import org.sweeplab.spec.SpecException;

/**
 * The built-in simulations come from SimulationProvider services; the examples' provider lists them
 * in order.
 */
class SimulationRegistryTest {
  @Test
  void theExamplesAreFoundThroughTheServiceLoaderInTheirOrder() {
    assertEquals(
        List.of(
            "tournament",
            "mmc",
            "bench",
            "arms",
            "forecast-simulate",
            "forecast-model",
            "forecast-score",
            "ishigami",
            "sobol-g"),
        SimulationRegistry.withBuiltIns().names());
  }

  @Test
  void aRegisteredNameWinsAndAnUnknownOneListsTheKnown() {
    Simulation mine = ctx -> Metrics.of("y", 1.0);
    SimulationRegistry r = SimulationRegistry.withBuiltIns().with("mine", mine);
    assertSame(mine, r.resolve(new SimulationSpec.Named("mine")));
    SpecException e =
        assertThrows(SpecException.class, () -> r.resolve(new SimulationSpec.Named("tournamnet")));
    assertTrue(
        e.getMessage()
            .contains(
                "known simulations are [tournament, mmc, bench, arms, forecast-simulate,"
                    + " forecast-model, forecast-score, ishigami, sobol-g, mine]"),
        e.getMessage());
  }
}
