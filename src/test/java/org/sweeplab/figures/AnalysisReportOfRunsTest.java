package org.sweeplab.figures;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sweeplab.analysis.AnalysisException;
import org.sweeplab.analysis.AnalysisOptions;
import org.sweeplab.analysis.Runs;

/**
 * {@code AnalysisReport.of(runs).withMetric(m).write(dir)} writes what {@code analyze} writes for
 * the folder the runs came from, file for file.
 */
class AnalysisReportOfRunsTest {
  private static final Path TOURNAMENT = Path.of("data/examples/results/tournament");

  @TempDir Path tmp;

  @Test
  void theReportOfRunsReadIsTheReportOfTheirFolder() throws IOException {
    AnalysisReport.Written fromFolder =
        AnalysisReport.withDefaults()
            .write(AnalysisOptions.of(TOURNAMENT).withMetric("score").withOut(tmp.resolve("a")));
    AnalysisReport.Written fromRuns =
        AnalysisReport.of(Runs.read(TOURNAMENT)).withMetric("score").write(tmp.resolve("b"));
    assertEquals(fromFolder.metric(), fromRuns.metric());
    assertEquals(fromFolder.figures(), fromRuns.figures());
    assertEquals(fromFolder.warnings(), fromRuns.warnings());
    List<Path> files = files(tmp.resolve("a"));
    assertEquals(files, files(tmp.resolve("b")));
    assertTrue(files.contains(Path.of("report.md")) && files.size() > 5, files.toString());
    for (Path f : files) {
      assertArrayEquals(
          Files.readAllBytes(tmp.resolve("a").resolve(f)),
          Files.readAllBytes(tmp.resolve("b").resolve(f)),
          f.toString());
    }
  }

  @Test
  void withoutAMetricTheFirstNumericOneIsAnalysed() {
    AnalysisReport.Written w = AnalysisReport.of(Runs.read(TOURNAMENT)).write(tmp.resolve("c"));
    assertEquals(MetricChoice.Source.SUMMARY, w.metric().source());
  }

  @Test
  void aReportWithoutRunsSaysWhereToStart() {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> AnalysisReport.withDefaults().withMetric("score").write(tmp.resolve("d")));
    assertEquals(
        "this report has no runs; start from AnalysisReport.of(runs), or give the input with"
            + " write(AnalysisOptions.of(dir))",
        e.getMessage());
    AnalysisException noDir =
        assertThrows(
            AnalysisException.class,
            () -> AnalysisOptions.of(Runs.read(TOURNAMENT)).outputDirectory());
    assertTrue(noDir.getMessage().contains("name the report folder"), noDir.getMessage());
  }

  private static List<Path> files(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).map(dir::relativize).sorted().toList();
    }
  }
}
