package org.sweeplab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sweeplab analyze} never loads Tablesaw's {@code Table}: its static initialiser scans the
 * class path (0.3-0.45 s of CPU at every start), and the report is written from the results' own
 * tabular values. Each case runs the command in a fresh JVM with class loading logged, and reads
 * the log.
 */
class AnalyzeWithoutTablesawTest {
  private static final Pattern LOADED = Pattern.compile("\\] (\\S+) source:");

  @TempDir Path tmp;

  @Test
  void analyzingACsvFileLoadsNoTablesawTable() throws Exception {
    List<String> lines =
        Files.readAllLines(Path.of("data/examples/results/tournament/results.csv"));
    Path csv = tmp.resolve("small.csv");
    Files.write(csv, lines.subList(0, 121), StandardCharsets.UTF_8);
    List<String> loaded = analyze(csv.toString(), "--metric", "score");
    assertFalse(
        loaded.contains("tech.tablesaw.api.Table"),
        "analyze of a CSV file loaded tech.tablesaw.api.Table; Tablesaw classes: "
            + tablesaw(loaded));
  }

  @Test
  void analyzingASweepFolderLoadsNoTablesawTable() throws Exception {
    List<String> loaded = analyze("data/examples/results/tournament", "--metric", "score");
    assertFalse(
        loaded.contains("tech.tablesaw.api.Table"),
        "analyze of a sweep folder loaded tech.tablesaw.api.Table; Tablesaw classes: "
            + tablesaw(loaded));
  }

  /**
   * Runs {@code analyze INPUT ARGS --out DIR} in a new JVM on this class path.
   *
   * @return the classes it loaded, in order
   */
  private List<String> analyze(String input, String... args)
      throws IOException, InterruptedException {
    Path log = tmp.resolve("classes.log");
    Path out = tmp.resolve("out");
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.add("-Xlog:class+load=info:file=" + log);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Main.class.getName());
    command.add("analyze");
    command.add(input);
    command.addAll(List.of(args));
    command.add("--out");
    command.add(out.toString());
    Process p =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(tmp.resolve("analyze.txt").toFile())
            .start();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "analyze did not end in 120 s");
    String output = Files.readString(tmp.resolve("analyze.txt"));
    assertEquals(0, p.exitValue(), output);
    assertTrue(Files.isRegularFile(out.resolve("report.md")), output);
    List<String> loaded = new ArrayList<>();
    for (String line : Files.readAllLines(log)) {
      Matcher m = LOADED.matcher(line);
      if (m.find()) {
        loaded.add(m.group(1));
      }
    }
    // The log is read as it should be: the command's own classes are in it.
    assertTrue(loaded.contains(Main.class.getName()), "no class-load lines in " + log);
    assertTrue(loaded.contains("org.sweeplab.analysis.MarkdownReport"), loaded.toString());
    return loaded;
  }

  private static List<String> tablesaw(List<String> loaded) {
    return loaded.stream().filter(c -> c.startsWith("tech.tablesaw.")).toList();
  }
}
