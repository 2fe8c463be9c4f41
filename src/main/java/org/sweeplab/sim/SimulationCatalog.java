package org.sweeplab.sim;

import java.util.List;
import java.util.Locale;

/**
 * The text of {@code sweeplab simulations}: each declared simulation, its parameters and its
 * metrics.
 */
public final class SimulationCatalog {
  private SimulationCatalog() {}

  /**
   * One block per simulation; parameters with type, default (or "required") and doc, then metrics.
   */
  public static String describe(List<SimulationInfo> infos) {
    StringBuilder sb = new StringBuilder();
    for (SimulationInfo info : infos) {
      sb.append(info.name()).append(": ").append(info.doc()).append('\n');
      sb.append("  parameters")
          .append(info.openParameters() ? " (any other number is folded in too)" : "")
          .append(info.parameters().isEmpty() ? ": none" : ":")
          .append('\n');
      for (SimulationInfo.Param p : info.parameters()) {
        sb.append(
            String.format(
                Locale.ROOT,
                "    %-14s %-8s %-16s %s%n",
                p.name(),
                p.type(),
                p.required() ? "required" : "default " + p.defaultValue(),
                p.doc()));
      }
      sb.append("  metrics:\n");
      for (SimulationInfo.Metric m : info.metrics()) {
        sb.append(String.format(Locale.ROOT, "    %-14s %-8s %s%n", m.name(), m.type(), m.doc()));
      }
    }
    return sb.toString();
  }
}
