package org.sweeplab.sim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import org.sweeplab.sim.command.CommandSimulation;
import org.sweeplab.spec.SimulationSpec;
import org.sweeplab.spec.SpecException;
import org.sweeplab.spec.Suggestions;

/**
 * Turns a {@link SimulationSpec} into a {@link Simulation}: names are looked up among the built-in
 * simulations and those registered here; class names are instantiated; commands and pipelines are
 * built. Immutable: {@code SimulationRegistry.withBuiltIns().with("mine", ctx -> ...)}.
 */
public final class SimulationRegistry {
  private final Map<String, Simulation> named;
  private final Map<String, SimulationInfo> info;

  private SimulationRegistry(Map<String, Simulation> named, Map<String, SimulationInfo> info) {
    this.named = Collections.unmodifiableMap(named);
    this.info = Collections.unmodifiableMap(info);
  }

  /**
   * The simulations every {@link SimulationProvider} on the class path offers (sweeplab's examples:
   * {@code tournament}, {@code mmc}, {@code bench}, {@code arms}, the forecast stages, and the
   * sensitivity test functions {@code ishigami} and {@code sobol-g}), those of sweeplab's own class
   * loader first; a name offered twice keeps its first simulation.
   */
  public static SimulationRegistry withBuiltIns() {
    Map<String, Simulation> m = new LinkedHashMap<>();
    ClassLoader own = SimulationRegistry.class.getClassLoader();
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    for (ClassLoader loader :
        context == null || context == own ? List.of(own) : List.of(own, context)) {
      for (SimulationProvider p : ServiceLoader.load(SimulationProvider.class, loader)) {
        p.simulations().forEach(m::putIfAbsent);
      }
    }
    return new SimulationRegistry(m, new LinkedHashMap<>(BuiltInSimulations.INFO));
  }

  /** This registry plus one named simulation (replacing one of the same name). */
  public SimulationRegistry with(String name, Simulation simulation) {
    Objects.requireNonNull(simulation, "simulation");
    Map<String, Simulation> m = new LinkedHashMap<>(named);
    m.put(name, simulation);
    Map<String, SimulationInfo> i = new LinkedHashMap<>(info);
    i.remove(name); // a simulation registered under a built-in's name declares nothing
    return new SimulationRegistry(m, i);
  }

  /** This registry plus one named simulation that declares its parameters and metrics. */
  public SimulationRegistry with(SimulationInfo declared, Simulation simulation) {
    SimulationRegistry r = with(declared.name(), simulation);
    Map<String, SimulationInfo> i = new LinkedHashMap<>(r.info);
    i.put(declared.name(), declared);
    return new SimulationRegistry(new LinkedHashMap<>(r.named), i);
  }

  /** What the named simulation declares, or null when it declares nothing. */
  public SimulationInfo info(String name) {
    return info.get(name);
  }

  /** Every declaration, in registration order. */
  public List<SimulationInfo> declared() {
    return new ArrayList<>(info.values());
  }

  /** The names known to this registry. */
  public List<String> names() {
    return new ArrayList<>(named.keySet());
  }

  /**
   * The simulation a spec describes.
   *
   * @throws IllegalArgumentException for an unknown name (with a suggestion), a class that cannot
   *     be used, or a simulation given in code (only the code itself can run it)
   */
  public Simulation resolve(SimulationSpec spec) {
    if (spec instanceof SimulationSpec.Named n) {
      Simulation s = named.get(n.name());
      if (s == null) {
        throw new SpecException(
            null,
            0,
            0,
            "simulation",
            "unknown simulation '"
                + n.name()
                + "'"
                + Suggestions.hint(n.name(), named.keySet())
                + "; known simulations are "
                + named.keySet()
                + ", or give {class: your.Simulation} or {command: [...]}");
      }
      return s;
    }
    if (spec instanceof SimulationSpec.JavaClass c) {
      return instantiate(c.className());
    }
    if (spec instanceof SimulationSpec.InCode c) {
      throw new IllegalArgumentException(
          "the simulation was given in code ("
              + c.label()
              + "), which has no name to look up; pass the Simulation itself");
    }
    if (spec instanceof SimulationSpec.Command c) {
      return CommandSimulation.of(c);
    }
    if (spec instanceof SimulationSpec.Pipeline p) {
      Pipeline pipe = null;
      for (int i = 0; i < p.stages().size(); i++) {
        SimulationSpec stage = p.stages().get(i);
        String name = p.names().get(i);
        Simulation sim = resolve(stage);
        pipe = pipe == null ? Pipeline.of(name, sim) : pipe.then(name, sim);
      }
      return pipe;
    }
    throw new IllegalArgumentException("unsupported simulation " + spec);
  }

  private static Simulation instantiate(String className) {
    Class<?> cls;
    try {
      cls = Class.forName(className, true, Thread.currentThread().getContextClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      throw new IllegalArgumentException(
          "simulation class '" + className + "' is not on the classpath", e);
    }
    if (!Simulation.class.isAssignableFrom(cls)) {
      throw new IllegalArgumentException(
          "simulation class '" + className + "' does not implement " + Simulation.class.getName());
    }
    try {
      return (Simulation) cls.getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new IllegalArgumentException(
          "simulation class '" + className + "' needs a public no-argument constructor: " + e, e);
    }
  }
}
