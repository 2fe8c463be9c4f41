package org.sweeplab.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class OverridesTest {
  private static final String BASE =
      String.join(
          "\n",
          "name: base",
          "simulation:",
          "  command: [run]",
          "parameters:",
          "  strategy: [a, b, c]",
          "  rounds: {type: range, start: 1, stop: 9, step: 2}",
          "  m.n: [1]",
          "design: grid",
          "execution: {max_parallel: 2, timeout_per_run: 10s}",
          "metadata: {owner: {name: ana}}",
          "");

  private static SweepSpec withSets(String... sets) {
    return SpecLoader.parse(BASE, "base.yaml", List.of(sets));
  }

  private static Arguments set(String override, Function<SweepSpec, Object> read, Object expected) {
    return Arguments.of(override, read, expected);
  }

  static Stream<Arguments> overrides() {
    return Stream.of(
        set("execution.max_parallel=4", s -> s.execution().maxParallel(), 4),
        set(
            "execution.fail_fast=true",
            s -> s.execution().failurePolicy(),
            FailurePolicy.FAIL_FAST),
        set(
            "execution.timeout_per_run=500ms",
            s -> s.execution().timeoutPerRun(),
            Duration.ofMillis(500)),
        set("execution.timeout_per_run=~", s -> s.execution().timeoutPerRun(), null),
        set("replicates=3", SweepSpec::replicates, 3),
        set("seed=7", SweepSpec::seed, 7L),
        set("seeding=common", SweepSpec::seeding, Seeding.COMMON),
        set("name=other", SweepSpec::name, "other"),
        set("description=a quick try", SweepSpec::description, "a quick try"),
        set("output.dir=out/x", SweepSpec::outputDir, "out/x"),
        set(
            "parameters.strategy=[x, y]",
            s -> s.parameter("strategy"),
            new Parameter.Values("strategy", List.of("x", "y"))),
        set(
            "parameters.strategy=solo",
            s -> s.parameter("strategy"),
            new Parameter.Values("strategy", List.of("solo"))),
        set(
            "parameters.extra=[1,2]",
            SweepSpec::parameterNames,
            List.of("strategy", "rounds", "m.n", "extra")),
        set(
            "parameters.rounds.step=4",
            s -> s.parameter("rounds"),
            new Parameter.IntRange("rounds", 1, 9, 4)),
        set(
            "parameters.rounds={type: linspace, start: 0, stop: 1, num: 3}",
            s -> s.parameter("rounds"),
            new Parameter.Linspace("rounds", 0, 1, 3)),
        set(
            "parameters.m.n=[5, 6]",
            s -> s.parameter("m.n"),
            new Parameter.Values("m.n", List.of(5L, 6L))),
        set(
            "design.exclude=[{strategy: a}]",
            s -> s.design().exclude(),
            List.of(Map.of("strategy", "a"))),
        set(
            "simulation.env.MODE=fast",
            s -> ((SimulationSpec.Command) s.simulation()).env(),
            Map.of("MODE", "fast")),
        set("simulation=model", SweepSpec::simulation, new SimulationSpec.Named("model")),
        set("metadata.owner.name=bob", s -> s.metadata().get("owner"), Map.of("name", "bob")),
        set("metadata.run.note=first", s -> s.metadata().get("run"), Map.of("note", "first")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("overrides")
  void overrideSetsTheValue(String override, Function<SweepSpec, Object> read, Object expected) {
    SweepSpec s = withSets(override);
    assertEquals(expected, read.apply(s));
  }

  @Test
  void aSampledDesignCanBeChosenAndSized() {
    SweepSpec s = withSets("design=lhs", "design.samples=100");
    assertEquals(Design.lhs(100), s.design());
    assertEquals(
        Design.sobol(5), withSets("design={type: sobol, samples: 1}", "design.samples=5").design());
  }

  @Test
  void laterOverridesWinAndOthersAreUntouched() {
    SweepSpec s = withSets("replicates=2", "replicates=5");
    assertEquals(5, s.replicates());
    assertEquals(SpecLoader.parse(BASE, "base.yaml").withReplicates(5), s);
  }

  @Test
  void overridesCanSupplyAWholeSpec() {
    SweepSpec s =
        SpecLoader.parse(
            "", "empty.yaml", List.of("name=cli", "simulation=model", "parameters.x=[1,2]"));
    assertEquals(SweepSpec.builder("cli").simulation("model").values("x", 1, 2).build(), s);
  }

  @Test
  void noOverridesLeavesTheSpecAsWritten() {
    assertEquals(
        SpecLoader.parse(BASE, "base.yaml"), SpecLoader.parse(BASE, "base.yaml", List.of()));
    // The base has a timeout, so the "timeout_per_run=~" case above really clears one.
    assertEquals(
        Duration.ofSeconds(10), SpecLoader.parse(BASE, "base.yaml").execution().timeoutPerRun());
  }

  static Stream<Arguments> badOverrides() {
    return Stream.of(
        Arguments.of("replicates", null, "override 'replicates' is not of the form key=value"),
        Arguments.of("=3", null, "is not of the form key=value"),
        Arguments.of(
            "replicate=3",
            "replicate",
            "unknown key 'replicate' at the top level (did you mean 'replicates'?)"),
        Arguments.of(
            "execution.max_paralel=4",
            "execution.max_paralel",
            "unknown key 'max_paralel' in 'execution' (did you mean 'max_parallel'?); valid keys are max_parallel"),
        Arguments.of("design.sample=4", "design.sample", "(did you mean 'samples'?)"),
        Arguments.of(
            "parameters.rounds.stpe=4", "parameters.rounds.stpe", "(did you mean 'step'?)"),
        Arguments.of("seed.value=1", "seed.value", "'seed' takes a single value, not keys"),
        Arguments.of("execution..max_parallel=1", "execution..max_parallel", "has an empty part"),
        Arguments.of(
            "parameters.strategy.values.x=1",
            "parameters.strategy.values.x",
            "'parameters.strategy' is a list, not a map"),
        Arguments.of("replicates=abc", "replicates", "expected an integer, got 'abc' (a string)"),
        Arguments.of(
            "execution.max_parallel=-2", "execution.max_parallel", "expected an integer >= 0"),
        Arguments.of("parameters.rounds.step=0", "parameters.rounds.step", "step is zero"),
        Arguments.of(
            "parameters.strategy=[]", "parameters.strategy", "the list of values is empty"),
        Arguments.of("parameters.strategy=[a,", "parameters.strategy", "not valid YAML"),
        Arguments.of("name=!!java.net.URL [x]", "name", "tag '!!java.net.URL' is not allowed"),
        Arguments.of("design=sobl", "design", "(did you mean 'sobol'?)"),
        Arguments.of(
            "design.exclude=[{strategie: a}]",
            "design.exclude[0].strategie",
            "(did you mean 'strategy'?)"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badOverrides")
  void badOverrideNamesTheOverride(String override, String keyPath, String fragment) {
    SpecException e = assertThrows(SpecException.class, () -> withSets("replicates=2", override));
    assertEquals("--set", e.source(), e.getMessage());
    assertEquals(0, e.line());
    assertEquals(keyPath, e.keyPath(), e.getMessage());
    assertTrue(e.problem().contains(fragment), e.getMessage());
    assertTrue(e.problem().contains("'" + override + "'"), e.getMessage());
  }
}
