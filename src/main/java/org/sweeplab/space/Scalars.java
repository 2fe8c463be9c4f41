package org.sweeplab.space;

/**
 * Parameter values as the design sees them: {@link String}, {@link Long}, {@link Double} or {@link
 * Boolean}.
 *
 * <p>Matching is numeric across integer and float: {@code 10} matches {@code 10.0} (and {@code
 * -0.0} matches {@code 0}), because a spec author writing {@code alpha: 10} in an exclusion rule
 * means the level 10.0 of a float range. Strings never match numbers ({@code "10"} is not {@code
 * 10}).
 */
final class Scalars {
  private Scalars() {}

  /** True when a rule or point value {@code a} denotes the parameter value {@code b}. */
  static boolean same(Object a, Object b) {
    if (a instanceof Long x) {
      return b instanceof Long y
          ? x.longValue() == y.longValue()
          : b instanceof Double z && sameNumber(x, z);
    }
    if (a instanceof Double x) {
      return b instanceof Double y
          ? x.doubleValue() == y.doubleValue()
          : b instanceof Long z && sameNumber(z, x);
    }
    return a != null && a.equals(b);
  }

  static boolean sameNumber(long l, double d) {
    // Exact: 2^53 + 1 is not 2^53 as a double, even though (double) (2^53 + 1) == 2^53.
    return d == (double) l && d >= -0x1p63 && d < 0x1p63 && (long) d == l;
  }

  /**
   * The value in canonical form: Integer, Short and Byte become Long, Float becomes Double (as the
   * spec builder does), or null when {@code v} is not a usable scalar (null, a list, a map, NaN, an
   * infinity).
   */
  static Object canonical(Object v) {
    if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
      return ((Number) v).longValue();
    }
    if (v instanceof Float f) {
      v = f.doubleValue();
    }
    if (v instanceof Double d) {
      return Double.isFinite(d) ? d : null;
    }
    return v instanceof String || v instanceof Long || v instanceof Boolean ? v : null;
  }

  /** What a value is, for error messages: "a list", "null", "NaN" … */
  static String describe(Object v) {
    if (v == null) {
      return "null";
    }
    if (v instanceof java.util.Collection) {
      return "a list";
    }
    if (v instanceof java.util.Map) {
      return "a map";
    }
    if (v instanceof Number) {
      return "the number " + v;
    }
    return "a " + v.getClass().getSimpleName();
  }
}
