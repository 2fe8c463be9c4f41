package org.sweeplab.spec;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The checks and normalisation the model does itself, for specs built in Java. */
class SpecModelTest {

  @Test
  void exclusionRuleWithListsExpandsInOrder() {
    Design d = Design.grid().excluding(Map.of("a", List.of(1, 2))).excluding(Map.of("b", "x"));
    assertEquals(List.of(Map.of("a", 1L), Map.of("a", 2L), Map.of("b", "x")), d.exclude());
  }

  @Test
  void designValuesAreNormalisedAndMustBeScalars() {
    assertEquals(
        List.of(Map.of("a", 1L, "f", 0.5)),
        Design.list(List.of(Map.of("a", 1, "f", 0.5f))).points());
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> Design.list(List.of(Map.of("a", List.of(1)))));
    assertTrue(e.getMessage().contains("point value for 'a' is a "), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Design.grid().excluding(Map.of()));
    assertThrows(
        IllegalArgumentException.class, () -> Design.grid().excluding(Map.of("a", List.of())));
  }

  @ParameterizedTest
  @ValueSource(strings = {"x", "_x", "alpha.beta", "a-b", "A9_.-z", "seed2"})
  void validParameterNames(String name) {
    assertDoesNotThrow(() -> Parameter.checkName(name));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "2x|parameter name '2x' is not valid",
        "a b|parameter name 'a b' is not valid",
        "''|parameter name '' is not valid",
        "-a|parameter name '-a' is not valid",
        "run_id|parameter name 'run_id' is reserved",
        "duration_ms|parameter name 'duration_ms' is reserved"
      })
  void invalidParameterNames(String name, String message) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Parameter.checkName(name));
    assertTrue(e.getMessage().startsWith(message), e.getMessage());
  }

  @Test
  void builderChecksParameterNamesAndDesignKeys() {
    IllegalArgumentException reserved =
        assertThrows(
            IllegalArgumentException.class,
            () -> SweepSpec.builder("s").simulation("m").values("seed", 1).build());
    assertTrue(reserved.getMessage().contains("'seed' is reserved"), reserved.getMessage());
    IllegalArgumentException unknown =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                SweepSpec.builder("s")
                    .simulation("m")
                    .values("alpha", 1)
                    .exclude("alpa", 1)
                    .build());
    assertEquals(
        "design.exclude: rule 1 names 'alpa', which is not a parameter (did you mean 'alpha'?);"
            + " parameters are [alpha]",
        unknown.getMessage());
  }

  @Test
  void metadataIsWidenedAndMustBePlainData() {
    SweepSpec s =
        SweepSpec.builder("s")
            .simulation("m")
            .metadata("n", 3)
            .metadata("f", 1.5f)
            .metadata("l", List.of(1, Map.of("k", 2)))
            .build();
    assertEquals(Map.of("n", 3L, "f", 1.5, "l", List.of(1L, Map.of("k", 2L))), s.metadata());
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                SweepSpec.builder("s")
                    .simulation("m")
                    .metadata("when", java.time.LocalDate.of(2024, 1, 1))
                    .build());
    assertEquals(
        "metadata.when is a LocalDate; metadata holds only maps, lists, strings, numbers, booleans and"
            + " null",
        e.getMessage());
  }

  @ParameterizedTest
  @CsvSource({
    "stpe,step,1",
    "step,step,0",
    "max_paralel,max_parallel,1",
    "sobl,sobol,1",
    "abc,xyz,3",
    "ab,ba,1"
  })
  void editDistanceCountsATranspositionAsOne(String a, String b, int distance) {
    assertEquals(distance, Suggestions.distance(a, b));
  }

  @Test
  void suggestionsPreferTheTransposedWord() {
    assertEquals("step", Suggestions.closest("stpe", SpecSchema.PARAMETER_KEYS.get("range")));
    assertEquals("", Suggestions.hint("completely_different", SpecSchema.TOP));
  }
}
