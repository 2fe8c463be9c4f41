package org.sweeplab.sim;

import java.util.Map;

/**
 * Offers named simulations to {@link SimulationRegistry#withBuiltIns()}, found with {@link
 * java.util.ServiceLoader}: list the implementing class in {@code
 * META-INF/services/org.sweeplab.sim.SimulationProvider} of its jar. It needs a public no-argument
 * constructor. sweeplab's own examples come this way ({@code org.sweeplab.sim.examples}).
 */
public interface SimulationProvider {
  /** The simulations by name, in the order they are listed to users; never null, may be empty. */
  Map<String, Simulation> simulations();
}
