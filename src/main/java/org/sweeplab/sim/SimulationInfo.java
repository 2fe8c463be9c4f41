package org.sweeplab.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a simulation takes and gives, for {@code sweeplab simulations} and for checking a spec at
 * {@code plan}: its parameters (name, type, default, one line of doc) and its metrics.
 *
 * @param name the simulation's name in a spec
 * @param doc one line saying what it simulates
 * @param parameters the parameters it reads; with {@code openParameters}, others are allowed too
 * @param metrics the metrics it reports
 * @param openParameters true when it takes any parameter (e.g. {@code bench} folds every number
 *     into its value)
 */
public record SimulationInfo(
    String name, String doc, List<Param> parameters, List<Metric> metrics, boolean openParameters) {

  public SimulationInfo {
    Objects.requireNonNull(name, "name");
    parameters = List.copyOf(parameters);
    metrics = List.copyOf(metrics);
  }

  /**
   * One parameter.
   *
   * @param name its name
   * @param type {@code string}, {@code integer}, {@code float} or {@code boolean}
   * @param defaultValue its default as text, or null when it must be given
   * @param doc one line
   */
  public record Param(String name, String type, String defaultValue, String doc) {
    /** True when a spec must give it. */
    public boolean required() {
      return defaultValue == null;
    }
  }

  /**
   * One metric.
   *
   * @param name its column name
   * @param type {@code integer}, {@code float}, {@code boolean} or {@code string}
   * @param doc one line
   */
  public record Metric(String name, String type, String doc) {}

  /** The parameter names, in order. */
  public List<String> parameterNames() {
    List<String> out = new ArrayList<>();
    parameters.forEach(p -> out.add(p.name()));
    return out;
  }

  /** The metric names, in order. */
  public List<String> metricNames() {
    List<String> out = new ArrayList<>();
    metrics.forEach(m -> out.add(m.name()));
    return out;
  }
}
