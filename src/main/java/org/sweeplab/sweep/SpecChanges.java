package org.sweeplab.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.sweeplab.spec.SweepSpec;

/** What changed between the spec a folder was run with and the one now given. */
final class SpecChanges {
  private SpecChanges() {}

  /**
   * A description of a change that alters the meaning of finished runs, or null when there is none.
   */
  static String incompatible(SweepSpec old, SweepSpec now) {
    List<String> changes = new ArrayList<>();
    if (!Objects.equals(old.simulation(), now.simulation())) {
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
