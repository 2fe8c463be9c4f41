package org.sweeplab.sim;

import java.nio.file.Path;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * A run context that hands every call to another: the base of the wrappers that change one or two
 * things a simulation sees (the merged scenario of {@link ScenarioSimulation}, the upstream outputs
 * of a {@link Pipeline} stage) and must pass everything else through, charges and their origin
 * included.
 */
abstract class ForwardingRunContext implements RunContext {
  private final RunContext run;

  ForwardingRunContext(RunContext run) {
    this.run = run;
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
  public Map<String, Object> upstream() {
    return run.upstream();
  }

  @Override
  public Map<String, Map<String, Object>> upstreamByStage() {
    return run.upstreamByStage();
  }

  @Override
  public Map<String, Object> config() {
    return run.config();
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
