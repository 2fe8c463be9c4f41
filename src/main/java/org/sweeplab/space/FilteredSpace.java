package org.sweeplab.space;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * A design space made of a {@link PointSource} minus the points an exclusion rule matches. Without
 * rules the size is the source's count; with rules the source is enumerated once at construction to
 * count the survivors exactly (the caller bounds the count, see {@link Designs}).
 */
final class FilteredSpace implements DesignSpace {
  private final List<String> names;
  private final PointSource source;
  private final Exclusions exclusions;
  private final long size;

  FilteredSpace(List<String> names, PointSource source, Exclusions exclusions) {
    this.names = List.copyOf(names);
    this.source = source;
    this.exclusions = exclusions;
    if (exclusions.isEmpty()) {
      this.size = source.count();
    } else {
      long n = 0;
      for (Iterator<Object[]> it = source.iterator(); it.hasNext(); ) {
        if (!exclusions.matches(it.next())) {
          n++;
        }
      }
      this.size = n;
    }
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
    Iterator<Object[]> points = source.iterator();
    return new Iterator<>() {
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
        Object[] p;
        do {
          p = points.next();
        } while (exclusions.matches(p));
        emitted++;
        return p;
      }
    };
  }
}
