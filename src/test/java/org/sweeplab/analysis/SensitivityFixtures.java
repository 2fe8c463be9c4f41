package org.sweeplab.analysis;

import java.util.Iterator;
import java.util.function.ToDoubleFunction;
import org.sweeplab.results.DesignLayout;
import org.sweeplab.space.RunPlan;
import org.sweeplab.space.Variation;
import org.sweeplab.spec.SpecLoader;
import org.sweeplab.spec.SweepSpec;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Runs of a sensitivity design evaluated in memory (one ok run per variation), for the truth tests.
 */
final class SensitivityFixtures {
  private SensitivityFixtures() {}

  /** A plan and its runs: the model evaluated at every variation. */
  record Evaluated(RunPlan plan, DesignLayout layout, Runs runs) {}

  static SweepSpec spec(String yaml) {
    return SpecLoader.parse(yaml, "test.yaml");
  }

  /** Ishigami's inputs, uniform on [-π, π], with this design. */
  static String ishigami(String design) {
    String pi = Double.toString(Math.PI);
    return "name: ishigami\nsimulation: ishigami\nparameters:\n"
        + "  x1: {type: uniform, low: -"
        + pi
        + ", high: "
        + pi
        + "}\n"
        + "  x2: {type: uniform, low: -"
        + pi
        + ", high: "
        + pi
        + "}\n"
        + "  x3: {type: uniform, low: -"
        + pi
        + ", high: "
        + pi
        + "}\n"
        + "design: "
        + design
        + "\n";
  }

  /** The g-function's eight inputs, uniform on [0, 1], with this design. */
  static String sobolG(String design) {
    StringBuilder b = new StringBuilder("name: g\nsimulation: sobol-g\nparameters:\n");
    for (int i = 1; i <= 8; i++) {
      b.append("  x").append(i).append(": {type: uniform, low: 0, high: 1}\n");
    }
    return b.append("design: ").append(design).append('\n').toString();
  }

  /** Evaluates {@code model} at every variation; a NaN result is written as a failed run. */
  static Evaluated evaluate(String yaml, ToDoubleFunction<Variation> model) {
    RunPlan plan = RunPlan.of(spec(yaml));
    StringColumn id = StringColumn.create("variation_id");
    StringColumn status = StringColumn.create("status");
    DoubleColumn y = DoubleColumn.create("y");
    for (Iterator<Variation> it = plan.variations(); it.hasNext(); ) {
      Variation v = it.next();
      double value = model.applyAsDouble(v);
      id.append(v.id());
      status.append(Double.isNaN(value) ? "failed" : "ok");
      y.append(value);
    }
    Runs runs = Runs.of(Table.create("evaluated", id, status, y));
    return new Evaluated(plan, plan.layout().orElseThrow(), runs);
  }

  static double num(Variation v, String name) {
    return ((Number) v.get(name)).doubleValue();
  }
}
