package org.sweeplab.space;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * One parameter assignment of a sweep: its position in the design's order ({@link #index()}, from
 * 0), its display id ({@code var-0001}; it follows the design's order, so it may change when the
 * spec does), its content key (a hash of the assignment; resume and merge match runs by it), and
 * its values aligned with the parameter names.
 *
 * <p>Variations made by a {@link RunPlan} compute their id and key on first use, so handing them
 * out is cheap and the hashing happens on the thread that needs it.
 */
public final class Variation implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  private final long index;
  private final List<String> names;
  private final Object[] values;
  private final transient java.util.function.LongFunction<String> idFormat;
  private volatile String id;
  private volatile String key;

  /** A variation with a known id and key. */
  public Variation(long index, String id, String key, List<String> names, Object[] values) {
    this.index = index;
    this.id = java.util.Objects.requireNonNull(id, "id");
    this.key = java.util.Objects.requireNonNull(key, "key");
    this.names = names;
    this.values = values;
    this.idFormat = null;
  }

  private Variation(
      long index,
      java.util.function.LongFunction<String> idFormat,
      List<String> names,
      Object[] values) {
    this.index = index;
    this.idFormat = idFormat;
    this.names = names;
    this.values = values;
  }

  /**
   * A variation whose id ({@code idFormat.apply(index)}) and key are computed when first asked for.
   */
  static Variation lazy(
      long index,
      java.util.function.LongFunction<String> idFormat,
      List<String> names,
      Object[] values) {
    return new Variation(index, idFormat, names, values);
  }

  /** Serialized with its id and key computed: the id format does not travel. */
  private Object writeReplace() {
    return idFormat == null ? this : new Variation(index, id(), key(), names, values);
  }

  /** The position in the design's order, from 0. */
  public long index() {
    return index;
  }

  /** The display id, e.g. {@code var-0001}. */
  public String id() {
    String i = id;
    if (i == null) {
      i = idFormat.apply(index);
      id = i;
    }
    return i;
  }

  /** The content key: 32 hex digits hashing the assignment. */
  public String key() {
    String k = key;
    if (k == null) {
      k = VariationKeys.key(names, values);
      key = k;
    }
    return k;
  }

  /** The parameter names, in spec order (shared by every variation of a plan). */
  public List<String> names() {
    return names;
  }

  /** The values, aligned with {@link #names()}. */
  public Object[] values() {
    return values;
  }

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
    return o instanceof Variation v
        && v.index == index
        && v.id().equals(id())
        && v.key().equals(key())
        && v.names.equals(names)
        && java.util.Arrays.equals(v.values, values);
  }

  @Override
  public int hashCode() {
    return key().hashCode();
  }

  @Override
  public String toString() {
    return id() + " " + params();
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
