package org.sweeplab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The launcher script with a garbage collector named in SWEEPLAB_JAVA_OPTS: Java refuses to start
 * with two, so the user's choice must replace the launcher's (it once did not, for every command).
 * Runs after the jar is packaged.
 */
class LauncherIT {
  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"-XX:+UseSerialGC", "-XX:+UseG1GC", "-XX:+UseParallelGC"})
  void aCollectorInJavaOptionsReplacesTheLaunchersOwn(String collector)
      throws IOException, InterruptedException {
    Path csv = dir.resolve("results.csv");
    Files.writeString(
        csv,
        "variation_id,strategy,status,score\nv1,a,ok,1.0\nv1,a,ok,2.0\nv2,b,ok,3.0\nv2,b,ok,3.5\n",
        StandardCharsets.UTF_8);
    for (List<String> args :
        List.of(
            List.of("--version"),
            List.of("analyze", csv.toString(), "--out", dir.resolve("out").toString()))) {
      Path log = dir.resolve("log.txt");
      List<String> command = new java.util.ArrayList<>(List.of("./sweeplab"));
      command.addAll(args);
      ProcessBuilder pb =
          new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
      pb.environment().put("SWEEPLAB_JAVA_OPTS", collector + " -Xlog:gc:stdout");
      pb.environment().put("SWEEPLAB_CDS", "0");
      Process p = pb.start();
      assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the launcher did not end");
      String out = Files.readString(log);
      assertEquals(0, p.exitValue(), args + ": " + out);
      String chosen = collector.replace("-XX:+Use", "").replace("GC", "");
      assertTrue(out.contains("Using " + chosen), args + " should use " + collector + ": " + out);
    }
  }
}
