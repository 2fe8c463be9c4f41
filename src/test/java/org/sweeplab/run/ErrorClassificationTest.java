package org.sweeplab.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sweeplab.sim.BudgetExceededException;
import org.sweeplab.sim.Metrics;
import org.sweeplab.sim.Pipeline;
import org.sweeplab.sim.RunContext;
import org.sweeplab.sim.ScenarioSimulation;
import org.sweeplab.sim.Simulation;

/**
 * The error type of a failed run is what its simulation says ({@link Simulation#errorType}): the
 * runner special-cases no simulation's exception. The values are those the runner wrote before the
 * classification moved into the simulations.
 */
class ErrorClassificationTest {

  /** A simulation that fails with {@code error}. */
  static Simulation failing(Exception error) {
    return ctx -> {
      throw error;
    };
  }

  static Stream<Arguments> failures() {
    Simulation io = failing(new IOException("disk"));
    return Stream.of(
        Arguments.of("plain", failing(new IllegalStateException("x")), "IllegalStateException"),
        Arguments.of(
            "anonymous class",
            failing(new RuntimeException("x") {}),
            ErrorClassificationTest.class.getName() + "$1"),
        Arguments.of(
            "budget",
            (Simulation)
                ctx -> {
                  throw new BudgetExceededException("over");
                },
            "BudgetExceeded"),
        Arguments.of(
            "a pipeline names its stage's error",
            Pipeline.of("ok", ctx -> Metrics.of("a", 1)).then("bad", io),
            "IOException"),
        Arguments.of(
            "a pipeline in a pipeline",
            Pipeline.of("outer", Pipeline.of("inner", io)),
            "IOException"),
        Arguments.of(
            "a budget stop in a stage",
            Pipeline.of(
                "spend",
                ctx -> {
                  throw new BudgetExceededException("over");
                }),
            "BudgetExceeded"),
        Arguments.of(
            "a stage's own classification",
            Pipeline.of("classified", classified(io, "Disk")),
            "Disk"),
        Arguments.of(
            "a scenario wrapper asks its inner simulation",
            ScenarioSimulation.of(Pipeline.of("s", io), Map.of("k", 1L)),
            "IOException"),
        Arguments.of(
            "a faulty classification falls back to the default",
            new Simulation() {
              @Override
              public Metrics run(RunContext ctx) throws Exception {
                throw new IOException("x");
              }

              @Override
              public String errorType(Throwable error) {
                throw new IllegalStateException("bug");
              }
            },
            "IOException"));
  }

  static Simulation classified(Simulation sim, String type) {
    return new Simulation() {
      @Override
      public Metrics run(RunContext ctx) throws Exception {
        return sim.run(ctx);
      }

      @Override
      public String errorType(Throwable error) {
        return type;
      }
    };
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("failures")
  void theJournalHoldsTheSimulationsClassification(
      String what, Simulation sim, String expectedType) {
    List<RunRecord> recs =
        RetryAndBudgetTest.execute(
            LocalBackend.withDefaults().withParallelism(1), RetryAndBudgetTest.plan(1), sim);
    assertEquals(RunStatus.FAILED, recs.get(0).status(), what);
    assertEquals(expectedType, recs.get(0).errorType(), what);
  }

  /** The journal's names of the transient failures, whatever the exception class is called. */
  @Test
  void transientFailuresKeepTheirRecordedName() {
    assertEquals(
        "TransientFailure",
        Simulation.typeName(new org.sweeplab.sim.TransientFailureException("x")));
    assertEquals(
        "RateLimitedException",
        Simulation.typeName(
            new org.sweeplab.sim.RateLimitedException(java.time.Duration.ofSeconds(1))));
  }

  @Test
  void theStageIsNamedInTheMessageNotInTheType() {
    List<RunRecord> recs =
        RetryAndBudgetTest.execute(
            LocalBackend.withDefaults().withParallelism(1),
            RetryAndBudgetTest.plan(1),
            Pipeline.of("bad", failing(new IOException("disk"))));
    assertEquals("stage 'bad' failed: IOException: disk", recs.get(0).errorMessage());
  }
}
