package org.sweeplab.spec;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The merged scenario of a run: the spec's {@code base} (a nested map, possibly empty) with every
 * parameter set at its dotted path, so {@code actors.regulator.model = claude-3-haiku} replaces
 * that one key of the base and leaves its siblings alone. A parameter without a dot sets a
 * top-level key. Commands get the result as {@code config.json} ({@code {config}}) and in their
 * stdin JSON; Java simulations as {@code RunContext.config()}.
 */
public final class Scenarios {
  private Scenarios() {}

  /**
   * The base with each parameter set at its path; the base itself is not changed. A null or empty
   * base gives the parameters alone, nested by their dots.
   */
  public static Map<String, Object> merge(Map<String, Object> base, Map<String, Object> params) {
    Map<String, Object> out = copy(base == null ? Map.of() : base);
    for (Map.Entry<String, Object> e : params.entrySet()) {
      set(out, e.getKey().split("\\.", -1), e.getValue());
    }
    return out;
  }

  /**
   * The value at a dotted path of {@code scenario}, or null when the path is absent (or leads
   * through a non-map).
   */
  public static Object lookup(Map<String, Object> scenario, String path) {
    Object at = scenario;
    for (String k : path.split("\\.", -1)) {
      if (!(at instanceof Map<?, ?> m) || !m.containsKey(k)) {
        return null;
      }
      at = m.get(k);
    }
    return at;
  }

  /**
   * The names a spec sets in the scenario: its parameters, then the keys of its list design's
   * points.
   */
  static Set<String> names(List<Parameter> parameters, Design design) {
    Set<String> names = new LinkedHashSet<>();
    for (Parameter p : parameters) {
      names.add(p.name());
    }
    for (Map<String, Object> point : design.points()) {
      names.addAll(point.keySet());
    }
    return names;
  }

  /**
   * Checks that the names can be set in the base without clobbering it: no name may lead through a
   * key the base gives as a single value, replace a map of the base with a single value, or be a
   * path prefix of another name.
   *
   * @throws IllegalArgumentException naming the parameter and the key of the base that is in the
   *     way
   */
  static void checkPaths(Map<String, Object> base, Collection<String> names) {
    List<String> all = new ArrayList<>(names);
    for (String name : all) {
      for (String other : all) {
        if (other.startsWith(name + ".")) {
          throw new IllegalArgumentException(
              "parameters '"
                  + name
                  + "' and '"
                  + other
                  + "' both set '"
                  + name
                  + "' in the scenario: one as a value, one as a map; keep only one of them");
        }
      }
      if (base.isEmpty()) {
        continue;
      }
      String[] path = name.split("\\.", -1);
      Object at = base;
      for (int i = 0; i < path.length; i++) {
        Object next = ((Map<?, ?>) at).get(path[i]);
        String prefix = String.join(".", java.util.Arrays.copyOfRange(path, 0, i + 1));
        if (next == null) {
          break;
        }
        if (i == path.length - 1) {
          if (next instanceof Map<?, ?>) {
            throw new IllegalArgumentException(
                "parameter '"
                    + name
                    + "' would replace the map '"
                    + prefix
                    + "' of the base scenario with a single value; set a key inside it, e.g. "
                    + prefix
                    + "."
                    + ((Map<?, ?>) next)
                        .keySet().stream().findFirst().map(String::valueOf).orElse("KEY"));
          }
        } else if (!(next instanceof Map<?, ?>)) {
          throw new IllegalArgumentException(
              "parameter '"
                  + name
                  + "' sets a key inside '"
                  + prefix
                  + "', which the"
                  + " base scenario gives as the value "
                  + next
                  + ", not as a map");
        }
        at = next;
      }
    }
  }

  /**
   * Deep-merges {@code over} into a copy of {@code under}: maps merge key by key, anything else
   * replaces.
   */
  public static Map<String, Object> overlay(Map<String, Object> under, Map<String, Object> over) {
    Map<String, Object> out = copy(under);
    for (Map.Entry<String, Object> e : over.entrySet()) {
      Object old = out.get(e.getKey());
      if (old instanceof Map<?, ?> om && e.getValue() instanceof Map<?, ?> nm) {
        out.put(e.getKey(), overlay(cast(om), cast(nm)));
      } else {
        out.put(e.getKey(), copyValue(e.getValue()));
      }
    }
    return out;
  }

  private static void set(Map<String, Object> root, String[] path, Object value) {
    Map<String, Object> at = root;
    for (int i = 0; i < path.length - 1; i++) {
      Object next = at.get(path[i]);
      if (!(next instanceof Map<?, ?>)) {
        next = new LinkedHashMap<String, Object>();
        at.put(path[i], next);
      }
      at = cast((Map<?, ?>) next);
    }
    at.put(path[path.length - 1], value);
  }

  private static Map<String, Object> copy(Map<String, Object> m) {
    Map<String, Object> out = new LinkedHashMap<>();
    m.forEach((k, v) -> out.put(k, copyValue(v)));
    return out;
  }

  private static Object copyValue(Object v) {
    if (v instanceof Map<?, ?> m) {
      return copy(cast(m));
    }
    if (v instanceof List<?> l) {
      List<Object> out = new ArrayList<>(l.size());
      l.forEach(x -> out.add(copyValue(x)));
      return out;
    }
    return v;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> cast(Map<?, ?> m) {
    return (Map<String, Object>) m;
  }

  /** An unmodifiable view, for handing a merged scenario to simulations. */
  public static Map<String, Object> readOnly(Map<String, Object> m) {
    return Collections.unmodifiableMap(m);
  }
}
