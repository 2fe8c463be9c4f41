package org.sweeplab.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.Constructor;

class SpecLoaderTest {

  static Path resource(String name) {
    try {
      return Path.of(SpecLoaderTest.class.getResource("/spec/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The spec of spec/full.yaml, built in Java. */
  static SweepSpec fullSpecBuilt() {
    Map<String, Object> notes = new LinkedHashMap<>();
    notes.put("round", 1);
    notes.put("comment", null);
    return SweepSpec.builder("tournament")
        .description("Strategies against noise")
        .simulation(
            new SimulationSpec.Command(
                List.of("python", "sim.py", "--rounds", "{rounds}", "--seed", "{seed}", "3"),
                Map.of("MODE", "fast", "LEVEL", "2"),
                "work",
                "file:result.json",
                2L << 20,
                List.of(75, 99)))
        .values("strategy", "tit_for_tat", "always_defect")
        .range("rounds", 10, 50, 20)
        .range("threshold", 0.5, 1.5, 0.5)
        .linspace("noise", 0, 0.2, 3)
        .logspace("scale", 0.01, 100, 5)
        .uniform("temperature", 0, 2)
        .logUniform("rate", 1.0e-4, 0.1)
        .normal("bias", 0, 0.5)
        .intUniform("agents", 2, 8)
        .choice("topology", List.of("ring", "grid", "random"), List.of(2.0, 1.0, 1.0))
        .values("fixed", 7)
        .values("flag", true, false)
        .values("mixed", "a", 1, 2.5, "3")
        .design(Design.lhs(64))
        .exclude("strategy", "always_defect", "topology", List.of("ring", "grid"))
        .exclude("agents", 2)
        .replicates(5)
        .seed(-12345678901L)
        .seeding(Seeding.COMMON)
        .maxParallel(3)
        .timeoutPerRun(Duration.ofMinutes(2))
        .failurePolicy(FailurePolicy.FAIL_FAST)
        .maxRuns(5000)
        .outputDir("results/tournament")
        .metadata("author", "Ana")
        .metadata("started", "2024-05-01")
        .metadata("tags", List.of("pilot", "v2"))
        .metadata("budget_eur", 12.5)
        .metadata("reviewed", false)
        .metadata("notes", notes)
        .build();
  }

  @Test
  void yamlAndBuilderGiveEqualSpecs() {
    assertEquals(fullSpecBuilt(), SpecLoader.load(resource("full.yaml")));
  }

  @Test
  void listValuedExclusionExpandsToTheCartesianProduct() {
    SweepSpec s = SpecLoader.load(resource("full.yaml"));
    assertEquals(
        List.of(
            Map.of("strategy", "always_defect", "topology", "ring"),
            Map.of("strategy", "always_defect", "topology", "grid"),
            Map.of("agents", 2L)),
        s.design().exclude());
  }

  @Test
  void valuesKeepTheirYamlTypes() {
    SweepSpec s = SpecLoader.load(resource("full.yaml"));
    assertEquals(List.of("a", 1L, 2.5, "3"), ((Parameter.Values) s.parameter("mixed")).values());
    assertInstanceOf(Parameter.IntRange.class, s.parameter("rounds"));
    assertInstanceOf(Parameter.FloatRange.class, s.parameter("threshold"));
    // An unquoted date in metadata stays the text it was written as.
    assertEquals("2024-05-01", s.metadata().get("started"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"grid.json", "grid.yaml"})
  void jsonAndYamlGiveEqualSpecs(String file) {
    SweepSpec expected =
        SweepSpec.builder("tournament")
            .command("python", "sim.py")
            .values("strategy", "tit_for_tat", "always_defect")
            .range("rounds", 10, 50, 20)
            .linspace("noise", 0, 0.2, 3)
            .exclude("strategy", "always_defect", "rounds", List.of(10, 30))
            .replicates(2)
            .maxParallel(2)
            .timeoutPerRun(Duration.ofMillis(1500))
            .build();
    assertEquals(expected, SpecLoader.load(resource(file)));
  }

  @Test
  void defaultsApplyWhenKeysAreAbsent() {
    SweepSpec s = SpecLoader.parse("name: tiny\nsimulation: model\n", "tiny.yaml");
    assertEquals(SweepSpec.builder("tiny").simulation("model").build(), s);
    assertEquals(Design.grid(), s.design());
    assertEquals(Defaults.REPLICATES, s.replicates());
    assertEquals(Defaults.SEED, s.seed());
    assertEquals(Seeding.INDEPENDENT, s.seeding());
    assertEquals(Execution.defaults(), s.execution());
    assertEquals(
        SimulationSpec.Command.of(List.of("x")).transientExitCodes(),
        ((SimulationSpec.Command)
                SpecLoader.parse("name: t\nsimulation: {command: [x]}\n", "t").simulation())
            .transientExitCodes());
  }

  static Stream<Arguments> simulations() {
    return Stream.of(
        Arguments.of("model", new SimulationSpec.Named("model")),
        Arguments.of("{name: model}", new SimulationSpec.Named("model")),
        Arguments.of(
            "{class: com.example.Model}", new SimulationSpec.JavaClass("com.example.Model")),
        Arguments.of(
            "{command: [run, 1, 2.50, true]}",
            SimulationSpec.Command.of(List.of("run", "1", "2.50", "true"))),
        Arguments.of(
            "{command: [run], log_cap: 512KB, result: stdout, transient_exit_codes: []}",
            new SimulationSpec.Command(
                List.of("run"), Map.of(), null, "stdout", 512 * 1024, List.of())),
        Arguments.of(
            "{command: [run], log_cap: 1000}",
            new SimulationSpec.Command(
                List.of("run"), Map.of(), null, "stdout", 1000, List.of(75))),
        Arguments.of(
            "{pipeline: [prepare, {command: [run]}, {pipeline: [{class: a.B}]}]}",
            new SimulationSpec.Pipeline(
                List.of(
                    new SimulationSpec.Named("prepare"),
                    SimulationSpec.Command.of(List.of("run")),
                    new SimulationSpec.Pipeline(List.of(new SimulationSpec.JavaClass("a.B")))))));
  }

  @ParameterizedTest
  @MethodSource("simulations")
  void simulationForms(String yaml, SimulationSpec expected) {
    assertEquals(
        expected, SpecLoader.parse("name: s\nsimulation: " + yaml + "\n", "s.yaml").simulation());
  }

  static Stream<Arguments> timeouts() {
    return Stream.of(
        Arguments.of("30", Duration.ofSeconds(30)),
        Arguments.of("2.5", Duration.ofMillis(2500)),
        Arguments.of("30s", Duration.ofSeconds(30)),
        Arguments.of("500ms", Duration.ofMillis(500)),
        Arguments.of("2m", Duration.ofMinutes(2)),
        Arguments.of("1h", Duration.ofHours(1)),
        Arguments.of("1.5h", Duration.ofMinutes(90)),
        Arguments.of("0.000000001s", Duration.ofNanos(1)));
  }

  @ParameterizedTest
  @MethodSource("timeouts")
  void timeoutForms(String yaml, Duration expected) {
    SweepSpec s =
        SpecLoader.parse(
            "name: t\nsimulation: m\nexecution: {timeout_per_run: " + yaml + "}\n", "t");
    assertEquals(expected, s.execution().timeoutPerRun());
  }

  static Stream<Arguments> designs() {
    return Stream.of(
        Arguments.of("grid", Design.grid()),
        Arguments.of("{type: random, samples: 10}", Design.random(10)),
        Arguments.of("{type: lhs, samples: 7}", Design.lhs(7)),
        Arguments.of("{type: sobol, samples: 128}", Design.sobol(128)),
        Arguments.of(
            "{type: list, points: [{a: 1}, {a: 2, b: x}]}",
            Design.list(List.of(Map.of("a", 1L), Map.of("a", 2L, "b", "x")))),
        Arguments.of(
            "{exclude: [{a: [1, 2], b: [x, y]}]}",
            Design.grid()
                .excluding(Map.of("a", 1L, "b", "x"))
                .excluding(Map.of("a", 1L, "b", "y"))
                .excluding(Map.of("a", 2L, "b", "x"))
                .excluding(Map.of("a", 2L, "b", "y"))));
  }

  @ParameterizedTest
  @MethodSource("designs")
  void designForms(String yaml, Design expected) {
    SweepSpec s =
        SpecLoader.parse(
            "name: d\nsimulation: m\nparameters: {a: [1, 2], b: [x, y]}\ndesign: " + yaml + "\n",
            "d.yaml");
    assertEquals(expected, s.design());
  }

  static Stream<Arguments> parameterForms() {
    return Stream.of(
        Arguments.of("[1, 2, 3]", new Parameter.Values("p", List.of(1L, 2L, 3L))),
        Arguments.of("hello", new Parameter.Values("p", List.of("hello"))),
        Arguments.of("2.0", new Parameter.Values("p", List.of(2.0))),
        Arguments.of(
            "{type: values, values: [yes, no]}", new Parameter.Values("p", List.of(true, false))),
        Arguments.of("{type: range, start: 1, stop: 5}", new Parameter.IntRange("p", 1, 5, 1)),
        Arguments.of(
            "{type: range, start: 5, stop: 1, step: -2}", new Parameter.IntRange("p", 5, 1, -2)),
        Arguments.of(
            "{type: range, start: 0, stop: 1, step: 0.25}",
            new Parameter.FloatRange("p", 0, 1, 0.25)),
        Arguments.of("{type: range, start: 1.0, stop: 3}", new Parameter.FloatRange("p", 1, 3, 1)),
        Arguments.of(
            "{type: linspace, start: 0, stop: 1, num: 5}", new Parameter.Linspace("p", 0, 1, 5)),
        Arguments.of(
            "{type: logspace, start: 1, stop: 1000, num: 4}",
            new Parameter.Logspace("p", 1, 1000, 4)),
        Arguments.of("{type: uniform, low: -1, high: 1}", new Parameter.Uniform("p", -1, 1)),
        Arguments.of(
            "{type: loguniform, low: 1e-3, high: 1}", new Parameter.LogUniform("p", 1e-3, 1)),
        Arguments.of("{type: normal, mean: 10, sd: 2}", new Parameter.Normal("p", 10, 2)),
        Arguments.of("{type: intuniform, low: 1, high: 6}", new Parameter.IntUniform("p", 1, 6)),
        Arguments.of(
            "{type: choice, values: [a, b]}",
            new Parameter.Choice("p", List.of("a", "b"), List.of(1.0, 1.0))),
        Arguments.of(
            "{type: choice, values: [a, b], weights: [3, 0.5]}",
            new Parameter.Choice("p", List.of("a", "b"), List.of(3.0, 0.5))));
  }

  @ParameterizedTest
  @MethodSource("parameterForms")
  void parameterFormsWithASampledDesign(String yaml, Parameter expected) {
    SweepSpec s =
        SpecLoader.parse(
            "name: p\nsimulation: m\nparameters:\n  p: "
                + yaml
                + "\ndesign: {type: random, samples: 5}\n",
            "p.yaml");
    assertEquals(List.of(expected), s.parameters());
  }

  @Test
  void parameterOrderIsKept() {
    SweepSpec s =
        SpecLoader.parse(
            "name: p\nsimulation: m\nparameters: {z: [1], a: [2], m.n: [3], _x-1: [4]}\n", "p");
    assertEquals(List.of("z", "a", "m.n", "_x-1"), s.parameterNames());
  }

  @Test
  void readingDoesNotDependOnTheDefaultLocale() {
    Locale saved = Locale.getDefault();
    try {
      // In Turkish, "list".toUpperCase() is "LİST", which is not an enum constant.
      Locale.setDefault(Locale.forLanguageTag("tr-TR"));
      SweepSpec s =
          SpecLoader.parse(
              "name: t\nsimulation: m\nparameters: {a: [1]}\n"
                  + "design: {type: list, points: [{a: 1}]}\nseeding: independent\n",
              "t");
      assertEquals(Design.Type.LIST, s.design().type());
      assertEquals(Seeding.INDEPENDENT, s.seeding());
    } finally {
      Locale.setDefault(saved);
    }
  }

  @Test
  void loadNamesAMissingFile() {
    SpecException e =
        assertThrows(SpecException.class, () -> SpecLoader.load(Path.of("no/such/spec.yaml")));
    assertEquals(Path.of("no/such/spec.yaml").toString(), e.source());
    assertEquals("no such file", e.problem());
  }

  // ---------------------------------------------------------------- safe loading

  /** Counts its instances; a spec must never create one. */
  public static final class Canary {
    static final AtomicInteger CREATED = new AtomicInteger();

    public Canary() {
      CREATED.incrementAndGet();
    }
  }

  @Test
  void theCanaryWouldBeCreatedByAnUnsafeLoader() {
    // Proves that the next test can fail: a class-constructing loader does create the canary from
    // this tag.
    LoaderOptions options = new LoaderOptions();
    options.setTagInspector(tag -> true);
    int before = Canary.CREATED.get();
    new Yaml(new Constructor(options)).load("!!org.sweeplab.spec.SpecLoaderTest$Canary {}");
    assertEquals(before + 1, Canary.CREATED.get());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "name: t\nsimulation: !!org.sweeplab.spec.SpecLoaderTest$Canary {}\n",
        "name: t\nsimulation: m\nmetadata:\n  x: [1, !!org.sweeplab.spec.SpecLoaderTest$Canary {}]\n",
        "name: t\nsimulation: m\nparamters: !!org.sweeplab.spec.SpecLoaderTest$Canary {}\n"
      })
  void aClassTagIsRefusedAndNothingIsConstructed(String yaml) {
    int before = Canary.CREATED.get();
    SpecException e = assertThrows(SpecException.class, () -> SpecLoader.parse(yaml, "evil.yaml"));
    assertTrue(
        e.problem().startsWith("tag '!!org.sweeplab.spec.SpecLoaderTest$Canary' is not allowed"),
        e.getMessage());
    assertEquals(before, Canary.CREATED.get());
  }
}
