package org.sweeplab.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The keys a spec may hold, at each level. The loader rejects every other key, and {@code --set}
 * overrides are checked against the same lists.
 *
 * <p><b>Adding a key</b> (for example {@code budget}, {@code retries}, {@code rate_limit} or {@code
 * execution.backend}): add it to the list here, read it in {@link SpecReader} (one method per
 * section, each starting from the key list), write it in {@link SpecWriter#toYaml}, decide whether
 * {@link SpecWriter#configHash} covers it, and document it in {@code docs/spec-reference.md}. A new
 * section that is a map also needs an entry in {@link #keysUnder(List)} so overrides can reach
 * inside it.
 */
final class SpecSchema {
  private SpecSchema() {}

  /** Top-level keys, in the order the writer emits them. */
  static final List<String> TOP =
      List.of(
          "name",
          "description",
          "simulation",
          "base",
          "base_file",
          "parameters",
          "design",
          "replicates",
          "seed",
          "seeding",
          "execution",
          "budget",
          "output",
          "listeners",
          "metadata");

  /** Keys of {@code execution}. */
  static final List<String> EXECUTION =
      List.of(
          "max_parallel",
          "timeout_per_run",
          "fail_fast",
          "max_runs",
          "retries",
          "rate_limit",
          "interrupt_grace",
          "backend",
          "spark",
          "shard",
          "racing");

  /** Keys of {@code execution.racing}. */
  static final List<String> RACING =
      List.of("metric", "direction", "min_replicates", "max_replicates", "step", "alpha", "test");

  /** The values of {@code execution.racing.direction}. */
  static final List<String> RACE_DIRECTIONS = List.of("higher", "lower");

  /** The values of {@code execution.racing.test}. */
  static final List<String> RACE_TESTS = List.of("welch", "mann-whitney");

  /** Keys of {@code execution.retries}. */
  static final List<String> RETRIES =
      List.of("max_attempts", "initial_delay", "max_delay", "multiplier");

  /** Keys of {@code execution.rate_limit} when written as a map. */
  static final List<String> RATE_LIMIT = List.of("runs", "per", "max_wait");

  /** The values of {@code execution.rate_limit.per}. */
  static final List<String> RATE_PERIODS = List.of("second", "minute");

  /** Keys of {@code budget}. */
  static final List<String> BUDGET =
      List.of("total", "per_run", "unit", "estimate_per_run", "estimate_by", "in_flight");

  /** Keys of {@code budget.estimate_by}. */
  static final List<String> ESTIMATE_BY = List.of("parameter", "costs");

  /** The values of {@code budget.in_flight}. */
  static final List<String> IN_FLIGHT = List.of("finish", "cancel");

  /** Keys of {@code execution.spark}. */
  static final List<String> SPARK = List.of("master", "partitions", "conf");

  /** Keys of {@code output}. */
  static final List<String> OUTPUT = List.of("dir", "run_records", "formats");

  /** Values of {@code output.formats}. */
  static final List<String> OUTPUT_FORMATS = List.of("csv", "parquet");

  /** Keys of {@code design} when written as a map. */
  static final List<String> DESIGN =
      List.of("type", "samples", "second_order", "trajectories", "levels", "points", "exclude");

  /** The keys that say what kind of simulation a map describes; exactly one must be present. */
  static final List<String> SIMULATION_KINDS = List.of("name", "class", "command", "pipeline");

  /**
   * The kind sweeplab writes for a simulation given in code ({@link SimulationSpec.InCode}); read
   * back for a resume, never suggested to a user writing a spec.
   */
  static final String IN_CODE = "in_code";

  /** Keys that only a {@code command} simulation takes. */
  static final List<String> COMMAND_OPTIONS =
      List.of("env", "workdir", "result", "log_cap", "transient_exit_codes");

  /** Every key of a simulation map. */
  static final List<String> SIMULATION =
      concat(concat(SIMULATION_KINDS, COMMAND_OPTIONS), List.of("stage", IN_CODE));

  /** Keys of one entry of {@code listeners}. */
  static final List<String> LISTENER = List.of("class");

  /** The keys of each parameter type, {@code type} first. */
  static final Map<String, List<String>> PARAMETER_KEYS = parameterKeys();

  /** The parameter types, in documentation order. */
  static final List<String> PARAMETER_TYPES = List.copyOf(PARAMETER_KEYS.keySet());

  /** The values of {@code seeding}. */
  static final List<String> SEEDINGS = List.of("independent", "common");

  /** The values of {@code design} / {@code design.type}. */
  static final List<String> DESIGN_TYPES = designTypes();

  /**
   * The keys allowed inside the map at {@code path} (a list of keys from the top), for checking
   * overrides: null when any key is allowed (parameter names, {@code metadata}, {@code
   * simulation.env}), an empty list when the value at {@code path} takes no keys.
   */
  static List<String> keysUnder(List<String> path) {
    if (path.isEmpty()) {
      return TOP;
    }
    String first = path.get(0);
    if (first.equals("metadata") || first.equals("base")) {
      return null;
    }
    if (path.size() == 1) {
      switch (first) {
        case "execution":
          return EXECUTION;
        case "budget":
          return BUDGET;
        case "output":
          return OUTPUT;
        case "design":
          return DESIGN;
        case "simulation":
          return SIMULATION;
        case "parameters":
          return null;
        default:
          return List.of();
      }
    }
    if (path.size() == 2 && first.equals("parameters")) {
      LinkedHashSet<String> all = new LinkedHashSet<>();
      PARAMETER_KEYS.values().forEach(all::addAll);
      return List.copyOf(all);
    }
    if (path.size() == 2 && first.equals("simulation") && path.get(1).equals("env")) {
      return null;
    }
    if (path.size() == 2 && first.equals("execution")) {
      switch (path.get(1)) {
        case "retries":
          return RETRIES;
        case "rate_limit":
          return RATE_LIMIT;
        case "spark":
          return SPARK;
        case "racing":
          return RACING;
        default:
          return List.of();
      }
    }
    if (path.size() == 2 && first.equals("budget") && path.get(1).equals("estimate_by")) {
      return ESTIMATE_BY;
    }
    if (path.size() == 3
        && (first.equals("budget")
                && path.get(1).equals("estimate_by")
                && path.get(2).equals("costs")
            || first.equals("execution")
                && path.get(1).equals("spark")
                && path.get(2).equals("conf"))) {
      return null;
    }
    return List.of();
  }

  private static Map<String, List<String>> parameterKeys() {
    Map<String, List<String>> m = new LinkedHashMap<>();
    m.put("values", List.of("type", "values"));
    m.put("range", List.of("type", "start", "stop", "step"));
    m.put("linspace", List.of("type", "start", "stop", "num"));
    m.put("logspace", List.of("type", "start", "stop", "num"));
    m.put("uniform", List.of("type", "low", "high"));
    m.put("loguniform", List.of("type", "low", "high"));
    m.put("normal", List.of("type", "mean", "sd"));
    m.put("intuniform", List.of("type", "low", "high"));
    m.put("choice", List.of("type", "values", "weights"));
    return java.util.Collections.unmodifiableMap(m);
  }

  private static List<String> designTypes() {
    List<String> out = new ArrayList<>();
    for (Design.Type t : Design.Type.values()) {
      out.add(t.label());
    }
    return List.copyOf(out);
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return List.copyOf(out);
  }
}
