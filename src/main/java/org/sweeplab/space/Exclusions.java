package org.sweeplab.space;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sweeplab.spec.Parameter;
import org.sweeplab.spec.SpecException;
import org.sweeplab.spec.Suggestions;

/**
 * The exclusion rules of a design, checked against its parameter names: a point is dropped when it
 * matches any rule, i.e. when it has the rule's value (numerically, see {@link Scalars#same}) for
 * every parameter the rule names.
 */
final class Exclusions {
  private static final Exclusions NONE = new Exclusions(List.of(), List.of());

  private final List<int[]> dims;
  private final List<Object[]> values;

  private Exclusions(List<int[]> dims, List<Object[]> values) {
    this.dims = dims;
    this.values = values;
  }

  static Exclusions none() {
    return NONE;
  }

  /**
   * Compiles rules against the parameter names of a design.
   *
   * @throws SpecException (key path {@code design.exclude}) when a rule is empty, names an unknown
   *     parameter or has a value that is not a string, integer, float or boolean
   */
  static Exclusions of(List<Map<String, Object>> rules, List<String> names) {
    if (rules.isEmpty()) {
      return NONE;
    }
    List<int[]> dims = new ArrayList<>(rules.size());
    List<Object[]> values = new ArrayList<>(rules.size());
    for (int r = 0; r < rules.size(); r++) {
      Map<String, Object> rule = rules.get(r);
      if (rule.isEmpty()) {
        throw new SpecException(
            null,
            0,
            0,
            "design.exclude",
            String.format(
                Locale.ROOT,
                "rule %d is empty and would exclude every point; give parameter: value pairs",
                r + 1));
      }
      int[] ds = new int[rule.size()];
      Object[] vs = new Object[rule.size()];
      int k = 0;
      for (Map.Entry<String, Object> e : rule.entrySet()) {
        int d = names.indexOf(e.getKey());
        if (d < 0) {
          throw new SpecException(
              null,
              0,
              0,
              "design.exclude",
              String.format(
                  Locale.ROOT,
                  "rule %d names '%s', which is not a parameter%s; parameters are %s",
                  r + 1,
                  e.getKey(),
                  Suggestions.hint(e.getKey(), names),
                  names));
        }
        Object v = Scalars.canonical(e.getValue());
        if (v == null) {
          throw new SpecException(
              null,
              0,
              0,
              "design.exclude",
              String.format(
                  Locale.ROOT,
                  "rule %d gives %s for '%s'; a rule value must be one string, integer, float or boolean"
                      + " (write one rule per value to exclude several)",
                  r + 1,
                  Scalars.describe(e.getValue()),
                  e.getKey()));
        }
        ds[k] = d;
        vs[k] = v;
        k++;
      }
      dims.add(ds);
      values.add(vs);
    }
    return new Exclusions(List.copyOf(dims), List.copyOf(values));
  }

  boolean isEmpty() {
    return dims.isEmpty();
  }

  /** True when the point (aligned with the names) matches a rule. */
  boolean matches(Object[] point) {
    for (int r = 0; r < dims.size(); r++) {
      int[] ds = dims.get(r);
      Object[] vs = values.get(r);
      boolean all = true;
      for (int k = 0; k < ds.length && all; k++) {
        all = Scalars.same(vs[k], point[ds[k]]);
      }
      if (all) {
        return true;
      }
    }
    return false;
  }

  /**
   * The rules in level-index form for a grid of these parameters: each rule becomes the level index
   * it fixes per dimension ({@code -1} where it fixes none). A rule whose value is not a level
   * matches nothing and is left out; a value equal to several levels (a list with duplicates) gives
   * one rule per level.
   */
  List<int[]> onGrid(Grid grid) {
    List<int[]> out = new ArrayList<>();
    for (int r = 0; r < dims.size(); r++) {
      int[] ds = dims.get(r);
      int[][] choices = new int[ds.length][];
      boolean possible = true;
      for (int k = 0; k < ds.length && possible; k++) {
        choices[k] = levelsOf(grid.parameter(ds[k]), values.get(r)[k]);
        possible = choices[k].length > 0;
      }
      if (possible) {
        expand(grid.dimensions(), ds, choices, 0, new int[ds.length], out);
      }
    }
    return out;
  }

  private static void expand(
      int dimensions, int[] ds, int[][] choices, int k, int[] pick, List<int[]> out) {
    if (k == ds.length) {
      int[] rule = new int[dimensions];
      java.util.Arrays.fill(rule, -1);
      for (int j = 0; j < ds.length; j++) {
        rule[ds[j]] = choices[j][pick[j]];
      }
      out.add(rule);
      return;
    }
    for (pick[k] = 0; pick[k] < choices[k].length; pick[k]++) {
      expand(dimensions, ds, choices, k + 1, pick, out);
    }
  }

  /** The indices of the levels of a discrete parameter equal to {@code v}, ascending. */
  static int[] levelsOf(Parameter p, Object v) {
    if (p instanceof Parameter.IntRange r) {
      if (!(v instanceof Long
          || v instanceof Double d && Scalars.sameNumber((long) (double) d, d))) {
        return new int[0];
      }
      long x = ((Number) v).longValue();
      try {
        long offset = Math.subtractExact(x, r.start());
        long i = offset / r.step();
        return offset % r.step() == 0 && i >= 0 && i < r.size() ? new int[] {(int) i} : new int[0];
      } catch (ArithmeticException e) {
        return new int[0];
      }
    }
    if (p instanceof Parameter.FloatRange r && (v instanceof Double || v instanceof Long)) {
      double x = ((Number) v).doubleValue();
      long guess = Math.round((x - r.start()) / r.step());
      List<Integer> hits = new ArrayList<>(1);
      for (long i = Math.max(0, guess - 1); i <= guess + 1 && i < r.size(); i++) {
        if (Scalars.same(v, r.level((int) i))) {
          hits.add((int) i);
        }
      }
      return hits.stream().mapToInt(Integer::intValue).toArray();
    }
    List<Integer> hits = new ArrayList<>(1);
    for (int i = 0; i < p.size(); i++) {
      if (Scalars.same(v, p.level(i))) {
        hits.add(i);
      }
    }
    return hits.stream().mapToInt(Integer::intValue).toArray();
  }
}
