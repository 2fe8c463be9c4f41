package org.sweeplab.sim;

import org.sweeplab.spec.SimulationSpec;

/** Builds the simulation that runs an external command. */
final class CommandSimulations {
  private CommandSimulations() {}

  static Simulation create(SimulationSpec.Command spec) {
    return CommandSimulation.of(spec);
  }
}
