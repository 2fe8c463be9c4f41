package org.sweeplab.space;

import java.util.Iterator;
import java.util.List;
import org.sweeplab.spec.SweepSpec;

/**
 * The parameter points of a sweep, in the design's order, enumerated lazily: a grid of 10^12 points
 * is counted without being materialised. Points are arrays of values aligned with {@link #names()};
 * every call of {@code next()} returns a new array. The designs:
 *
 * <ul>
 *   <li>{@code grid}: the Cartesian product of discrete parameters, last parameter fastest;
 *   <li>{@code random}: with only discrete parameters, {@code samples} distinct grid points in a
 *       seeded pseudo-random order (without replacement); with a distribution, {@code samples}
 *       independent draws;
 *   <li>{@code lhs}: a Latin hypercube of {@code samples} points (needs a distribution);
 *   <li>{@code sobol}: the Sobol sequence after the origin (needs a distribution, at most 1000
 *       parameters);
 *   <li>{@code list}: the explicit points;
 *   <li>{@code saltelli}, {@code morris}: the cells of a Saltelli sample or of Morris trajectories,
 *       each distinct point once ({@link RunPlan#layout()} says which variation each cell ran as).
 * </ul>
 *
 * <p>Exclusion rules drop every point matching one, and {@link #size()} counts what is left
 * exactly. Points depend only on the spec (and its seed), never on the machine or on how far a
 * previous iteration went.
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
   * @throws IllegalArgumentException (a {@link org.sweeplab.spec.SpecException} with a {@code
   *     design.*} or {@code parameters} key path) when the design does not fit the parameters, e.g.
   *     a grid over a distribution, more random samples than the grid has points, an exclusion rule
   *     naming no parameter, or a list point missing a parameter
   */
  static DesignSpace of(SweepSpec spec) {
    return Designs.of(spec);
  }
}
