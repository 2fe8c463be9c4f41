package org.sweeplab.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Issue 12, item 1: base scenarios, dotted parameter paths, nested overrides in list designs. */
class ScenarioSpecTest {
  @TempDir Path tmp;

  static final String LLM =
      """
      name: llm
      simulation: {command: [/bin/sh, -c, "cat {config}"]}
      base:
        actors:
          regulator: {model: gpt-4o-mini, temperature: 0.2}
          firm: {model: gpt-4o-mini}
        rounds: 10
      parameters:
        actors.regulator.model: [gpt-4o-mini, claude-3-haiku]
      """;

  @Test
  void dottedParametersSetOneKeyOfTheBaseAndLeaveItsSiblings() {
    SweepSpec spec = SpecLoader.parse(LLM, "llm.yaml");
    Map<String, Object> merged =
        Scenarios.merge(spec.base(), Map.of("actors.regulator.model", "claude-3-haiku"));
    assertEquals(
        "{actors={regulator={model=claude-3-haiku, temperature=0.2}, firm={model=gpt-4o-mini}},"
            + " rounds=10}",
        merged.toString());
    assertEquals(
        "gpt-4o-mini",
        Scenarios.lookup(spec.base(), "actors.regulator.model"),
        "the base is unchanged");
  }

  @Test
  void baseFileIsReadRelativeToTheSpecAndBaseIsMergedOverIt() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("study"));
    Files.writeString(
        dir.resolve("scenario.json"),
        "{\"rounds\": 10, \"state\": {\"hope\": 0.5, \"fear\": 0.1}}");
    Files.writeString(
        dir.resolve("spec.yaml"),
        "name: s\nsimulation: bench\nbase_file: scenario.json\n"
            + "base: {state: {fear: 0.3}}\nparameters: {x: [1]}\n");
    SweepSpec spec = SpecLoader.load(dir.resolve("spec.yaml"));
    assertEquals("{rounds=10, state={hope=0.5, fear=0.3}}", spec.base().toString());
    // sweep.yaml holds the merged base inline, so a resume does not need the file.
    assertTrue(SpecWriter.toYaml(spec).contains("base:\n  rounds: 10\n"), SpecWriter.toYaml(spec));
    assertEquals(spec, SpecLoader.parse(SpecWriter.toYaml(spec), "sweep.yaml"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "absolute | /etc/passwd | must be a path relative to the spec's folder",
        "leaves the folder | ../outside.yaml | leads out of the spec's folder",
        "missing | nothere.yaml | no such file",
        "not a map | list.yaml | expected a map (the base scenario), got a list"
      })
  void baseFilePathsAreSanitised(String what, String path, String expected) throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("d"));
    Files.writeString(tmp.resolve("outside.yaml"), "a: 1\n");
    Files.writeString(dir.resolve("list.yaml"), "[1, 2]\n");
    Files.writeString(
        dir.resolve("spec.yaml"), "name: s\nsimulation: bench\nbase_file: " + path + "\n");
    SpecException e =
        assertThrows(SpecException.class, () -> SpecLoader.load(dir.resolve("spec.yaml")));
    assertTrue(e.getMessage().contains(expected), what + ": " + e.getMessage());
    assertTrue(e.getMessage().contains(".yaml:"), "names the file: " + e.getMessage());
  }

  @Test
  void aParameterThatWouldClobberTheBaseIsRefused() {
    SpecException e =
        assertThrows(
            SpecException.class,
            () ->
                SpecLoader.parse(
                    "name: s\nsimulation: bench\nbase: {rounds: 10}\nparameters: {rounds.max: [1, 2]}\n",
                    "s.yaml"));
    assertTrue(
        e.getMessage()
            .contains("sets a key inside 'rounds', which the base scenario gives as the value 10"),
        e.getMessage());
    SpecException whole =
        assertThrows(
            SpecException.class,
            () ->
                SpecLoader.parse(
                    "name: s\nsimulation: bench\nbase: {actors: {a: 1}}\nparameters: {actors: [1, 2]}\n",
                    "s.yaml"));
    assertTrue(whole.getMessage().contains("would replace the map 'actors'"), whole.getMessage());
  }

  @Test
  void listPointsTakeNestedOverridesWithoutDeclaringThem() {
    SweepSpec spec =
        SpecLoader.parse(
            """
        name: forecast
        simulation: bench
        base: {state: {hope: 0.5, fear: 0.1}, horizon: 12}
        design:
          type: list
          points:
            - {state_overrides: {hope: 0.6}}
            - {state_overrides: {hope: 0.8}, horizon: 24}
        """,
            "f.yaml");
    assertEquals(
        List.of(
            Map.of("state_overrides.hope", 0.6),
            Map.of("state_overrides.hope", 0.8, "horizon", 24L)),
        spec.design().points());
    org.sweeplab.space.RunPlan plan = org.sweeplab.space.RunPlan.of(spec);
    assertEquals(List.of("state_overrides.hope", "horizon"), plan.parameterNames());
    List<org.sweeplab.space.Variation> vs = plan.head(2);
    // The first point does not give horizon: it takes the base's 12, and its content key hashes the
    // merged values.
    assertEquals(12L, vs.get(0).get("horizon"));
    Map<String, Object> merged = new LinkedHashMap<>();
    merged.put("state_overrides.hope", 0.6);
    merged.put("horizon", 12L);
    assertEquals(org.sweeplab.space.VariationKeys.key(merged), vs.get(0).key());
  }

  @Test
  void withoutABaseAnUndeclaredPlainKeyIsStillAnError() {
    SpecException e =
        assertThrows(
            SpecException.class,
            () ->
                SpecLoader.parse(
                    "name: s\nsimulation: bench\n"
                        + "parameters: {x: [1, 2]}\ndesign: {type: list, points: [{x: 1, y: 2}]}\n",
                    "s.yaml"));
    assertTrue(e.getMessage().contains("'y' is not a parameter"), e.getMessage());
  }

  @Test
  void theBaseIsPartOfTheConfigHashOnlyWhenPresent() {
    SweepSpec plain =
        SpecLoader.parse("name: s\nsimulation: bench\nparameters: {x: [1]}\n", "s.yaml");
    SweepSpec a = plain.withBase(Map.of("k", 1L));
    SweepSpec b = plain.withBase(Map.of("k", 2L));
    assertNotEquals(SpecWriter.configHash(a), SpecWriter.configHash(b));
    assertEquals(SpecWriter.configHash(plain), SpecWriter.configHash(plain.withBase(Map.of())));
    // A hash written before base scenarios existed (SpecWriterTest pins others the same way).
    assertEquals(
        SpecWriter.configHash(SweepSpec.builder("s").simulation("bench").values("x", 1L).build()),
        SpecWriter.configHash(plain));
  }

  @Test
  void baseCanBeOverriddenWithSet() {
    SweepSpec spec = SpecLoader.parse(LLM, "llm.yaml", List.of("base.rounds=20"));
    assertEquals(20L, Scenarios.lookup(spec.base(), "rounds"));
  }
}
