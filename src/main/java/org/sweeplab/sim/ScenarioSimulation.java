package org.sweeplab.sim;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.random.RandomGenerator;
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
  private record WithBase(RunContext run, Map<String, Object> base) implements RunContext {
    @Override
    public Map<String, Object> config() {
      return Scenarios.readOnly(Scenarios.merge(base, run.params()));
    }

    @Override
    public String runId() {
      return run.runId();
    }

    @Override
    public String variationId() {
      return run.variationId();
    }

    @Override
    public String variationKey() {
      return run.variationKey();
    }

    @Override
    public int replicate() {
      return run.replicate();
    }

    @Override
    public long seed() {
      return run.seed();
    }

    @Override
    public RandomGenerator random() {
      return run.random();
    }

    @Override
    public Map<String, Object> params() {
      return run.params();
    }

    @Override
    public Object get(String name) {
      return run.get(name);
    }

    @Override
    public Map<String, Object> upstream() {
      return run.upstream();
    }

    @Override
    public Map<String, Map<String, Object>> upstreamByStage() {
      return run.upstreamByStage();
    }

    @Override
    public Path artifactDir() {
      return run.artifactDir();
    }

    @Override
    public void telemetry(long step, String name, double value) {
      run.telemetry(step, name, value);
    }

    @Override
    public void charge(double amount) {
      run.charge(amount);
    }

    @Override
    public void charge(double amount, String spool, long line) {
      run.charge(amount, spool, line);
    }

    @Override
    public int attempt() {
      return run.attempt();
    }

    @Override
    public double cost() {
      return run.cost();
    }

    @Override
    public boolean isCancelled() {
      return run.isCancelled();
    }
  }
}
