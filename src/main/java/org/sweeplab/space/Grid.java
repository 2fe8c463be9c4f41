package org.sweeplab.space;

import java.util.List;
import java.util.Locale;
import org.sweeplab.spec.Parameter;
import org.sweeplab.spec.SpecException;

/**
 * The Cartesian product of discrete parameters as a mixed-radix number: grid index {@code i} has
 * one digit (a level index) per parameter, the last parameter varying fastest. Nothing is
 * materialised; a point is decoded from its index on demand.
 */
final class Grid {
  private final List<Parameter> params;
  private final int[] radix;
  private final long size;

  private Grid(List<Parameter> params, int[] radix, long size) {
    this.params = params;
    this.radix = radix;
    this.size = size;
  }

  /**
   * The grid of these parameters (one point when there are none).
   *
   * @throws SpecException when a parameter is a distribution, or the grid has more than {@link
   *     Long#MAX_VALUE} points
   */
  static Grid of(List<Parameter> params) {
    int[] radix = new int[params.size()];
    long size = 1;
    boolean overflow = false;
    for (int i = 0; i < params.size(); i++) {
      Parameter p = params.get(i);
      if (!p.isDiscrete()) {
        throw new SpecException(
            null,
            0,
            0,
            "design.type",
            String.format(
                Locale.ROOT,
                "parameter '%s' is a %s distribution; a grid needs values — use design lhs/sobol/random, or give values",
                p.name(),
                p.kind()));
      }
      radix[i] = p.size();
      if (!overflow) {
        long hi = Math.multiplyHigh(size, radix[i]);
        long lo = size * radix[i];
        overflow = hi != 0 || lo < 0;
        size = lo;
      }
    }
    if (overflow) {
      throw new SpecException(
          null,
          0,
          0,
          "parameters",
          String.format(
              Locale.ROOT,
              "the grid has more than 9.2e18 points (%s levels); no design can enumerate it — use fewer levels,"
                  + " or make parameters distributions and use design lhs/sobol/random",
              shape(radix)));
    }
    return new Grid(List.copyOf(params), radix, size);
  }

  long size() {
    return size;
  }

  int dimensions() {
    return radix.length;
  }

  int radix(int dim) {
    return radix[dim];
  }

  Parameter parameter(int dim) {
    return params.get(dim);
  }

  /** Writes the level indices of grid index {@code index} into {@code digits}. */
  void decode(long index, int[] digits) {
    long rest = index;
    for (int d = radix.length - 1; d >= 0; d--) {
      digits[d] = (int) (rest % radix[d]);
      rest /= radix[d];
    }
  }

  /**
   * Increments {@code digits} as a mixed-radix number (last digit fastest); false when it wrapped
   * to zero.
   */
  boolean increment(int[] digits) {
    for (int d = radix.length - 1; d >= 0; d--) {
      if (++digits[d] < radix[d]) {
        return true;
      }
      digits[d] = 0;
    }
    return false;
  }

  /** The point of these level indices. */
  Object[] point(int[] digits) {
    Object[] out = new Object[digits.length];
    for (int d = 0; d < digits.length; d++) {
      out[d] = params.get(d).level(digits[d]);
    }
    return out;
  }

  private static String shape(int[] radix) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < radix.length; i++) {
      sb.append(i == 0 ? "" : " x ").append(radix[i]);
    }
    return sb.toString();
  }
}
