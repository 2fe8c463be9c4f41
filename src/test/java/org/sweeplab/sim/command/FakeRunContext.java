package org.sweeplab.sim.command;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.sweeplab.sim.BudgetExceededException;
import org.sweeplab.sim.RunContext;

/**
 * A test-only run context: fixed identity, a run folder under a given root, a per-run cost cap, a
 * cancel flag.
 */
final class FakeRunContext implements RunContext {
  private final Map<String, Object> params;
  private final Path runDir;
  private final double cap;
  private double cost;
  private volatile boolean cancelled;
  private Map<String, Object> config;
  private Map<String, Map<String, Object>> upstream = Map.of();

  FakeRunContext(Path root, Map<String, Object> params, double cap) {
    this.params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    this.runDir = root.resolve("var-0007").resolve("run-002");
    this.cap = cap;
  }

  FakeRunContext(Path root, Map<String, Object> params) {
    this(root, params, Double.POSITIVE_INFINITY);
  }

  /** This context with a merged scenario of its own (instead of the parameters nested). */
  FakeRunContext withConfig(Map<String, Object> config) {
    this.config = config;
    return this;
  }

  /** This context in a pipeline stage whose earlier stages gave these outputs. */
  FakeRunContext withUpstream(Map<String, Map<String, Object>> upstream) {
    this.upstream = upstream;
    return this;
  }

  @Override
  public Map<String, Object> config() {
    return config == null ? RunContext.super.config() : config;
  }

  @Override
  public Map<String, Map<String, Object>> upstreamByStage() {
    return upstream;
  }

  /** The run folder's path, without creating it. */
  Path runDirPath() {
    return runDir;
  }

  void cancel() {
    cancelled = true;
  }

  @Override
  public String runId() {
    return "var-0007-run-002";
  }

  @Override
  public String variationId() {
    return "var-0007";
  }

  @Override
  public String variationKey() {
    return "k3y";
  }

  @Override
  public int replicate() {
    return 2;
  }

  @Override
  public long seed() {
    return 424242L;
  }

  @Override
  public RandomGenerator random() {
    return RandomGenerator.of("L64X128MixRandom");
  }

  @Override
  public Map<String, Object> params() {
    return params;
  }

  @Override
  public Path artifactDir() {
    try {
      return Files.createDirectories(runDir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void telemetry(long step, String name, double value) {}

  @Override
  public synchronized void charge(double amount) {
    cost += amount;
    if (cost > cap) {
      throw new BudgetExceededException("run cost " + cost + " crossed the per-run cap " + cap);
    }
  }

  @Override
  public synchronized double cost() {
    return cost;
  }

  @Override
  public boolean isCancelled() {
    return cancelled;
  }
}
