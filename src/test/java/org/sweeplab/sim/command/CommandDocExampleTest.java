package org.sweeplab.sim.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sweeplab.sim.Metrics;
import org.sweeplab.spec.SimulationSpec;

/** Keeps the worked example of docs/commands.md true: same argv, same outcome. */
class CommandDocExampleTest {
  @TempDir Path root;

  static final String SCRIPT =
      """
      echo "squaring $1 (seed $SWEEP_SEED)" >&2
      echo '{"cost": 0.01}'
      echo "{\\"square\\": $(($1 * $1)), \\"note\\": \\"n=$1\\", \\"cost\\": 0.03}"
      """;

  @Test
  void workedExampleBehavesAsDocumented() throws Exception {
    SimulationSpec.Command spec =
        SimulationSpec.Command.of(List.of("/bin/sh", "-c", SCRIPT, "sh", "{n}"));
    FakeRunContext ctx = new FakeRunContext(root, Map.of("n", 3L));
    Metrics m = CommandSimulation.of(spec, List.of("n")).run(ctx);
    assertEquals(Metrics.of("square", 9L, "note", "n=3").withCost(0.03), m);
    assertEquals(0.03, ctx.cost(), 1e-12);
    assertEquals(
        "squaring 3 (seed 424242)\n", Files.readString(ctx.runDirPath().resolve("stderr.log")));
    assertFalse(Files.exists(ctx.runDirPath().resolve("stdout.log")));
  }

  @Test
  void docSnippetMatchesTheTestedScript() throws Exception {
    String doc = Files.readString(Path.of("docs/commands.md"));
    for (String line : SCRIPT.strip().split("\n")) {
      assertEquals(true, doc.contains("      " + line + "\n"), "docs/commands.md lacks: " + line);
    }
  }
}
