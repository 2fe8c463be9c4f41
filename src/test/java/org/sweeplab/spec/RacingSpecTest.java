package org.sweeplab.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The {@code execution.racing} block: its keys, defaults, one-line errors and round trip through
 * sweep.yaml.
 */
class RacingSpecTest {
  private static final String HEAD = "name: x\nsimulation: m\nparameters: {a: [1, 2, 3]}\n";

  @Test
  void theIssuesExampleReads() {
    SweepSpec s =
        SpecLoader.parse(
            HEAD
                + "execution:\n  racing: {metric: score, direction: higher, min_replicates: 5,"
                + " max_replicates: 50, alpha: 0.05, test: mann-whitney}\n",
            "ok.yaml");
    Racing r = s.execution().racing();
    assertEquals(
        new Racing("score", Racing.Direction.HIGHER, 5, 50, 1, 0.05, Racing.Test.MANN_WHITNEY), r);
    assertEquals(50, s.replicates(), "max_replicates is the plan's replicates");
  }

  @Test
  void defaultsComeFromDefaultsAndReplicates() {
    SweepSpec s =
        SpecLoader.parse(
            HEAD + "replicates: 12\nexecution: {racing: {metric: y, direction: lower}}\n",
            "ok.yaml");
    Racing r = s.execution().racing();
    assertEquals(Racing.Direction.LOWER, r.direction());
    assertEquals(Defaults.RACE_MIN_REPLICATES, r.minReplicates());
    assertEquals(12, r.maxReplicates());
    assertEquals(Defaults.RACE_STEP, r.step());
    assertEquals(Defaults.RACE_ALPHA, r.alpha());
    assertEquals(Racing.Test.WELCH, r.test());
    assertEquals(
        3,
        SpecLoader.parse(HEAD + "replicates: 3\nexecution: {racing: {metric: y}}\n", "ok.yaml")
            .execution()
            .racing()
            .minReplicates(),
        "min_replicates is at most replicates");
    assertNull(SpecLoader.parse(HEAD, "ok.yaml").execution().racing());
  }

  @Test
  void sweepYamlKeepsTheRaceAndTheConfigHashIgnoresIt() {
    SweepSpec s =
        SpecLoader.parse(
            HEAD
                + "execution: {racing: {metric: score, max_replicates: 20, step: 3,"
                + " alpha: 0.01}}\n",
            "ok.yaml");
    String yaml = SpecWriter.toYaml(s);
    assertTrue(yaml.contains("racing:"), yaml);
    assertEquals(s, SpecLoader.parse(yaml, "sweep.yaml"));
    SweepSpec plain = s.withExecution(s.execution().withRacing(null));
    assertEquals(
        SpecWriter.configHash(plain),
        SpecWriter.configHash(s),
        "a race does not change a run's result");
    assertFalse(SpecWriter.toYaml(plain).contains("racing"));
  }

  @Test
  void overridesReachInsideTheBlock() {
    SweepSpec s =
        SpecLoader.parse(
            HEAD + "replicates: 5\n",
            "ok.yaml",
            List.of("replicates=20", "execution.racing.metric=score", "execution.racing.step=2"));
    assertEquals(2, s.execution().racing().step());
    assertEquals(20, s.execution().racing().maxReplicates());
  }

  static Stream<Arguments> bad() {
    return Stream.of(
        Arguments.of(
            "racing: {direction: higher}", "execution.racing.metric", "missing key 'metric'"),
        Arguments.of(
            "racing: {metric: s, metrc: t}", "execution.racing.metrc", "did you mean 'metric'?"),
        Arguments.of(
            "racing: {metric: s, direction: up}", "execution.racing.direction", "higher, lower"),
        Arguments.of(
            "racing: {metric: s, test: t-test}", "execution.racing.test", "welch, mann-whitney"),
        Arguments.of(
            "racing: {metric: s, min_replicates: 1}",
            "execution.racing.min_replicates",
            "an integer >= 2"),
        Arguments.of(
            "racing: {metric: s, min_replicates: 12}",
            "execution.racing.min_replicates",
            "make min_replicates <= max_replicates"),
        Arguments.of("racing: {metric: s, step: 0}", "execution.racing.step", "an integer >= 1"),
        Arguments.of("racing: {metric: s, alpha: 1.5}", "execution.racing.alpha", "in (0, 1)"),
        Arguments.of(
            "racing: {metric: s, alpha: fast}", "execution.racing.alpha", "expected a number"),
        Arguments.of("racing: [score]", "execution.racing", "expected a map"),
        Arguments.of(
            "{shard: 0/2, racing: {metric: s}}", "execution.racing", "cannot run as shards"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bad")
  void badBlocksGetOneLineNamingTheKey(String block, String key, String fragment) {
    String yaml =
        HEAD
            + "replicates: 10\nexecution: "
            + (block.startsWith("{") ? block : "{" + block + "}")
            + "\n";
    SpecException e = assertThrows(SpecException.class, () -> SpecLoader.parse(yaml, "bad.yaml"));
    assertEquals(key, e.keyPath(), e.getMessage());
    assertTrue(e.getMessage().startsWith("bad.yaml:5:"), e.getMessage());
    assertTrue(e.getMessage().contains(fragment), e.getMessage());
    assertFalse(e.getMessage().contains("\n"), e.getMessage());
  }

  @Test
  void maxReplicatesAndReplicatesMustAgree() {
    SpecException e =
        assertThrows(
            SpecException.class,
            () ->
                SpecLoader.parse(
                    HEAD
                        + "replicates: 5\nexecution:"
                        + " {racing: {metric: s, max_replicates: 50}}\n",
                    "bad.yaml"));
    assertEquals("execution.racing.max_replicates", e.keyPath());
    assertTrue(e.getMessage().contains("is 50 but replicates is 5"), e.getMessage());
    IllegalArgumentException j =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                SweepSpec.builder("x")
                    .simulation("m")
                    .replicates(5)
                    .execution(Execution.defaults().withRacing(Racing.of("s", 50)))
                    .build());
    assertTrue(
        j.getMessage()
            .contains("execution.racing.max_replicates (50) differs from replicates (5)"));
  }
}
