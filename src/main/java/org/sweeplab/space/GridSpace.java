package org.sweeplab.space;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The {@code grid} design: every point of the grid that no exclusion rule matches, in grid order
 * (last parameter fastest). The size comes from {@link GridRules#allowed}; iteration steps through
 * level indices and jumps over whole excluded blocks (a rule that leaves the trailing dimensions
 * free excludes a contiguous run of indices).
 */
final class GridSpace implements DesignSpace {
  private final List<String> names;
  private final Grid grid;
  private final GridRules rules;
  private final long size;

  GridSpace(List<String> names, Grid grid, GridRules rules) {
    this.names = List.copyOf(names);
    this.grid = grid;
    this.rules = rules;
    this.size = rules.allowed(grid.size());
  }

  @Override
  public List<String> names() {
    return names;
  }

  @Override
  public long size() {
    return size;
  }

  @Override
  public Iterator<Object[]> iterator() {
    return new Iterator<>() {
      private final int[] digits = new int[grid.dimensions()];
      private long emitted;

      @Override
      public boolean hasNext() {
        return emitted < size;
      }

      @Override
      public Object[] next() {
        if (emitted >= size) {
          throw new NoSuchElementException();
        }
        int depth;
        while ((depth = rules.excludedPrefix(digits)) != GridRules.NO_MATCH) {
          // Every index sharing digits[0..depth] is excluded: move to the last of them, then step
          // past it.
          for (int d = depth + 1; d < digits.length; d++) {
            digits[d] = grid.radix(d) - 1;
          }
          if (!grid.increment(digits)) {
            // Unreachable while the count is right; fail rather than cycle over the grid forever.
            throw new IllegalStateException(
                "grid ended after " + emitted + " of " + size + " counted points");
          }
        }
        Object[] point = grid.point(digits);
        emitted++;
        grid.increment(digits);
        return point;
      }
    };
  }
}
