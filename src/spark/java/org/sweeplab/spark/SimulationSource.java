package org.sweeplab.spark;

import java.io.Serializable;
import org.sweeplab.sim.Simulation;
import org.sweeplab.sim.SimulationRegistry;
import org.sweeplab.spec.SimulationSpec;

/**
 * How an executor gets the simulation: the driver's own instance, serialized, when it is {@link
 * Serializable}; else the spec's description of it (a class name, a built-in name, a command or a
 * pipeline), resolved on the executor with the built-in registry.
 */
final class SimulationSource implements Serializable {
  private static final long serialVersionUID = 1L;

  private final Simulation instance;
  private final SimulationSpec spec;
  private transient Simulation resolved;

  private SimulationSource(Simulation instance, SimulationSpec spec) {
    this.instance = instance;
    this.spec = spec;
  }

  /**
   * The source of the simulation the driver was given.
   *
   * @param given the simulation the sweep runs
   * @param spec the spec's simulation, or null when the backend was built without a spec
   * @throws IllegalArgumentException when the simulation is neither serializable nor the one the
   *     spec describes
   */
  static SimulationSource of(Simulation given, SimulationSpec spec) {
    if (given instanceof Serializable) {
      return new SimulationSource(given, null);
    }
    if (spec != null && describedBy(given, spec)) {
      return new SimulationSource(null, spec);
    }
    throw new IllegalArgumentException(
        "the spark backend runs the simulation on the executors, so it must be"
            + " serializable (implement both Simulation and java.io.Serializable) or be described by the spec"
            + " ({class: ...}, a built-in name, a command or a pipeline); "
            + given.getClass().getName()
            + " is neither");
  }

  /**
   * True when resolving the spec with the built-in registry gives a simulation of the same class.
   */
  private static boolean describedBy(Simulation given, SimulationSpec spec) {
    try {
      return SimulationRegistry.withBuiltIns().resolve(spec).getClass() == given.getClass();
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** The simulation, on the executor. */
  synchronized Simulation simulation() {
    if (resolved == null) {
      resolved = instance != null ? instance : SimulationRegistry.withBuiltIns().resolve(spec);
    }
    return resolved;
  }
}
