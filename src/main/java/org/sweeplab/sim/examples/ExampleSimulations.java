package org.sweeplab.sim.examples;

import java.util.LinkedHashMap;
import java.util.Map;
import org.sweeplab.sim.Simulation;
import org.sweeplab.sim.SimulationProvider;

/**
 * sweeplab's example simulations, registered through {@code META-INF/services}: {@code tournament},
 * {@code mmc}, {@code bench}, {@code arms} (racing's truth), the three stages of the forecasting
 * pipeline, and the sensitivity test functions {@code ishigami} and {@code sobol-g}.
 */
public final class ExampleSimulations implements SimulationProvider {
  @Override
  public Map<String, Simulation> simulations() {
    Map<String, Simulation> m = new LinkedHashMap<>();
    m.put("tournament", new TournamentSimulation());
    m.put("mmc", new QueueSimulation());
    m.put("bench", new BenchSimulation());
    m.put("arms", new ArmsSimulation());
    m.put("forecast-simulate", ForecastStages.simulate());
    m.put("forecast-model", ForecastStages.model());
    m.put("forecast-score", ForecastStages.score());
    m.put("ishigami", new IshigamiSimulation());
    m.put("sobol-g", new SobolGSimulation());
    return m;
  }
}
