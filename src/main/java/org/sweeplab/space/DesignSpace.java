package org.sweeplab.space;

import java.util.Iterator;
import java.util.List;
import org.sweeplab.spec.SweepSpec;

/**
 * The parameter points of a sweep, in the design's order, enumerated lazily: a grid of 10^12 points is counted
 * without being materialised. Points are arrays of values aligned with {@link #names()}.
 */
public interface DesignSpace {

  /** The parameter names, in spec order. */
  List<String> names();

  /** The exact number of points (after exclusions). */
  long size();

  /** The points in order. Each call starts again from the first point. */
  Iterator<Object[]> iterator();

  /**
   * The design space of a spec.
   *
   * @throws IllegalArgumentException (often a {@link org.sweeplab.spec.SpecException}) when the design does not fit
   *     the parameters, e.g. a grid over a distribution or more random samples than the grid has points
   */
  static DesignSpace of(SweepSpec spec) {
    return Designs.of(spec);
  }
}
