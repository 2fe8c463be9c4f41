package org.sweeplab.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.sweeplab.spec.SimulationSpec;
import org.sweeplab.spec.SweepSpec;

/** What changed between the spec a folder was run with and the one now given. */
final class SpecChanges {
  private SpecChanges() {}

  /**
   * A description of a change that alters the meaning of finished runs, or null when there is none.
   */
  static String incompatible(SweepSpec old, SweepSpec now) {
    List<String> changes = new ArrayList<>();
    if (!sameSimulation(old.simulation(), now.simulation())) {
      changes.add(
          "the simulation changed from "
              + old.simulation().describe()
              + " to "
              + now.simulation().describe());
    }
    if (!old.base().equals(now.base())) {
      // Every run sees the merged scenario: runs finished under the old base would mix with new
      // ones.
      changes.add("the base scenario changed");
    }
    if (old.seed() != now.seed()) {
      changes.add("the seed changed from " + old.seed() + " to " + now.seed());
    }
    if (old.seeding() != now.seeding()) {
      changes.add(
          "the seeding changed from " + old.seeding().label() + " to " + now.seeding().label());
    }
    if (!old.execution().shard().equals(now.execution().shard())) {
      changes.add(
          "the shard changed from " + old.execution().shard() + " to " + now.execution().shard());
    }
    return changes.isEmpty() ? null : String.join("; ", changes);
  }

  /**
   * True when the simulations are equal, or the old one is the name that code given now is labelled
   * with: a folder written before sweep.yaml could record code names it as it names a simulation.
   */
  static boolean sameSimulation(SimulationSpec old, SimulationSpec now) {
    return Objects.equals(old, now)
        || old instanceof SimulationSpec.Named n
            && now instanceof SimulationSpec.InCode c
            && n.name().equals(c.label());
  }

  /**
   * The top-level keys of the spec whose values differ (output for {@code output.dir}, {@code
   * output.run_records} and {@code output.formats}), in the order a spec lists them; empty when the
   * specs are the same.
   */
  static List<String> changedKeys(SweepSpec old, SweepSpec now) {
    List<String> keys = new ArrayList<>();
    differs(keys, "name", old.name(), now.name());
    differs(keys, "description", old.description(), now.description());
    if (!sameSimulation(old.simulation(), now.simulation())) {
      keys.add("simulation");
    }
    differs(keys, "base", old.base(), now.base());
    differs(keys, "parameters", old.parameters(), now.parameters());
    differs(keys, "design", old.design(), now.design());
    differs(keys, "replicates", old.replicates(), now.replicates());
    differs(keys, "seed", old.seed(), now.seed());
    differs(keys, "seeding", old.seeding(), now.seeding());
    differs(keys, "execution", old.execution(), now.execution());
    differs(keys, "budget", old.budget(), now.budget());
    differs(
        keys,
        "output",
        List.of(Objects.toString(old.outputDir()), old.runRecords(), old.outputFormats()),
        List.of(Objects.toString(now.outputDir()), now.runRecords(), now.outputFormats()));
    differs(keys, "listeners", old.listeners(), now.listeners());
    differs(keys, "metadata", old.metadata(), now.metadata());
    return keys;
  }

  private static void differs(List<String> keys, String key, Object old, Object now) {
    if (!Objects.equals(old, now)) {
      keys.add(key);
    }
  }

  /** Notes on allowed changes (more replicates, other parameter values). */
  static List<String> notes(SweepSpec old, SweepSpec now) {
    List<String> notes = new ArrayList<>();
    if (old.replicates() != now.replicates()) {
      notes.add(
          "replicates changed from "
              + old.replicates()
              + " to "
              + now.replicates()
              + "; only runs not yet done will run");
    }
    if (!old.parameters().equals(now.parameters()) || !old.design().equals(now.design())) {
      notes.add(
          "the parameters or design changed; finished runs are matched by their parameter values and only"
              + " new points run");
    }
    return notes;
  }
}
