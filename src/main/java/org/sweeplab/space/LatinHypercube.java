package org.sweeplab.space;

import java.util.Iterator;
import java.util.List;
import org.sweeplab.spec.Parameter;

/**
 * A Latin hypercube of {@code n} points: in every dimension, the n points fall in the n strata
 * {@code [s/n, (s+1)/n)} once each. Point {@code i} takes, in dimension {@code j}, stratum {@code
 * π_j(i)} of a seeded {@link FeistelPermutation} {@code π_j} and a uniform jitter inside it; the
 * unit coordinate is then mapped with {@link Parameter#fromUnit} (a discrete parameter with k
 * levels takes level {@code floor(u k)}). Every coordinate is computed from (seed, i, j) alone, so
 * the design is lazy and O(d) in memory.
 */
final class LatinHypercube implements PointSource {
  private final List<Parameter> params;
  private final long n;
  private final FeistelPermutation[] strata;
  private final long jitterKey;

  LatinHypercube(List<Parameter> params, long n, long seed) {
    this.params = List.copyOf(params);
    this.n = n;
    this.strata = new FeistelPermutation[params.size()];
    for (int j = 0; j < strata.length; j++) {
      strata[j] = new FeistelPermutation(n, Seeds.mix(seed + 0xD1B54A32D192ED03L * (j + 1)));
    }
    this.jitterKey = Seeds.mix(seed ^ 0x8CB92BA72F3D8DD7L);
  }

  @Override
  public long count() {
    return n;
  }

  /**
   * The unit coordinate of point {@code i} in dimension {@code j}; {@code floor(u * n)} is its
   * stratum.
   */
  double unit(long i, int j) {
    return inStratum(strata[j].apply(i), Uniforms.at(jitterKey, i, j), n);
  }

  /**
   * {@code (stratum + jitter) / n}, nudged by an ulp where rounding would carry it into the next
   * stratum (jitter close to 1), so that {@code floor(u * n) == stratum} holds in floating point,
   * and {@code u < 1}.
   */
  static double inStratum(long stratum, double jitter, long n) {
    double u = (stratum + jitter) / n;
    while (u > 0 && (u >= 1 || Math.floor(u * n) > stratum)) {
      u = Math.nextDown(u);
    }
    while (Math.floor(u * n) < stratum) {
      u = Math.nextUp(u);
    }
    return u;
  }

  @Override
  public Iterator<Object[]> iterator() {
    return PointSource.counting(n, i -> PointSource.fromUnits(params, j -> unit(i, j)));
  }
}
