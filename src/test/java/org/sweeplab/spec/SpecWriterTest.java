package org.sweeplab.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sweeplab.results.PlainJson;

class SpecWriterTest {

  private static SweepSpec.Builder base() {
    return SweepSpec.builder("s").simulation("m");
  }

  static Stream<Arguments> specs() {
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("none", null);
    meta.put("list", List.of(1, 2.5, "x", true, List.of(), Map.of()));
    meta.put("nested", Map.of("deep", Map.of("deeper", "yes")));
    meta.put("empty", "");
    return Stream.of(
        Arguments.of("minimal", base().build()),
        Arguments.of("full", SpecLoaderTest.fullSpecBuilt()),
        Arguments.of(
            "awkward doubles",
            base()
                .values(
                    "d",
                    0.1,
                    1e-300,
                    Double.MIN_VALUE,
                    -0.0,
                    1e22,
                    123456789.123,
                    Math.PI,
                    1.0,
                    2.0,
                    Double.MAX_VALUE,
                    -1e-7)
                .build()),
        Arguments.of(
            "awkward strings",
            base()
                .values(
                    "s",
                    "yes",
                    "no",
                    "on",
                    "1",
                    "1.0",
                    "",
                    "a: b",
                    "#x",
                    "x #y",
                    "multi\nline",
                    "naïve ünïcödé",
                    " lead",
                    "trail ",
                    "null",
                    "~",
                    "2024-05-01",
                    "'quoted'",
                    "\"dq\"",
                    "[x]",
                    "{y}",
                    "*alias",
                    "&anchor",
                    "!tag",
                    "%pct",
                    "@at",
                    "`tick",
                    "- dash",
                    "tab\there",
                    "0x1F",
                    "1_000",
                    "1:30",
                    ".inf",
                    ".nan",
                    "=",
                    "<<")
                .build()),
        Arguments.of(
            "float ranges that look like integers",
            base()
                .range("f", 1.0, 5.0, 1.0)
                .linspace("l", 0, 10, 11)
                .logspace("g", 1, 100, 3)
                .build()),
        Arguments.of("negative integer range", base().range("r", 10, -10, -5).build()),
        Arguments.of(
            "distributions",
            base()
                .uniform("u", -1, 1)
                .logUniform("lu", 1e-6, 1)
                .normal("n", 0, 1e-3)
                .intUniform("iu", Long.MIN_VALUE / 2, Long.MAX_VALUE / 2)
                .choice("c", "x", 1, 2.5, false)
                .choice("w", List.of("a", "b"), List.of(0.0, 0.3))
                .design(Design.sobol(1000))
                .build()),
        Arguments.of("random design", base().values("a", 1, 2, 3).design(Design.random(2)).build()),
        Arguments.of(
            "list design",
            base()
                .values("a", 1, 2)
                .values("b", "x")
                .design(Design.list(List.of(Map.of("a", 1, "b", "x"), Map.of("a", 2))))
                .build()),
        Arguments.of(
            "grid with exclusions",
            base()
                .values("a", 1, 2)
                .values("b", "x", "y")
                .exclude("a", List.of(1, 2), "b", "y")
                .exclude("b", "x")
                .build()),
        Arguments.of(
            "java class",
            SweepSpec.builder("c").simulation(new SimulationSpec.JavaClass("a.b.C")).build()),
        Arguments.of(
            "command with everything",
            SweepSpec.builder("c")
                .simulation(
                    new SimulationSpec.Command(
                        List.of("run", "--x", "{x}", "007", "true", ""),
                        Map.of("A", "1", "B", "yes"),
                        "/tmp/work dir",
                        "file:out.json",
                        12345,
                        List.of(75, 0, 255)))
                .build()),
        Arguments.of(
            "pipeline",
            SweepSpec.builder("p")
                .simulation(
                    new SimulationSpec.Pipeline(
                        List.of(
                            new SimulationSpec.Named("prep"),
                            SimulationSpec.Command.of(List.of("run")),
                            new SimulationSpec.Pipeline(
                                List.of(new SimulationSpec.JavaClass("x.Y"))))))
                .build()),
        Arguments.of(
            "long seeds and counts",
            base()
                .seed(Long.MIN_VALUE)
                .replicates(Integer.MAX_VALUE)
                .maxRuns(Long.MAX_VALUE)
                .build()),
        Arguments.of("timeout of 1 ns", base().timeoutPerRun(Duration.ofNanos(1)).build()),
        Arguments.of(
            "timeout of 1.000000001 s", base().timeoutPerRun(Duration.ofSeconds(1, 1)).build()),
        Arguments.of("timeout of 25 h", base().timeoutPerRun(Duration.ofHours(25)).build()),
        Arguments.of(
            "output and metadata",
            base()
                .outputDir("out/é x")
                .description("multi\nline: text")
                .metadata("all", meta)
                .build()),
        Arguments.of(
            "common seeding and fail fast",
            base()
                .seeding(Seeding.COMMON)
                .failurePolicy(FailurePolicy.FAIL_FAST)
                .maxParallel(16)
                .build()),
        Arguments.of("budget, retries and rate limit", BudgetSpecTest.costlyBuilt()),
        Arguments.of(
            "per-run cap only, odd delays",
            base()
                .values("n", 1, 2.5, true)
                .budget(
                    BudgetSpec.perRun(0.1, "")
                        .withEstimateBy(
                            new BudgetSpec.CostTable(
                                "n", Map.of("1", 0.0, "2.5", 1e-9, "true", 3.0))))
                .retries(new Retries(2, Duration.ZERO, Duration.ofNanos(1), 1.5))
                .rateLimit(RateLimit.perMinute(7))
                .interruptGrace(Duration.ZERO)
                .build()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("specs")
  void yamlRoundTrip(String label, SweepSpec spec) {
    String yaml = SpecWriter.toYaml(spec);
    assertEquals(spec, SpecLoader.parse(yaml, "sweep.yaml"), yaml);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("specs")
  void canonicalJsonIsAlsoASpec(String label, SweepSpec spec) {
    String json = SpecWriter.canonicalJson(spec);
    assertEquals(spec, SpecLoader.parse(json, "sweep.json"), json);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("specs")
  void writingIsIdempotent(String label, SweepSpec spec) {
    String once = SpecWriter.toYaml(spec);
    assertEquals(once, SpecWriter.toYaml(SpecLoader.parse(once, "sweep.yaml")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("specs")
  void treesAreWrittenAsJacksonDatabindWritesThem(String label, SweepSpec spec) throws Exception {
    ObjectMapper databind = new ObjectMapper();
    for (boolean canonical : new boolean[] {true, false}) {
      Map<String, Object> tree = SpecWriter.tree(spec, canonical);
      assertEquals(databind.writeValueAsString(tree), PlainJson.compact(tree));
    }
  }

  @Test
  void resolvedYamlOfTheFullSpecMatchesTheGoldenFile() throws IOException {
    // Seals the sweep.yaml format. If a change is intended, regenerate full.resolved.yaml and
    // review the diff.
    String golden =
        Files.readString(SpecLoaderTest.resource("full.resolved.yaml"), StandardCharsets.UTF_8);
    assertEquals(golden, SpecWriter.toYaml(SpecLoader.load(SpecLoaderTest.resource("full.yaml"))));
  }

  @Test
  void floatsThatLookLikeIntegersStayFloats() {
    SweepSpec spec = base().values("x", 1.0, 2.0).range("r", 0.0, 2.0, 1.0).build();
    String yaml = SpecWriter.toYaml(spec);
    assertTrue(yaml.contains("x: [1.0, 2.0]"), yaml);
    SweepSpec back = SpecLoader.parse(yaml, "sweep.yaml");
    assertEquals(List.of(1.0, 2.0), ((Parameter.Values) back.parameter("x")).values());
    assertInstanceOf(Parameter.FloatRange.class, back.parameter("r"));
  }

  static Stream<Arguments> durations() {
    return Stream.of(
        Arguments.of(Duration.ofHours(2), "2h"),
        Arguments.of(Duration.ofMinutes(90), "90m"),
        Arguments.of(Duration.ofSeconds(45), "45s"),
        Arguments.of(Duration.ofMillis(1500), "1500ms"),
        Arguments.of(Duration.ofNanos(1_500_000_500L), "1.5000005s"),
        Arguments.of(Duration.ofNanos(1), "0.000000001s"));
  }

  @ParameterizedTest
  @MethodSource("durations")
  void durationsUseTheLargestExactUnit(Duration d, String text) {
    assertEquals(text, SpecWriter.duration(d));
  }

  // ---------------------------------------------------------------- config hash

  @Test
  void configHashIsSixteenHexDigitsAndStable() {
    // Seals the hash: every sweep folder records it, so changing it makes old folders look
    // different.
    assertEquals("bfb0382c950d221c", SpecWriter.configHash(SpecLoaderTest.fullSpecBuilt()));
  }

  @Test
  void equalSpecsHaveTheSameCanonicalFormWhateverTheirMapOrder() {
    SweepSpec loaded = SpecLoader.load(SpecLoaderTest.resource("full.yaml"));
    SweepSpec built = SpecLoaderTest.fullSpecBuilt();
    assertEquals(built, loaded);
    assertEquals(SpecWriter.canonicalJson(built), SpecWriter.canonicalJson(loaded));
    assertEquals(SpecWriter.configHash(built), SpecWriter.configHash(loaded));
    SweepSpec ab =
        SpecLoader.parse("name: o\nsimulation: {command: [x], env: {A: '1', B: '2'}}\n", "ab");
    SweepSpec ba =
        SpecLoader.parse("name: o\nsimulation: {command: [x], env: {B: '2', A: '1'}}\n", "ba");
    assertEquals(SpecWriter.configHash(ab), SpecWriter.configHash(ba));
  }

  static Stream<Arguments> changesThatKeepTheHash() {
    return Stream.<UnaryOperator<SweepSpec.Builder>>of(
            b -> b.description("other words"),
            b -> b.metadata("author", "someone else"),
            b -> b.maxParallel(64),
            b -> b.timeoutPerRun(Duration.ofSeconds(3)),
            b -> b.failurePolicy(FailurePolicy.FAIL_FAST),
            b -> b.maxRuns(99),
            b -> b.outputDir("elsewhere"),
            b -> b.budget(BudgetSpec.total(5, "USD").withEstimatePerRun(1)),
            b -> b.retries(Retries.of(3)),
            b -> b.rateLimit(RateLimit.perSecond(9)),
            b -> b.interruptGrace(Duration.ofMinutes(1)))
        .map(Arguments::of);
  }

  @ParameterizedTest
  @MethodSource("changesThatKeepTheHash")
  void configHashIgnoresWhatDoesNotChangeResults(UnaryOperator<SweepSpec.Builder> change) {
    SweepSpec.Builder plain = base().values("a", 1, 2);
    SweepSpec.Builder changed = change.apply(base().values("a", 1, 2));
    assertEquals(SpecWriter.configHash(plain.build()), SpecWriter.configHash(changed.build()));
    assertEquals(
        SpecWriter.configHash(base().build()),
        SpecWriter.configHash(SweepSpec.builder("renamed").simulation("m").build()));
  }

  static Stream<Arguments> changesThatChangeTheHash() {
    return Stream.of(
        Arguments.of("seed", base().values("a", 1, 2).seed(1).build()),
        Arguments.of("replicates", base().values("a", 1, 2).replicates(2).build()),
        Arguments.of("seeding", base().values("a", 1, 2).seeding(Seeding.COMMON).build()),
        Arguments.of("a value", base().values("a", 1, 3).build()),
        Arguments.of("a value's type", base().values("a", 1.0, 2).build()),
        Arguments.of("parameter order", base().values("b", 0).values("a", 1, 2).build()),
        Arguments.of("another parameter", base().values("a", 1, 2).values("b", 0).build()),
        Arguments.of("an exclusion", base().values("a", 1, 2).exclude("a", 1).build()),
        Arguments.of("the design", base().values("a", 1, 2).design(Design.random(1)).build()),
        Arguments.of(
            "the simulation",
            SweepSpec.builder("s").simulation("other").values("a", 1, 2).build()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("changesThatChangeTheHash")
  void configHashCoversWhatChangesResults(String label, SweepSpec changed) {
    assertNotEquals(
        SpecWriter.configHash(base().values("a", 1, 2).build()), SpecWriter.configHash(changed));
  }
}
