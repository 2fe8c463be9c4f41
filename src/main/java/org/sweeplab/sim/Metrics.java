package org.sweeplab.sim;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The outputs of one run: named values (numbers, strings or booleans, in insertion order) and an
 * optional cost. Integers are kept as {@link Long}, floats as {@link Double}. NaN is allowed and
 * written as an empty cell.
 */
public final class Metrics {
  private static final Metrics EMPTY = new Metrics(Map.of(), Double.NaN);

  private final Map<String, Object> values;
  private final double cost;

  private Metrics(Map<String, Object> values, double cost) {
    this.values = values;
    this.cost = cost;
  }

  /** No metrics and no cost. */
  public static Metrics empty() {
    return EMPTY;
  }

  /** Metrics from name, value pairs: {@code Metrics.of("score", 3.5, "win", true)}. */
  public static Metrics of(Object... nameValuePairs) {
    if (nameValuePairs.length % 2 != 0) {
      throw new IllegalArgumentException(
          "Metrics.of takes name, value pairs; got " + nameValuePairs.length + " arguments");
    }
    Builder b = builder();
    for (int i = 0; i < nameValuePairs.length; i += 2) {
      if (!(nameValuePairs[i] instanceof String name)) {
        throw new IllegalArgumentException(
            "Metric name at position " + i + " is not a string: " + nameValuePairs[i]);
      }
      b.put(name, nameValuePairs[i + 1]);
    }
    return b.build();
  }

  /** Metrics from a map; the key {@code cost}, if numeric, becomes the cost. */
  public static Metrics fromMap(Map<String, ?> map) {
    Builder b = builder();
    for (Map.Entry<String, ?> e : map.entrySet()) {
      if (e.getKey().equals("cost") && e.getValue() instanceof Number n) {
        b.cost(n.doubleValue());
      } else {
        b.put(e.getKey(), e.getValue());
      }
    }
    return b.build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The named values, in insertion order. */
  public Map<String, Object> values() {
    return values;
  }

  /** The cost, or NaN when none was reported. */
  public double cost() {
    return cost;
  }

  /** A copy with this cost. */
  public Metrics withCost(double c) {
    return new Metrics(values, c);
  }

  /**
   * These metrics followed by {@code later}'s; on a name clash the later value wins, and so does a
   * later cost.
   */
  public Metrics merge(Metrics later) {
    Map<String, Object> m = new LinkedHashMap<>(values);
    m.putAll(later.values);
    return new Metrics(
        Collections.unmodifiableMap(m), Double.isNaN(later.cost) ? cost : later.cost);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Metrics m && m.values.equals(values) && Double.compare(m.cost, cost) == 0;
  }

  @Override
  public int hashCode() {
    return Objects.hash(values, cost);
  }

  @Override
  public String toString() {
    return Double.isNaN(cost) ? values.toString() : values + " cost=" + cost;
  }

  /** Collects metrics; a name given twice keeps its last value. */
  public static final class Builder {
    private String[] names = new String[4];
    private Object[] values = new Object[4];
    private int size;
    private double cost = Double.NaN;

    private Builder() {}

    public Builder put(String name, Object value) {
      if (name == null || name.isEmpty()) {
        throw new IllegalArgumentException("Metric name is empty");
      }
      Object v = normalise(name, value);
      for (int i = 0; i < size; i++) {
        if (names[i].equals(name)) {
          values[i] = v;
          return this;
        }
      }
      if (size == names.length) {
        names = java.util.Arrays.copyOf(names, size * 2);
        values = java.util.Arrays.copyOf(values, size * 2);
      }
      names[size] = name;
      values[size++] = v;
      return this;
    }

    public Builder cost(double c) {
      this.cost = c;
      return this;
    }

    public Metrics build() {
      return new Metrics(
          new CompactMap(
              java.util.Arrays.copyOf(names, size), java.util.Arrays.copyOf(values, size)),
          cost);
    }

    private static Object normalise(String name, Object v) {
      if (v instanceof Double || v instanceof Long || v instanceof String || v instanceof Boolean) {
        return v;
      }
      if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
        return ((Number) v).longValue();
      }
      if (v instanceof Float f) {
        return f.doubleValue();
      }
      if (v instanceof Number n) {
        return n.doubleValue();
      }
      if (v instanceof CharSequence || v instanceof Enum<?> || v instanceof Character) {
        return v.toString();
      }
      throw new IllegalArgumentException(
          "Metric '"
              + name
              + "' has value "
              + v
              + " of type "
              + (v == null ? "null" : v.getClass().getName())
              + "; metrics must be numbers, strings or booleans");
    }
  }

  /**
   * An unmodifiable map over parallel arrays, in insertion order: small and cheap for a handful of
   * metrics.
   */
  private static final class CompactMap extends java.util.AbstractMap<String, Object> {
    private final String[] names;
    private final Object[] values;

    CompactMap(String[] names, Object[] values) {
      this.names = names;
      this.values = values;
    }

    @Override
    public Object get(Object key) {
      for (int i = 0; i < names.length; i++) {
        if (names[i].equals(key)) {
          return values[i];
        }
      }
      return null;
    }

    @Override
    public boolean containsKey(Object key) {
      for (String n : names) {
        if (n.equals(key)) {
          return true;
        }
      }
      return false;
    }

    @Override
    public int size() {
      return names.length;
    }

    @Override
    public java.util.Set<Entry<String, Object>> entrySet() {
      return new java.util.AbstractSet<>() {
        @Override
        public java.util.Iterator<Entry<String, Object>> iterator() {
          return new java.util.Iterator<>() {
            private int i;

            @Override
            public boolean hasNext() {
              return i < names.length;
            }

            @Override
            public Entry<String, Object> next() {
              if (i >= names.length) {
                throw new java.util.NoSuchElementException();
              }
              Entry<String, Object> e = new SimpleImmutableEntry<>(names[i], values[i]);
              i++;
              return e;
            }
          };
        }

        @Override
        public int size() {
          return names.length;
        }
      };
    }
  }
}
