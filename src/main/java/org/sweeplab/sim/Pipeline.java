package org.sweeplab.sim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A run made of stages, e.g. simulate → forecast → score. Each stage sees the run's parameters and,
 * through {@link RunContext#upstream()}, the outputs of the stages before it. The run's metrics are
 * the union of every stage's outputs (a later stage wins a name clash). When a stage fails, the
 * error names the stage.
 */
public final class Pipeline implements Simulation {
  private final List<String> names;
  private final List<Simulation> stages;

  private Pipeline(List<String> names, List<Simulation> stages) {
    this.names = List.copyOf(names);
    this.stages = List.copyOf(stages);
  }

  /** Starts a pipeline with one stage. */
  public static Pipeline of(String name, Simulation stage) {
    return new Pipeline(List.of(name), List.of(stage));
  }

  /** This pipeline with one more stage at the end. */
  public Pipeline then(String name, Simulation stage) {
    Objects.requireNonNull(stage, "stage");
    if (names.contains(name)) {
      throw new IllegalArgumentException("Pipeline already has a stage named '" + name + "'");
    }
    List<String> n = new ArrayList<>(names);
    n.add(name);
    List<Simulation> s = new ArrayList<>(stages);
    s.add(stage);
    return new Pipeline(n, s);
  }

  /** The stage names, in order. */
  public List<String> stageNames() {
    return names;
  }

  @Override
  public Metrics run(RunContext ctx) throws Exception {
    Metrics all = Metrics.empty();
    Map<String, Object> upstream = new LinkedHashMap<>();
    Map<String, Map<String, Object>> byStage = new LinkedHashMap<>();
    for (int i = 0; i < stages.size(); i++) {
      ctx.checkCancelled();
      Metrics out;
      try {
        out =
            stages
                .get(i)
                .run(
                    new StageContext(
                        ctx,
                        Collections.unmodifiableMap(new LinkedHashMap<>(upstream)),
                        Collections.unmodifiableMap(new LinkedHashMap<>(byStage))));
      } catch (TransientFailureException
          | BudgetExceededException
          | java.util.concurrent.CancellationException e) {
        throw e;
      } catch (Exception e) {
        throw new StageFailedException(names.get(i), e);
      }
      if (out == null) {
        throw new StageFailedException(
            names.get(i), new IllegalStateException("stage returned null"));
      }
      upstream.putAll(out.values());
      byStage.put(names.get(i), Collections.unmodifiableMap(new LinkedHashMap<>(out.values())));
      all = all.merge(out);
    }
    return all;
  }

  /**
   * A stage's failure is classified as its stage classifies the stage's own error (the message
   * names the stage); anything else as {@link Simulation#typeName(Throwable)}.
   */
  @Override
  public String errorType(Throwable error) {
    if (error instanceof StageFailedException failed && failed.getCause() != null) {
      int stage = names.indexOf(failed.stage());
      // A stage of another pipeline (thrown through a stage of this one) is unwrapped all the same.
      return stage >= 0
          ? stages.get(stage).errorType(failed.getCause())
          : errorType(failed.getCause());
    }
    return Simulation.typeName(error);
  }

  /**
   * A stage's failure; the message starts with the stage name and the cause keeps the original
   * error.
   */
  public static final class StageFailedException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String stage;

    StageFailedException(String stage, Exception cause) {
      super(
          "stage '"
              + stage
              + "' failed: "
              + cause.getClass().getSimpleName()
              + ": "
              + cause.getMessage(),
          cause);
      this.stage = stage;
    }

    public String stage() {
      return stage;
    }
  }

  /** A stage's view of the run: the outputs of the stages before it. */
  private static final class StageContext extends ForwardingRunContext {
    private final Map<String, Object> upstream;
    private final Map<String, Map<String, Object>> upstreamByStage;

    StageContext(
        RunContext run,
        Map<String, Object> upstream,
        Map<String, Map<String, Object>> upstreamByStage) {
      super(run);
      this.upstream = upstream;
      this.upstreamByStage = upstreamByStage;
    }

    @Override
    public Map<String, Object> upstream() {
      return upstream;
    }

    @Override
    public Map<String, Map<String, Object>> upstreamByStage() {
      return upstreamByStage;
    }
  }
}
