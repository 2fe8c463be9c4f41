package org.sweeplab.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Keeps the examples in docs/spec-reference.md valid. */
class SpecReferenceTest {
  private static final Path DOC = Path.of("docs/spec-reference.md");

  private static List<String> yamlBlocks() throws IOException {
    String doc = Files.readString(DOC, StandardCharsets.UTF_8);
    Matcher m = Pattern.compile("```yaml\n(.*?)```", Pattern.DOTALL).matcher(doc);
    List<String> out = new ArrayList<>();
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  @Test
  void theCompleteExampleReadsAsDescribed() throws IOException {
    SweepSpec s = SpecLoader.parse(yamlBlocks().get(0), DOC.toString());
    SweepSpec expected =
        SweepSpec.builder("tournament")
            .description("Iterated prisoner's dilemma, strategies against noise")
            .simulation(
                new SimulationSpec.Command(
                    List.of(
                        "python",
                        "sim.py",
                        "--strategy",
                        "{strategy}",
                        "--rounds",
                        "{rounds}",
                        "--seed",
                        "{seed}"),
                    Map.of("PYTHONHASHSEED", "0"),
                    null,
                    "stdout",
                    1 << 20,
                    List.of(75)))
            .values("strategy", "tit_for_tat", "always_defect", "grim")
            .range("rounds", 50, 200, 50)
            .linspace("noise", 0, 0.1, 3)
            .exclude("strategy", "always_defect", "noise", List.of(0.05, 0.1))
            .replicates(5)
            .seed(42)
            .seeding(Seeding.COMMON)
            .maxParallel(4)
            .timeoutPerRun(Duration.ofSeconds(30))
            .outputDir("results/tournament")
            .metadata("author", "Ana")
            .metadata("ticket", "SIM-112")
            .build();
    assertEquals(expected, s);
    // "The grid has 3 x 4 x 3 = 36 points. The exclusion drops 2 x 4 = 8 ..."
    assertEquals(4, s.parameter("rounds").size());
    assertEquals(0.05, s.parameter("noise").level(1));
    assertEquals(2, s.design().exclude().size());
  }

  @Test
  void everyFullSpecExampleInTheReferenceIsValid() throws IOException {
    int specs = 0;
    for (String block : yamlBlocks()) {
      if (block.startsWith("name:")) {
        SpecLoader.parse(block, DOC.toString());
        specs++;
      }
    }
    assertTrue(specs >= 1, "the reference should hold at least one full spec");
  }
}
