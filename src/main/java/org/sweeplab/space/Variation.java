package org.sweeplab.space;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * One parameter assignment of a sweep.
 *
 * @param index the position in the design's order, from 0
 * @param id the display id ({@code var-0001}); it follows the design's order, so it may change when the spec does
 * @param key the content key, a hash of the assignment; resume and merge match runs by it
 * @param names the parameter names, in spec order (shared by every variation of a plan)
 * @param values the values, aligned with {@code names}
 */
public record Variation(long index, String id, String key, List<String> names, Object[] values)
    implements java.io.Serializable {

  /** The assignment as an unmodifiable map in spec order, backed by the arrays. */
  public Map<String, Object> params() {
    return new ParamMap(names, values);
  }

  /** The value of one parameter, or null when there is no such parameter. */
  public Object get(String name) {
    int i = names.indexOf(name);
    return i < 0 ? null : values[i];
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Variation v && v.index == index && v.id.equals(id) && v.key.equals(key)
        && v.names.equals(names) && java.util.Arrays.equals(v.values, values);
  }

  @Override
  public int hashCode() {
    return key.hashCode();
  }

  @Override
  public String toString() {
    return id + " " + params();
  }

  private static final class ParamMap extends AbstractMap<String, Object> {
    private final List<String> names;
    private final Object[] values;

    ParamMap(List<String> names, Object[] values) {
      this.names = names;
      this.values = values;
    }

    @Override
    public Object get(Object k) {
      int i = names.indexOf(k);
      return i < 0 ? null : values[i];
    }

    @Override
    public boolean containsKey(Object k) {
      return names.contains(k);
    }

    @Override
    public int size() {
      return names.size();
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
      return new AbstractSet<>() {
        @Override
        public Iterator<Entry<String, Object>> iterator() {
          return new Iterator<>() {
            int i;

            @Override
            public boolean hasNext() {
              return i < names.size();
            }

            @Override
            public Entry<String, Object> next() {
              if (i >= names.size()) {
                throw new NoSuchElementException();
              }
              Entry<String, Object> e = new SimpleImmutableEntry<>(names.get(i), values[i]);
              i++;
              return e;
            }
          };
        }

        @Override
        public int size() {
          return names.size();
        }
      };
    }
  }
}
