package org.sweeplab.sim.command;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * One string of a command (an argv element, an environment value or the working directory) with
 * {@code {name}} placeholders. A placeholder is a brace pair around text without whitespace,
 * quotes, braces, {@code $}, backslash or backtick; every other brace is literal, so {@code '{"x":
 * 1}'} and {@code awk '{print $1}'} need no escaping. {@code {{} and {@code }}} always stand for
 * one literal brace. Parsed once, expanded per run.
 */
final class CommandTemplate {

  /** The names every command may use, besides the parameter names. */
  static final List<String> BUILT_IN_NAMES =
      List.of("seed", "run_id", "variation_id", "replicate", "run_dir", "config");

  private final String source;
  private final String where;

  /** Literal text (String) and placeholders (Name), in order. */
  private final List<Object> parts;

  private record Name(String name) {}

  private CommandTemplate(String source, String where, List<Object> parts) {
    this.source = source;
    this.where = where;
    this.parts = parts;
  }

  /**
   * Parses a template.
   *
   * @param where where the text comes from, for messages (e.g. {@code argv[2]})
   */
  static CommandTemplate parse(String source, String where) {
    List<Object> parts = new ArrayList<>();
    StringBuilder literal = new StringBuilder();
    int i = 0;
    while (i < source.length()) {
      char c = source.charAt(i);
      boolean doubled = i + 1 < source.length() && source.charAt(i + 1) == c;
      int close = c == '{' && !doubled ? source.indexOf('}', i + 1) : -1;
      if ((c == '{' || c == '}') && doubled) {
        literal.append(c);
        i += 2;
      } else if (close > i + 1 && isName(source, i + 1, close)) {
        if (literal.length() > 0) {
          parts.add(literal.toString());
          literal.setLength(0);
        }
        parts.add(new Name(source.substring(i + 1, close)));
        i = close + 1;
      } else {
        literal.append(c);
        i++;
      }
    }
    if (literal.length() > 0 || parts.isEmpty()) {
      parts.add(literal.toString());
    }
    return new CommandTemplate(source, where, List.copyOf(parts));
  }

  /**
   * Placeholder text: no whitespace, quotes, braces, '$', backslash or backtick (JSON and awk text
   * stay literal).
   */
  private static boolean isName(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c) || "\"'{}$\\`".indexOf(c) >= 0) {
        return false;
      }
    }
    return true;
  }

  /** The placeholder names used, in order of first use. */
  Set<String> names() {
    Set<String> names = new LinkedHashSet<>();
    for (Object p : parts) {
      if (p instanceof Name n) {
        names.add(n.name());
      }
    }
    return names;
  }

  /** True when this template uses the given placeholder. */
  boolean uses(String name) {
    return parts.contains(new Name(name));
  }

  /**
   * Checks every placeholder against the known names.
   *
   * @throws IllegalArgumentException naming the unknown placeholder and listing the valid names
   */
  void check(Collection<String> parameterNames) {
    for (String name : names()) {
      if (!BUILT_IN_NAMES.contains(name) && !parameterNames.contains(name)) {
        throw unknown(name, parameterNames);
      }
    }
  }

  /**
   * Expands the placeholders. {@code lookup} returns a value's text, or null for an unknown name.
   *
   * @throws IllegalArgumentException on an unknown name
   */
  String expand(Function<String, String> lookup, Collection<String> parameterNames) {
    if (parts.size() == 1 && parts.get(0) instanceof String s) {
      return s;
    }
    StringBuilder out = new StringBuilder(source.length() + 16);
    for (Object p : parts) {
      if (p instanceof Name n) {
        String value = lookup.apply(n.name());
        if (value == null) {
          throw unknown(n.name(), parameterNames);
        }
        out.append(value);
      } else {
        out.append((String) p);
      }
    }
    return out.toString();
  }

  private IllegalArgumentException unknown(String name, Collection<String> parameterNames) {
    List<String> valid = new ArrayList<>(BUILT_IN_NAMES);
    valid.addAll(parameterNames);
    return new IllegalArgumentException(
        String.format(
            Locale.ROOT,
            "simulation.command %s '%s' uses unknown placeholder '{%s}'; valid names are %s"
                + " (write '{{' and '}}' for literal braces)",
            where,
            source,
            name,
            String.join(", ", valid)));
  }

  /** The text of a parameter value as placed in argv and the environment: integers without ".0". */
  static String format(Object value) {
    if (value instanceof Double d) {
      return Double.toString(d);
    }
    return String.valueOf(value);
  }

  @Override
  public String toString() {
    return source;
  }
}
