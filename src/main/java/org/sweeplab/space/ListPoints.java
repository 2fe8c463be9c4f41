package org.sweeplab.space;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sweeplab.spec.Parameter;
import org.sweeplab.spec.Scenarios;
import org.sweeplab.spec.SpecException;
import org.sweeplab.spec.Suggestions;
import org.sweeplab.spec.SweepSpec;

/**
 * The explicit points of a {@code list} design, checked and aligned with the parameter names.
 *
 * <ul>
 *   <li>No parameters declared: the names are the first point's keys, in its order, and every point
 *       must give exactly those keys.
 *   <li>Parameters declared: the names are theirs. A point must give a value for each one, except a
 *       parameter with a single value, which acts as a default; a key that is not a parameter is an
 *       error.
 *   <li>Values are strings, integers, floats or booleans (Java ints and floats are widened to Long
 *       and Double). A number given for a parameter of a numeric kind takes that kind's type:
 *       {@code 1} for a {@code uniform} or {@code linspace} parameter becomes {@code 1.0}, and
 *       {@code 2.0} for an integer range becomes {@code 2}, so the simulation sees one type per
 *       parameter and content keys agree with other designs.
 *   <li>Two points with the same values are an error: they would share a content key.
 * </ul>
 */
final class ListPoints implements PointSource {
  private final List<String> names;
  private final List<Object[]> points;

  private ListPoints(List<String> names, List<Object[]> points) {
    this.names = names;
    this.points = points;
  }

  /**
   * @throws SpecException (key path {@code design.points}) when a point does not fit, as described
   *     above
   */
  static ListPoints of(SweepSpec spec) {
    List<Map<String, Object>> raw = spec.design().points();
    boolean declared = !spec.parameters().isEmpty();
    Map<String, Object> base = spec.base();
    List<String> names =
        new ArrayList<>(declared ? spec.parameterNames() : List.copyOf(raw.get(0).keySet()));
    int declaredCount = declared ? names.size() : 0;
    // Scenario overrides (dotted keys, or any key when there is a base) need no declaration: each
    // becomes a column,
    // and a point that does not give it takes the base's value, so content keys and seeds see the
    // merged values.
    for (Map<String, Object> point : raw) {
      for (String key : point.keySet()) {
        if (!names.contains(key) && (key.indexOf('.') > 0 || !base.isEmpty())) {
          names.add(key);
        }
      }
    }
    List<Object[]> points = new ArrayList<>(raw.size());
    Map<String, Integer> seen = new HashMap<>();
    for (int p = 0; p < raw.size(); p++) {
      Map<String, Object> given = raw.get(p);
      for (String key : given.keySet()) {
        if (!names.contains(key)) {
          throw error(
              declared
                  ? String.format(
                      Locale.ROOT,
                      "point %d gives '%s', which is not a parameter%s; parameters are %s",
                      p + 1,
                      key,
                      Suggestions.hint(key, names),
                      names)
                  : String.format(
                      Locale.ROOT,
                      "point %d gives '%s', which point 1 does not%s; without declared"
                          + " parameters every point gives the same names %s",
                      p + 1,
                      key,
                      Suggestions.hint(key, names),
                      names));
        }
      }
      Object[] values = new Object[names.size()];
      for (int d = 0; d < names.size(); d++) {
        String name = names.get(d);
        Parameter param = d < declaredCount ? spec.parameters().get(d) : null;
        if (!given.containsKey(name)) {
          if (param != null && param.isDiscrete() && param.size() == 1) {
            values[d] = param.level(0);
            continue;
          }
          Object fromBase = param == null ? Scalars.canonical(Scenarios.lookup(base, name)) : null;
          if (fromBase != null) {
            values[d] = fromBase;
            continue;
          }
          if (param == null && (name.indexOf('.') > 0 || !base.isEmpty())) {
            throw error(
                String.format(
                    Locale.ROOT,
                    "point %d gives no value for '%s', and the base scenario has no"
                        + " single value there; give it in every point or add it to base",
                    p + 1,
                    name));
          }
          throw error(
              declared
                  ? String.format(
                      Locale.ROOT,
                      "point %d gives no value for '%s'; every point gives every parameter,"
                          + " except parameters with a single value, which act as defaults",
                      p + 1,
                      name)
                  : String.format(
                      Locale.ROOT,
                      "point %d gives no value for '%s'; without declared parameters every"
                          + " point gives the same names %s",
                      p + 1,
                      name,
                      names));
        }
        values[d] = value(p, name, given.get(name), param);
      }
      String key = VariationKeys.key(names, values);
      Integer earlier = seen.putIfAbsent(key, p);
      if (earlier != null) {
        throw error(
            String.format(
                Locale.ROOT,
                "point %d repeats point %d; each point is one variation (use"
                    + " replicates to run a point several times)",
                p + 1,
                earlier + 1));
      }
      points.add(values);
    }
    return new ListPoints(List.copyOf(names), List.copyOf(points));
  }

  List<String> names() {
    return names;
  }

  @Override
  public long count() {
    return points.size();
  }

  @Override
  public Iterator<Object[]> iterator() {
    Iterator<Object[]> it = points.iterator();
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return it.hasNext();
      }

      @Override
      public Object[] next() {
        return it.next().clone();
      }
    };
  }

  private static Object value(int p, String name, Object given, Parameter param) {
    Object v = Scalars.canonical(given);
    if (v == null) {
      throw error(
          String.format(
              Locale.ROOT,
              "point %d gives %s for '%s'; a value is one string, integer, float or" + " boolean",
              p + 1,
              Scalars.describe(given),
              name));
    }
    if (isFloatKind(param) && v instanceof Long l) {
      return l.doubleValue();
    }
    if (isIntegerKind(param) && v instanceof Double d) {
      if (!Scalars.sameNumber((long) (double) d, d)) {
        throw error(
            String.format(
                Locale.ROOT,
                "point %d gives %s for '%s', which takes integers (%s)",
                p + 1,
                d,
                name,
                param.kind()));
      }
      return (long) (double) d;
    }
    return v;
  }

  private static boolean isFloatKind(Parameter p) {
    return p instanceof Parameter.FloatRange
        || p instanceof Parameter.Linspace
        || p instanceof Parameter.Logspace
        || p instanceof Parameter.Uniform
        || p instanceof Parameter.LogUniform
        || p instanceof Parameter.Normal;
  }

  private static boolean isIntegerKind(Parameter p) {
    return p instanceof Parameter.IntRange || p instanceof Parameter.IntUniform;
  }

  private static SpecException error(String problem) {
    return new SpecException(null, 0, 0, "design.points", problem);
  }
}
