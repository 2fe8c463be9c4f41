package org.sweeplab.space;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.IntToDoubleFunction;
import java.util.function.LongFunction;
import org.sweeplab.spec.Parameter;

/**
 * A finite sequence of points that can be replayed, e.g. the samples of a sampled design before
 * exclusions.
 */
interface PointSource {

  /** The number of points. */
  long count();

  /** The points, from the first, each call starting again. */
  Iterator<Object[]> iterator();

  /** The points 0 to n-1, each made (in order) by {@code point}. */
  static Iterator<Object[]> counting(long n, LongFunction<Object[]> point) {
    return new Iterator<>() {
      private long i;

      @Override
      public boolean hasNext() {
        return i < n;
      }

      @Override
      public Object[] next() {
        if (i >= n) {
          throw new NoSuchElementException();
        }
        return point.apply(i++);
      }
    };
  }

  /**
   * The point whose coordinate j in [0, 1) is {@code unit.applyAsDouble(j)}, mapped through each
   * parameter.
   */
  static Object[] fromUnits(List<Parameter> params, IntToDoubleFunction unit) {
    Object[] point = new Object[params.size()];
    for (int j = 0; j < point.length; j++) {
      point[j] = params.get(j).fromUnit(unit.applyAsDouble(j));
    }
    return point;
  }
}
