package org.sweeplab.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The {@code budget} section and {@code execution.retries / rate_limit / interrupt_grace}. */
class BudgetSpecTest {

  static SweepSpec costlyBuilt() {
    return SweepSpec.builder("costly")
        .command(
            "/bin/sh", "-c", "echo \"{\\\"score\\\": $1, \\\"cost\\\": 0.02}\"", "sh", "{model}")
        .values("model", "small", "large")
        .values("temperature", 0.0, 0.5)
        .replicates(3)
        .maxParallel(100)
        .retries(new Retries(4, Duration.ofMillis(500), Duration.ofSeconds(10), 3))
        .rateLimit(RateLimit.perSecond(500))
        .interruptGrace(Duration.ofSeconds(5))
        .budget(
            new BudgetSpec(
                50,
                2.5,
                "USD",
                0.5,
                BudgetSpec.InFlight.CANCEL,
                new BudgetSpec.CostTable("model", Map.of("small", 0.1, "large", 1.2))))
        .build();
  }

  @Test
  void yamlAndBuilderGiveEqualSpecs() {
    assertEquals(costlyBuilt(), SpecLoader.load(SpecLoaderTest.resource("costly.yaml")));
  }

  @Test
  void theResolvedYamlReadsBackEqual() {
    SweepSpec s = costlyBuilt();
    String yaml = SpecWriter.toYaml(s);
    assertEquals(s, SpecLoader.parse(yaml, "sweep.yaml"), yaml);
    assertTrue(yaml.contains("rate_limit:\n    runs: 500\n    per: second"), yaml);
  }

  @Test
  void withoutTheKeysThereIsNoBudgetNoRetriesNoLimitAndTheDefaultGrace() {
    SweepSpec s = SpecLoader.parse("name: t\nsimulation: m\n", "t.yaml");
    assertNull(s.budget());
    assertNull(s.execution().retries());
    assertNull(s.execution().rateLimit());
    assertEquals(Defaults.INTERRUPT_GRACE, s.execution().interruptGrace());
  }

  @Test
  void partialRetriesTakeTheDefaultDelays() {
    SweepSpec s =
        SpecLoader.parse("name: t\nsimulation: m\nexecution: {retries: {max_attempts: 5}}\n", "t");
    assertEquals(Retries.of(5), s.execution().retries());
  }

  @ParameterizedTest
  @CsvSource({
    "500/s, 500.0",
    "'30/min', 0.5",
    "'120 / minute', 2.0",
    "'7/sec', 7.0",
    "'{runs: 6, per: minute}', 0.1",
    "'{runs: 3}', 3.0"
  })
  void rateLimitForms(String yaml, double perSecond) {
    SweepSpec s =
        SpecLoader.parse("name: t\nsimulation: m\nexecution: {rate_limit: " + yaml + "}\n", "t");
    assertEquals(perSecond, s.execution().rateLimit().startsPerSecond(), 1e-12);
  }

  @Test
  void theEstimateOfARunComesFromTheTableElseThePerRunEstimate() {
    BudgetSpec b =
        costlyBuilt()
            .budget()
            .withEstimateBy(new BudgetSpec.CostTable("model", Map.of("large", 1.2)));
    assertEquals(1.2, b.estimate(Map.of("model", "large")));
    assertEquals(0.5, b.estimate(Map.of("model", "small")));
    SweepSpec ints =
        SpecLoader.parse(
            "name: t\nsimulation: m\nparameters: {n: [1, 2]}\n"
                + "budget: {total: 3, estimate_by: {parameter: n, costs: {1: 0.25, 2: 0.75}}}\n",
            "t");
    assertEquals(0.75, ints.budget().estimate(Map.of("n", 2L)));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "budget: {unit: USD}|budget needs a total or a per_run limit",
        "budget: {total: 0}|budget.total must be a finite number > 0, got 0.0",
        "budget: {total: 5, in_flight: cancl}|unknown in-flight policy 'cancl' (did you mean 'cancel'?)",
        "budget: {total: 5, estimate_per_run: -1}|budget.estimate_per_run must be a finite number >= 0, got -1.0",
        "budget: {totl: 5}|unknown key 'totl'",
        "budget: {total: 5, estimate_by: {parameter: modl, costs: {a: 1}}}|'modl' is not a parameter (did you mean"
            + " 'model'?)",
        "budget: {total: 5, estimate_by: {parameter: model, costs: {a: 1}}}|no cost for 'b', a value of 'model'",
        "execution: {rate_limit: 500 per second}|'500 per second' is not a rate",
        "execution: {rate_limit: {runs: 0}}|execution.rate_limit.runs: expected an integer >= 1",
        "execution: {retries: {max_attempts: 2, initial_delay: 5s, max_delay: 1s}}|must not be shorter than"
            + " initial_delay",
        "execution: {retries: {max_attempts: 2, multiplier: 0.5}}|multiplier must be a finite number >= 1",
        "execution: {interrupt_grace: -1}|the duration must be >= 0"
      })
  void errorsNameTheKeyAndTheBadValue(String section, String expected) {
    String yaml = "name: t\nsimulation: m\nparameters: {model: [a, b]}\n" + section + "\n";
    SpecException e = assertThrows(SpecException.class, () -> SpecLoader.parse(yaml, "t.yaml"));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
    assertTrue(e.getMessage().startsWith("t.yaml:4"), e.getMessage());
  }

  @Test
  void overridesReachIntoTheNewSections() {
    SweepSpec s =
        SpecLoader.parse(
            "name: t\nsimulation: m\n",
            "t",
            List.of(
                "budget.total=5",
                "budget.unit=EUR",
                "execution.retries.max_attempts=2",
                "execution.rate_limit=10/s",
                "execution.interrupt_grace=0"));
    assertEquals(BudgetSpec.total(5, "EUR"), s.budget());
    assertEquals(Retries.of(2), s.execution().retries());
    assertEquals(RateLimit.perSecond(10), s.execution().rateLimit());
    assertEquals(Duration.ZERO, s.execution().interruptGrace());
    SpecException e =
        assertThrows(
            SpecException.class,
            () -> SpecLoader.parse("name: t\nsimulation: m\n", "t", List.of("budget.per_rn=1")));
    assertTrue(e.getMessage().contains("did you mean 'per_run'?"), e.getMessage());
  }

  @Test
  void budgetRetriesAndRateLimitsLeaveTheConfigHashAlone() {
    SweepSpec plain =
        SweepSpec.builder("s").simulation("m").values("model", "small", "large").build();
    assertEquals(
        SpecWriter.configHash(plain),
        SpecWriter.configHash(
            costlyBuilt()
                .withSimulation(plain.simulation())
                .withParameters(plain.parameters())
                .withReplicates(1)));
  }
}
