package org.sweeplab.spec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * How parameter points are chosen: the {@link Type}, the number of samples for sampled designs, the
 * explicit points of a {@code list} design, and exclusion rules (partial assignments; every point
 * matching one is dropped).
 *
 * <p>Values in points and rules are normalised as in a spec read from YAML: {@link Integer}, {@link
 * Short} and {@link Byte} become {@link Long}, {@link Float} becomes {@link Double}. An exclusion
 * rule may give a list of values for a parameter, meaning "any of these"; such a rule is expanded
 * here into the single-value rules of the Cartesian product of its lists (in order, last parameter
 * varying fastest), so {@link #exclude()} only ever holds single values.
 */
public record Design(
    Type type,
    long samples,
    List<Map<String, Object>> points,
    List<Map<String, Object>> exclude,
    Order order,
    int levels) {

  /**
   * Which Sobol indices a {@code saltelli} design supports: the sample grows from N(k+2) to N(2k+2)
   * with S2.
   */
  public enum Order {
    /** First-order and total indices: the A, B and AB_i blocks, N(k+2) points. */
    FIRST_AND_TOTAL,
    /** Also second-order indices: the BA_i blocks too, N(2k+2) points. */
    SECOND;
  }

  /** The design types. */
  public enum Type {
    /** The full Cartesian product of discrete parameters. */
    GRID,
    /**
     * {@code samples} points of the grid without replacement, or Monte Carlo draws when
     * distributions are used.
     */
    RANDOM,
    /** A Latin hypercube of {@code samples} points. */
    LHS,
    /** {@code samples} points of the Sobol sequence (Commons Math), starting after the origin. */
    SOBOL,
    /** Explicit points. */
    LIST,
    /**
     * The Saltelli sample for Sobol indices: blocks A, B, AB_i (and BA_i with {@link Order#SECOND})
     * of {@code samples} rows each, from a Sobol sequence.
     */
    SALTELLI,
    /**
     * Morris elementary-effect trajectories: {@code samples} trajectories on a grid of {@code
     * levels} levels.
     */
    MORRIS;

    /** The lower-case name used in specs. */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** True for designs that take a {@code samples} count. */
    public boolean isSampled() {
      return this == RANDOM || this == LHS || this == SOBOL || this == SALTELLI || this == MORRIS;
    }

    /**
     * True for the designs made for sensitivity analysis, whose points form blocks or trajectories.
     */
    public boolean isSensitivity() {
      return this == SALTELLI || this == MORRIS;
    }
  }

  /** A design without the options of sensitivity designs (first and total order, no levels). */
  public Design(
      Type type,
      long samples,
      List<Map<String, Object>> points,
      List<Map<String, Object>> exclude) {
    this(type, samples, points, exclude, Order.FIRST_AND_TOTAL, type == Type.MORRIS ? 4 : 0);
  }

  public Design {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(order, "order");
    points = copyPoints(points);
    exclude = expandRules(exclude);
    if (type.isSampled() && samples < 1) {
      throw new IllegalArgumentException(
          "Design '" + type.label() + "' needs samples >= 1, got " + samples);
    }
    if (!type.isSampled() && samples != 0) {
      throw new IllegalArgumentException("Design '" + type.label() + "' does not take samples");
    }
    if (type == Type.LIST && points.isEmpty()) {
      throw new IllegalArgumentException("Design 'list' needs at least one point");
    }
    if (type != Type.LIST && !points.isEmpty()) {
      throw new IllegalArgumentException(
          "Design '" + type.label() + "' does not take points; use type: list");
    }
    if (type != Type.SALTELLI && order != Order.FIRST_AND_TOTAL) {
      throw new IllegalArgumentException(
          "Design '"
              + type.label()
              + "' does not take second_order; it is an option"
              + " of design 'saltelli'");
    }
    if (type == Type.MORRIS && (levels < 2 || levels % 2 != 0)) {
      throw new IllegalArgumentException(
          "Design 'morris' needs an even number of levels >= 2 (the step is half"
              + " the levels, Morris 1991), got "
              + levels);
    }
    if (type != Type.MORRIS && levels != 0) {
      throw new IllegalArgumentException(
          "Design '"
              + type.label()
              + "' does not take levels; it is an option of"
              + " design 'morris'");
    }
    if (type.isSensitivity() && !exclude.isEmpty()) {
      throw new IllegalArgumentException(
          "Design '"
              + type.label()
              + "' does not take exclusion rules: dropping"
              + " points would break its blocks; restrict the parameter ranges instead");
    }
  }

  /**
   * The Saltelli sample of {@code n} base rows for Sobol indices.
   *
   * @param order whether the BA_i blocks for second-order indices are added
   */
  public static Design saltelli(long n, Order order) {
    return new Design(Type.SALTELLI, n, List.of(), List.of(), order, 0);
  }

  /**
   * {@code trajectories} Morris trajectories on a grid of {@code levels} (even) levels per
   * parameter.
   */
  public static Design morris(long trajectories, int levels) {
    return new Design(
        Type.MORRIS, trajectories, List.of(), List.of(), Order.FIRST_AND_TOTAL, levels);
  }

  /** The number of Morris trajectories (the {@code samples} of a {@code morris} design). */
  public long trajectories() {
    return samples;
  }

  /** The full grid. */
  public static Design grid() {
    return new Design(Type.GRID, 0, List.of(), List.of());
  }

  /** {@code n} random points. */
  public static Design random(long n) {
    return new Design(Type.RANDOM, n, List.of(), List.of());
  }

  /** A Latin hypercube of {@code n} points. */
  public static Design lhs(long n) {
    return new Design(Type.LHS, n, List.of(), List.of());
  }

  /** {@code n} Sobol points. */
  public static Design sobol(long n) {
    return new Design(Type.SOBOL, n, List.of(), List.of());
  }

  /** Explicit points. */
  public static Design list(List<Map<String, Object>> points) {
    return new Design(Type.LIST, 0, points, List.of());
  }

  /**
   * This design with one more exclusion rule. A value may be a list, meaning "any of these"; see
   * the class comment.
   */
  public Design excluding(Map<String, Object> rule) {
    List<Map<String, Object>> rules = new ArrayList<>(exclude);
    rules.add(rule);
    return new Design(type, samples, points, rules, order, levels);
  }

  private static List<Map<String, Object>> copyPoints(List<Map<String, Object>> maps) {
    if (maps == null) {
      return List.of();
    }
    List<Map<String, Object>> out = new ArrayList<>(maps.size());
    for (Map<String, Object> m : maps) {
      Map<String, Object> point = new LinkedHashMap<>();
      for (Map.Entry<String, Object> e : m.entrySet()) {
        point.put(
            Objects.requireNonNull(e.getKey(), "point key"),
            scalar("point", e.getKey(), e.getValue()));
      }
      if (point.isEmpty()) {
        throw new IllegalArgumentException(
            "Design 'list' has an empty point; give a value for each parameter");
      }
      out.add(Collections.unmodifiableMap(point));
    }
    return Collections.unmodifiableList(out);
  }

  private static List<Map<String, Object>> expandRules(List<Map<String, Object>> rules) {
    if (rules == null) {
      return List.of();
    }
    List<Map<String, Object>> out = new ArrayList<>();
    for (Map<String, Object> rule : rules) {
      if (rule.isEmpty()) {
        throw new IllegalArgumentException(
            "an empty exclusion rule would drop every point; name at least one"
                + " parameter and its value");
      }
      List<Map<String, Object>> expanded = new ArrayList<>();
      expanded.add(new LinkedHashMap<>());
      for (Map.Entry<String, Object> e : rule.entrySet()) {
        String name = Objects.requireNonNull(e.getKey(), "exclusion key");
        List<Object> alternatives = new ArrayList<>();
        if (e.getValue() instanceof List<?> list) {
          if (list.isEmpty()) {
            throw new IllegalArgumentException(
                "exclusion rule for '" + name + "' has an empty list of values");
          }
          for (Object v : list) {
            alternatives.add(scalar("exclusion rule", name, v));
          }
        } else {
          alternatives.add(scalar("exclusion rule", name, e.getValue()));
        }
        List<Map<String, Object>> next = new ArrayList<>(expanded.size() * alternatives.size());
        for (Map<String, Object> partial : expanded) {
          for (Object v : alternatives) {
            Map<String, Object> m = new LinkedHashMap<>(partial);
            m.put(name, v);
            next.add(m);
          }
        }
        expanded = next;
      }
      for (Map<String, Object> m : expanded) {
        out.add(Collections.unmodifiableMap(m));
      }
    }
    return Collections.unmodifiableList(out);
  }

  private static Object scalar(String where, String name, Object v) {
    if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
      return ((Number) v).longValue();
    }
    if (v instanceof Float f) {
      return f.doubleValue();
    }
    if (v instanceof String || v instanceof Long || v instanceof Double || v instanceof Boolean) {
      return v;
    }
    String kind =
        v == null
            ? "null"
            : v instanceof List<?>
                ? "a list"
                : v instanceof Map<?, ?> ? "a map" : "a " + v.getClass().getSimpleName();
    throw new IllegalArgumentException(
        where
            + " value for '"
            + name
            + "' is "
            + kind
            + "; use a string, integer, float or boolean");
  }
}
