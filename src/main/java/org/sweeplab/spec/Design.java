package org.sweeplab.spec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * How parameter points are chosen: the {@link Type}, the number of samples for sampled designs, the explicit points
 * of a {@code list} design, and exclusion rules (partial assignments; every point matching one is dropped).
 */
public record Design(Type type, long samples, List<Map<String, Object>> points, List<Map<String, Object>> exclude) {

  /** The design types. */
  public enum Type {
    /** The full Cartesian product of discrete parameters. */
    GRID,
    /** {@code samples} points of the grid without replacement, or Monte Carlo draws when distributions are used. */
    RANDOM,
    /** A Latin hypercube of {@code samples} points. */
    LHS,
    /** {@code samples} points of the Sobol sequence (Commons Math), starting after the origin. */
    SOBOL,
    /** Explicit points. */
    LIST;

    /** The lower-case name used in specs. */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** True for designs that take a {@code samples} count. */
    public boolean isSampled() {
      return this == RANDOM || this == LHS || this == SOBOL;
    }
  }

  public Design {
    Objects.requireNonNull(type, "type");
    points = copy(points);
    exclude = copy(exclude);
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
      throw new IllegalArgumentException("Design '" + type.label() + "' does not take points; use type: list");
    }
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

  /** This design with one more exclusion rule. */
  public Design excluding(Map<String, Object> rule) {
    List<Map<String, Object>> rules = new ArrayList<>(exclude);
    rules.add(rule);
    return new Design(type, samples, points, rules);
  }

  private static List<Map<String, Object>> copy(List<Map<String, Object>> maps) {
    if (maps == null) {
      return List.of();
    }
    List<Map<String, Object>> out = new ArrayList<>(maps.size());
    for (Map<String, Object> m : maps) {
      out.add(Collections.unmodifiableMap(new LinkedHashMap<>(m)));
    }
    return Collections.unmodifiableList(out);
  }
}
