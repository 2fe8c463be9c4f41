package org.sweeplab.space;

import java.util.Iterator;
import java.util.List;
import org.apache.commons.math3.random.SobolSequenceGenerator;
import org.sweeplab.spec.Parameter;

/**
 * The first {@code n} points of the Sobol sequence after the origin (Commons Math's {@link
 * SobolSequenceGenerator}, Joe–Kuo direction numbers): point {@code i} is generator element {@code
 * i + 1}, each coordinate mapped through {@link Parameter#fromUnit}. The origin is skipped because
 * it maps every parameter to its lowest value (and a normal to its far tail). Not scrambled, so the
 * seed plays no part.
 */
final class SobolPoints implements PointSource {
  /** The most dimensions Commons Math has direction numbers for. */
  static final int MAX_DIMENSIONS = 1000;

  /** The most points: Commons Math counts elements in an int, and element 0 is skipped. */
  static final long MAX_POINTS = Integer.MAX_VALUE - 1L;

  private final List<Parameter> params;
  private final long n;

  SobolPoints(List<Parameter> params, long n) {
    if (params.isEmpty() || params.size() > MAX_DIMENSIONS || n < 0 || n > MAX_POINTS) {
      throw new IllegalArgumentException(
          "Sobol points need 1.."
              + MAX_DIMENSIONS
              + " dimensions and 0.."
              + MAX_POINTS
              + " points, got "
              + params.size()
              + " and "
              + n);
    }
    this.params = List.copyOf(params);
    this.n = n;
  }

  @Override
  public long count() {
    return n;
  }

  @Override
  public Iterator<Object[]> iterator() {
    SobolSequenceGenerator generator = new SobolSequenceGenerator(params.size());
    generator.nextVector(); // the origin
    return PointSource.counting(
        n,
        i -> {
          double[] u = generator.nextVector();
          return PointSource.fromUnits(params, j -> u[j]);
        });
  }
}
