package org.sweeplab.sim;

import java.util.Map;
import java.util.Objects;
import org.sweeplab.spec.Scenarios;

/**
 * A simulation whose runs see the sweep's base scenario: {@link RunContext#config()} is the base
 * with the run's parameters set at their dotted paths (see {@link Scenarios}). Everything else is
 * the run's own context.
 */
public final class ScenarioSimulation implements Simulation {
  private final Simulation inner;
  private final Map<String, Object> base;

  private ScenarioSimulation(Simulation inner, Map<String, Object> base) {
    this.inner = Objects.requireNonNull(inner, "inner");
    this.base =
        java.util.Collections.unmodifiableMap(
            new java.util.LinkedHashMap<>(
                Objects.requireNonNull(
                    base, "base"))); // in the order written, as config.json shows it
  }

  /** {@code inner} with this base scenario; {@code inner} itself when the base is empty. */
  public static Simulation of(Simulation inner, Map<String, Object> base) {
    return base.isEmpty() ? inner : new ScenarioSimulation(inner, base);
  }

  /** The simulation that runs. */
  public Simulation inner() {
    return inner;
  }

  @Override
  public Metrics run(RunContext ctx) throws Exception {
    return inner.run(new WithBase(ctx, base));
  }

  /** As the inner simulation classifies it. */
  @Override
  public String errorType(Throwable error) {
    return inner.errorType(error);
  }

  /** The run's context with the merged scenario. */
  private static final class WithBase extends ForwardingRunContext {
    private final Map<String, Object> base;

    WithBase(RunContext run, Map<String, Object> base) {
      super(run);
      this.base = base;
    }

    @Override
    public Map<String, Object> config() {
      return Scenarios.readOnly(Scenarios.merge(base, params()));
    }
  }
}
