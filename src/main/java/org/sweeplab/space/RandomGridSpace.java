package org.sweeplab.space;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The {@code random} design over discrete parameters: {@code samples} distinct grid points, without
 * replacement, in the order of a seeded pseudo-random permutation of the grid indices. Excluded
 * points are skipped, so the first {@code samples} allowed points of the permutation are taken.
 * Lazy and O(1) in memory whatever the grid size; the cost per point is a few Feistel evaluations,
 * times 1/(allowed fraction) for the skipping.
 */
final class RandomGridSpace implements DesignSpace {
  private final List<String> names;
  private final Grid grid;
  private final GridRules rules;
  private final FeistelPermutation permutation;
  private final long samples;

  /** The caller checks {@code samples <= rules.allowed(grid.size())}. */
  RandomGridSpace(List<String> names, Grid grid, GridRules rules, long samples, long seed) {
    this.names = List.copyOf(names);
    this.grid = grid;
    this.rules = rules;
    this.permutation = new FeistelPermutation(grid.size(), seed);
    this.samples = samples;
  }

  @Override
  public List<String> names() {
    return names;
  }

  @Override
  public long size() {
    return samples;
  }

  @Override
  public Iterator<Object[]> iterator() {
    return new Iterator<>() {
      private final int[] digits = new int[grid.dimensions()];
      private long position;
      private long emitted;

      @Override
      public boolean hasNext() {
        return emitted < samples;
      }

      @Override
      public Object[] next() {
        if (emitted >= samples) {
          throw new NoSuchElementException();
        }
        do {
          grid.decode(permutation.apply(position++), digits);
        } while (rules.matches(digits));
        emitted++;
        return grid.point(digits);
      }
    };
  }
}
