package org.sweeplab.space;

import java.util.Iterator;
import java.util.List;
import org.sweeplab.spec.Parameter;

/**
 * Morris trajectories (Morris 1991, Technometrics 33:161; without Campolongo's selection of
 * spread-out trajectories): each parameter takes p (even) levels, level l standing for the unit
 * coordinate {@code (l + 1/2) / p} (the middle of the l-th of p equal-probability strata, mapped
 * with {@link Parameter#fromUnit}, so any distribution and any discrete parameter works by
 * quantile). A trajectory starts at a random grid point and moves each factor once, in a random
 * order, by p/2 levels up or down (the step Δ = p / (2(p-1)) of Morris in grid units, 1/2 in the
 * unit scale). Trajectory t's base levels, order and directions come from counter-based uniforms
 * keyed by (seed, t), so any trajectory can be made alone, in any order.
 */
final class MorrisCells implements PointSource {
  private final List<Parameter> params;
  private final long trajectories;
  private final int levels;
  private final long key;

  MorrisCells(List<Parameter> params, long trajectories, int levels, long seed) {
    this.params = List.copyOf(params);
    this.trajectories = trajectories;
    this.levels = levels;
    this.key = Seeds.mix(seed ^ 0x3C6EF372FE94F82BL);
  }

  @Override
  public long count() {
    return trajectories * (params.size() + 1);
  }

  /**
   * Trajectory t: its k + 1 points as levels, then the order of factors moved and the sign of each
   * move.
   */
  record Trajectory(int[][] levels, int[] order, int[] sign) {}

  Trajectory trajectory(long t) {
    int k = params.size();
    int half = levels / 2;
    int[] start = new int[k];
    int[] sign = new int[k];
    for (int j = 0; j < k; j++) {
      // The base level b lies in [0, p/2), so both b and b + p/2 are levels; the direction picks
      // which comes first.
      int base = (int) Math.floor(Uniforms.at(key, t, j) * half);
      sign[j] = Uniforms.at(key, t, k + j) < 0.5 ? 1 : -1;
      start[j] = sign[j] > 0 ? base : base + half;
    }
    int[] order = new int[k];
    for (int j = 0; j < k; j++) {
      order[j] = j;
    }
    for (int j = k - 1; j > 0; j--) { // Fisher–Yates
      int i = (int) Math.floor(Uniforms.at(key, t, 2 * k + j) * (j + 1));
      int tmp = order[i];
      order[i] = order[j];
      order[j] = tmp;
    }
    int[][] points = new int[k + 1][];
    points[0] = start;
    for (int s = 0; s < k; s++) {
      int[] next = points[s].clone();
      next[order[s]] += sign[order[s]] * half;
      points[s + 1] = next;
    }
    int[] signs = new int[k];
    for (int s = 0; s < k; s++) {
      signs[s] = sign[order[s]];
    }
    return new Trajectory(points, order, signs);
  }

  /** The signed step of a move in the unit scale: half of the levels, over p. */
  double unitStep(int sign) {
    return sign * (levels / 2) / (double) levels;
  }

  @Override
  public Iterator<Object[]> iterator() {
    int width = params.size() + 1;
    return new Iterator<>() {
      private long cell;
      private Trajectory current;

      @Override
      public boolean hasNext() {
        return cell < count();
      }

      @Override
      public Object[] next() {
        if (!hasNext()) {
          throw new java.util.NoSuchElementException();
        }
        long t = cell / width;
        int s = (int) (cell % width);
        if (s == 0) {
          current = trajectory(t);
        }
        cell++;
        int[] lv = current.levels()[s];
        return PointSource.fromUnits(params, j -> (lv[j] + 0.5) / levels);
      }
    };
  }
}
