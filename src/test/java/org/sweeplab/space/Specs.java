package org.sweeplab.space;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.sweeplab.spec.SweepSpec;

/** Small helpers shared by the design tests. */
final class Specs {
  private Specs() {}

  /** A builder with a simulation set, so tests only add what they are about. */
  static SweepSpec.Builder sweep() {
    return SweepSpec.builder("t").simulation("noop");
  }

  /** Every point of a space. */
  static List<List<Object>> points(DesignSpace space) {
    List<List<Object>> out = new ArrayList<>();
    for (Iterator<Object[]> it = space.iterator(); it.hasNext(); ) {
      out.add(List.of(it.next()));
    }
    return out;
  }

  /** The first {@code n} points of a space. */
  static List<List<Object>> first(DesignSpace space, int n) {
    List<List<Object>> out = new ArrayList<>();
    for (Iterator<Object[]> it = space.iterator(); it.hasNext() && out.size() < n; ) {
      out.add(List.of(it.next()));
    }
    return out;
  }
}
