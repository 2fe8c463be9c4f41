package org.sweeplab.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Seals ranking.csv and report.md of the bundled tournament example against golden files in
 * src/test/resources/golden (summary.json, results.csv, costs.json and runs.jsonl are sealed by
 * GoldenFormatTest). To change a format on purpose, run with -Dsweeplab.updateGolden=true and
 * review the diff.
 */
class GoldenReportTest {
  @TempDir Path tmp;

  @ParameterizedTest
  @ValueSource(strings = {"ranking.csv", "report.md"})
  void reportFilesOfTheTournamentExample(String name) throws IOException {
    Path out =
        Analysis.of(Runs.read(Path.of("data/examples/results/tournament")))
            .withMetric("score")
            .writeReport(tmp.resolve("report"));
    String actual = Files.readString(out.resolve(name), StandardCharsets.UTF_8);
    Path golden = Path.of("src/test/resources/golden", name);
    if (Boolean.getBoolean("sweeplab.updateGolden")) {
      Files.writeString(golden, actual, StandardCharsets.UTF_8);
    }
    assertEquals(Files.readString(golden, StandardCharsets.UTF_8), actual, "golden file " + golden);
  }
}
