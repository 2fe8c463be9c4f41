package org.sweeplab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Running out of memory in {@code analyze} is one line with the heap it had and the -Xmx hint, not
 * a stack trace.
 */
class OutOfMemoryTest {
  @TempDir Path dir;

  @Test
  void analyzeOnATinyHeapSaysHowToGiveItMore() throws IOException, InterruptedException {
    Run r = analyzeAt24m(false);
    assertEquals(1, r.exit(), r.err());
    List<String> lines = r.err().lines().filter(l -> !l.isBlank()).toList();
    assertEquals(1, lines.size(), r.err());
    assertTrue(lines.get(0).startsWith("error: out of memory ("), r.err());
    assertTrue(lines.get(0).contains("SWEEPLAB_JAVA_OPTS=-Xmx"), r.err());
    assertFalse(r.err().contains("\tat "), r.err());
  }

  /**
   * In a heap the launcher sized to the input, it exits 3 and says nothing: the launcher runs it
   * again.
   */
  @Test
  void aHeapSizedByTheLauncherExitsThreeForItsRetry() throws IOException, InterruptedException {
    Run r = analyzeAt24m(true);
    assertEquals(3, r.exit(), r.err());
    assertEquals("", r.err().strip());
  }

  private record Run(int exit, String err) {}

  private Run analyzeAt24m(boolean sized) throws IOException, InterruptedException {
    Path csv = dir.resolve("big.csv");
    try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
      w.write("run_id,variation_id,strategy,seed,status,score,cost\n");
      for (int i = 0; i < 400_000; i++) {
        w.write(
            String.format(
                Locale.ROOT, "%d,v%d,s%d,%d,ok,%.3f,1%n", i, i % 5000, i % 7, i / 5000, i * 0.001));
      }
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb =
        new ProcessBuilder(
                List.of(
                    java,
                    "-Xmx24m",
                    "-XX:+UseSerialGC",
                    "-cp",
                    System.getProperty("java.class.path"),
                    Main.class.getName(),
                    "analyze",
                    csv.toString(),
                    "--out",
                    dir.resolve("out").toString()))
            .redirectErrorStream(false);
    pb.environment().remove("SWEEPLAB_DEBUG");
    pb.environment().remove(Main.SIZED_HEAP);
    if (sized) {
      pb.environment().put(Main.SIZED_HEAP, "1");
    }
    Process p = pb.start();
    p.getOutputStream().close();
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    p.getInputStream().readAllBytes();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS));
    return new Run(p.exitValue(), err);
  }
}
