package org.sweeplab.spec;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.sweeplab.results.ResultsContract;

/**
 * One swept parameter: a name and either a finite list of levels or a distribution to sample from.
 *
 * <p>Values are always one of {@link String}, {@link Long}, {@link Double} or {@link Boolean}.
 * Discrete parameters expose their levels by index ({@link #size()}, {@link #level(int)}), so a
 * grid over them can be enumerated lazily. Every parameter can also map a unit-interval coordinate
 * to a value ({@link #fromUnit(double)}), which is what sampled designs (random, Latin hypercube,
 * Sobol) use.
 */
public sealed interface Parameter
    permits Parameter.Values,
        Parameter.IntRange,
        Parameter.FloatRange,
        Parameter.Linspace,
        Parameter.Logspace,
        Parameter.Distribution {

  /**
   * Column names that sweeplab writes itself in every results table; no parameter may use one of
   * them.
   */
  List<String> RESERVED_NAMES = ResultsContract.RESERVED_NAMES;

  /** The form of a parameter name: a letter or '_', then letters, digits, '_', '.' or '-'. */
  Pattern NAME_PATTERN = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");

  /**
   * Checks that {@code name} can be a parameter name: it matches {@link #NAME_PATTERN} and is not
   * one of the {@link #RESERVED_NAMES}.
   *
   * @throws IllegalArgumentException naming the bad name and what would be valid
   */
  static void checkName(String name) {
    Objects.requireNonNull(name, "name");
    if (!NAME_PATTERN.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "parameter name '"
              + name
              + "' is not valid: start with a letter or '_',"
              + " then use letters, digits, '_', '.' or '-'");
    }
    if (RESERVED_NAMES.contains(name)) {
      throw new IllegalArgumentException(
          "parameter name '"
              + name
              + "' is reserved for a results column; reserved"
              + " names are "
              + String.join(", ", RESERVED_NAMES));
    }
  }

  /** The parameter's name, as written in the spec and used as a column name. */
  String name();

  /** True when the parameter has a finite list of levels (lists, ranges, linspace, logspace). */
  default boolean isDiscrete() {
    return true;
  }

  /** The number of levels; {@code -1} for a continuous distribution. */
  int size();

  /** Level {@code i}, {@code 0 <= i < size()}. */
  Object level(int i);

  /**
   * Maps {@code u} in [0, 1) to a value. For a discrete parameter this picks level {@code floor(u *
   * size)}; for a distribution it is the inverse CDF.
   */
  default Object fromUnit(double u) {
    int n = size();
    int i = (int) Math.floor(u * n);
    return level(Math.min(Math.max(i, 0), n - 1));
  }

  /** The short kind name used in the spec (e.g. {@code values}, {@code range}, {@code uniform}). */
  String kind();

  // ---------------------------------------------------------------- discrete kinds

  /** An explicit list of values. */
  record Values(String name, List<Object> values) implements Parameter {
    public Values {
      Objects.requireNonNull(name, "name");
      values = List.copyOf(values);
      if (values.isEmpty()) {
        throw new IllegalArgumentException("Parameter '" + name + "' has an empty list of values");
      }
      for (Object v : values) {
        checkScalar(name, v);
      }
    }

    @Override
    public int size() {
      return values.size();
    }

    @Override
    public Object level(int i) {
      return values.get(i);
    }

    @Override
    public String kind() {
      return "values";
    }
  }

  /** Integers from {@code start} to {@code stop} (inclusive when reached) by {@code step}. */
  record IntRange(String name, long start, long stop, long step) implements Parameter {
    public IntRange {
      Objects.requireNonNull(name, "name");
      checkStep(name, start, stop, step);
      long n = (stop - start) / step + 1;
      if (n > Integer.MAX_VALUE) {
        throw new IllegalArgumentException(
            "Parameter '" + name + "' range has " + n + " levels; at most " + Integer.MAX_VALUE);
      }
    }

    @Override
    public int size() {
      return (int) ((stop - start) / step + 1);
    }

    @Override
    public Object level(int i) {
      return start + i * step;
    }

    @Override
    public String kind() {
      return "range";
    }
  }

  /**
   * Floating-point values from {@code start} to {@code stop} by {@code step}; {@code stop} is
   * included when it is reached within a relative tolerance of 1e-9 of the step.
   */
  record FloatRange(String name, double start, double stop, double step) implements Parameter {
    public FloatRange {
      Objects.requireNonNull(name, "name");
      checkFinite(name, "start", start);
      checkFinite(name, "stop", stop);
      checkFinite(name, "step", step);
      checkStep(name, start, stop, step);
      double n = Math.floor((stop - start) / step + 1e-9) + 1;
      if (n > Integer.MAX_VALUE) {
        throw new IllegalArgumentException(
            "Parameter '"
                + name
                + "' range has "
                + (long) n
                + " levels; at most "
                + Integer.MAX_VALUE);
      }
    }

    @Override
    public int size() {
      return (int) (Math.floor((stop - start) / step + 1e-9) + 1);
    }

    @Override
    public Object level(int i) {
      return start + i * step;
    }

    @Override
    public String kind() {
      return "range";
    }
  }

  /** {@code num} evenly spaced values from {@code start} to {@code stop}, both included. */
  record Linspace(String name, double start, double stop, int num) implements Parameter {
    public Linspace {
      Objects.requireNonNull(name, "name");
      checkFinite(name, "start", start);
      checkFinite(name, "stop", stop);
      if (num < 1) {
        throw new IllegalArgumentException(
            "Parameter '" + name + "' linspace needs num >= 1, got " + num);
      }
    }

    @Override
    public int size() {
      return num;
    }

    @Override
    public Object level(int i) {
      if (num == 1) {
        return start;
      }
      return i == num - 1 ? stop : start + (stop - start) * i / (num - 1);
    }

    @Override
    public String kind() {
      return "linspace";
    }
  }

  /**
   * {@code num} values spaced evenly on a log scale from {@code start} to {@code stop}, both
   * included and both positive (the endpoints are values, not exponents).
   */
  record Logspace(String name, double start, double stop, int num) implements Parameter {
    public Logspace {
      Objects.requireNonNull(name, "name");
      checkFinite(name, "start", start);
      checkFinite(name, "stop", stop);
      if (!(start > 0) || !(stop > 0)) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "Parameter '%s' logspace needs positive start and stop, got %s and %s",
                name,
                start,
                stop));
      }
      if (num < 1) {
        throw new IllegalArgumentException(
            "Parameter '" + name + "' logspace needs num >= 1, got " + num);
      }
    }

    @Override
    public int size() {
      return num;
    }

    @Override
    public Object level(int i) {
      if (num == 1) {
        return start;
      }
      if (i == 0) {
        return start;
      }
      if (i == num - 1) {
        return stop;
      }
      double ls = Math.log(start);
      double le = Math.log(stop);
      return Math.exp(ls + (le - ls) * i / (num - 1));
    }

    @Override
    public String kind() {
      return "logspace";
    }
  }

  // ---------------------------------------------------------------- distributions

  /** A distribution; only sampled designs can use it. */
  sealed interface Distribution extends Parameter
      permits Uniform, LogUniform, Normal, IntUniform, Choice {
    @Override
    default boolean isDiscrete() {
      return false;
    }

    @Override
    default int size() {
      return -1;
    }

    @Override
    default Object level(int i) {
      throw new UnsupportedOperationException(
          "Parameter '" + name() + "' is a distribution, not a list");
    }
  }

  /** Uniform on [low, high). */
  record Uniform(String name, double low, double high) implements Distribution {
    public Uniform {
      checkBounds(name, low, high);
    }

    @Override
    public Object fromUnit(double u) {
      return low + u * (high - low);
    }

    @Override
    public String kind() {
      return "uniform";
    }
  }

  /** Log-uniform on [low, high), both positive. */
  record LogUniform(String name, double low, double high) implements Distribution {
    public LogUniform {
      checkBounds(name, low, high);
      if (!(low > 0)) {
        throw new IllegalArgumentException(
            "Parameter '" + name + "' log-uniform needs low > 0, got " + low);
      }
    }

    @Override
    public Object fromUnit(double u) {
      return Math.exp(Math.log(low) + u * (Math.log(high) - Math.log(low)));
    }

    @Override
    public String kind() {
      return "loguniform";
    }
  }

  /** Normal with the given mean and standard deviation (sd > 0). */
  record Normal(String name, double mean, double sd) implements Distribution {
    public Normal {
      Objects.requireNonNull(name, "name");
      checkFinite(name, "mean", mean);
      checkFinite(name, "sd", sd);
      if (!(sd > 0)) {
        throw new IllegalArgumentException(
            "Parameter '" + name + "' normal needs sd > 0, got " + sd);
      }
    }

    @Override
    public Object fromUnit(double u) {
      // Keep u inside (0, 1) so the inverse CDF stays finite.
      double p = Math.min(Math.max(u, 1e-12), 1 - 1e-12);
      return mean + sd * InverseNormal.quantile(p);
    }

    @Override
    public String kind() {
      return "normal";
    }
  }

  /** Integers uniform on [low, high], both included. */
  record IntUniform(String name, long low, long high) implements Distribution {
    public IntUniform {
      Objects.requireNonNull(name, "name");
      if (high < low) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "Parameter '%s' needs low <= high, got low=%d high=%d",
                name,
                low,
                high));
      }
    }

    @Override
    public Object fromUnit(double u) {
      long span = high - low + 1;
      long k = (long) Math.floor(u * span);
      return low + Math.min(Math.max(k, 0), span - 1);
    }

    @Override
    public String kind() {
      return "intuniform";
    }
  }

  /** A weighted choice among values; weights need not sum to one. */
  record Choice(String name, List<Object> values, List<Double> weights) implements Distribution {
    public Choice {
      Objects.requireNonNull(name, "name");
      values = List.copyOf(values);
      weights = List.copyOf(weights);
      if (values.isEmpty()) {
        throw new IllegalArgumentException("Parameter '" + name + "' choice has no values");
      }
      if (weights.size() != values.size()) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "Parameter '%s' choice has %d values but %d weights",
                name,
                values.size(),
                weights.size()));
      }
      for (Object v : values) {
        checkScalar(name, v);
      }
      double total = 0;
      for (double w : weights) {
        if (!(w >= 0) || Double.isInfinite(w)) {
          throw new IllegalArgumentException(
              "Parameter '" + name + "' choice weight must be >= 0, got " + w);
        }
        total += w;
      }
      if (!(total > 0)) {
        throw new IllegalArgumentException("Parameter '" + name + "' choice weights sum to zero");
      }
    }

    @Override
    public Object fromUnit(double u) {
      double total = 0;
      for (double w : weights) {
        total += w;
      }
      double target = u * total;
      double acc = 0;
      for (int i = 0; i < values.size(); i++) {
        acc += weights.get(i);
        if (target < acc) {
          return values.get(i);
        }
      }
      return values.get(values.size() - 1);
    }

    @Override
    public String kind() {
      return "choice";
    }
  }

  // ---------------------------------------------------------------- checks

  private static void checkScalar(String name, Object v) {
    if (!(v instanceof String
        || v instanceof Long
        || v instanceof Double
        || v instanceof Boolean)) {
      throw new IllegalArgumentException(
          "Parameter '"
              + name
              + "' value "
              + v
              + " is a "
              + (v == null ? "null" : v.getClass().getSimpleName())
              + "; values must be strings, integers, floats or booleans");
    }
    if (v instanceof Double d && !Double.isFinite(d)) {
      throw new IllegalArgumentException("Parameter '" + name + "' value " + d + " is not finite");
    }
  }

  private static void checkFinite(String name, String what, double v) {
    if (!Double.isFinite(v)) {
      throw new IllegalArgumentException(
          "Parameter '" + name + "' " + what + " must be finite, got " + v);
    }
  }

  private static void checkBounds(String name, double low, double high) {
    Objects.requireNonNull(name, "name");
    checkFinite(name, "low", low);
    checkFinite(name, "high", high);
    if (!(high > low)) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT, "Parameter '%s' needs low < high, got low=%s high=%s", name, low, high));
    }
  }

  private static void checkStep(String name, double start, double stop, double step) {
    if (step == 0) {
      throw new IllegalArgumentException(
          "Parameter '"
              + name
              + "' range step is zero; use a step with the sign of "
              + "stop - start ("
              + (stop >= start ? "positive" : "negative")
              + ")");
    }
    if ((stop - start) * step < 0) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "Parameter '%s' range step %s has the wrong sign: from %s to %s needs a %s step",
              name,
              fmt(step),
              fmt(start),
              fmt(stop),
              stop >= start ? "positive" : "negative"));
    }
  }

  private static String fmt(double d) {
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
  }
}
