package org.sweeplab.space;

import java.util.Iterator;
import java.util.List;
import org.sweeplab.spec.Parameter;

/**
 * {@code n} independent draws: point {@code i} maps, for every parameter {@code j}, the
 * counter-based uniform {@link Uniforms#at}(seed, i, j) through {@link Parameter#fromUnit}. Points
 * may repeat (draws are with replacement).
 */
final class MonteCarlo implements PointSource {
  private final List<Parameter> params;
  private final long n;
  private final long key;

  MonteCarlo(List<Parameter> params, long n, long seed) {
    this.params = List.copyOf(params);
    this.n = n;
    this.key = seed;
  }

  @Override
  public long count() {
    return n;
  }

  /** Point {@code i}, {@code 0 <= i < n}. */
  Object[] point(long i) {
    return PointSource.fromUnits(params, j -> Uniforms.at(key, i, j));
  }

  @Override
  public Iterator<Object[]> iterator() {
    return PointSource.counting(n, this::point);
  }
}
