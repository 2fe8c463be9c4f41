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
 * The launcher script: with a garbage collector named in SWEEPLAB_JAVA_OPTS (Java refuses to start
 * with two, so the user's choice must replace the launcher's; it once did not, for every command),
 * and its choice of compiler for a resume. Runs after the jar is packaged.
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

  /**
   * A resume of a complete folder runs nothing (unless it retries failed runs): the launcher gives
   * it C1-compiled code only; any other resume keeps C2.
   */
  @org.junit.jupiter.api.Test
  void aCompleteFoldersResumeRunsC1Only() throws IOException, InterruptedException {
    Path spec = dir.resolve("small.yaml");
    Files.writeString(
        spec,
        "name: small\nsimulation: bench\nparameters:\n  x: [1, 2]\nreplicates: 3\nseed: 1\n",
        StandardCharsets.UTF_8);
    Path out = dir.resolve("small");
    assertEquals(0, launch(List.of("run", spec.toString(), "--out", out.toString(), "--quiet")).rc);
    assertEquals(1, tieredStop(List.of("resume", out.toString(), "--quiet")));
    assertEquals(4, tieredStop(List.of("resume", out.toString(), "--retry-failed", "--quiet")));
    Files.delete(out.resolve("summary.json")); // as after a kill: the resume finishes the tables
    assertEquals(4, tieredStop(List.of("resume", out.toString(), "--quiet")));
  }

  /**
   * The engine's commands get the compile commands of src/main/resources/jvm (the analysis commands
   * run C1 only and do not); and the jar enables native access, so that Java 22+ does not warn when
   * JNA loads its library for a command sweep.
   */
  @org.junit.jupiter.api.Test
  void theEngineGetsItsCompileCommandsAndTheJarNativeAccess() throws Exception {
    Path spec = dir.resolve("small.yaml");
    Files.writeString(
        spec,
        "name: small\nsimulation: bench\nparameters:\n  x: [1, 2]\nreplicates: 3\nseed: 1\n",
        StandardCharsets.UTF_8);
    Launched run = launch(List.of("run", spec.toString(), "--out", dir.resolve("s").toString()));
    assertEquals(0, run.rc, run.out);
    assertTrue(
        run.out.matches(
            "(?s).*\\bCompileCommandFile\\s+=\\s+\\S*/src/main/resources/jvm/"
                + "compile-commands\\.txt\\b.*"),
        run.out);
    Path csv = dir.resolve("results.csv");
    Files.writeString(
        csv,
        "variation_id,strategy,status,score\nv1,a,ok,1.0\nv1,a,ok,2.0\nv2,b,ok,3.0\nv2,b,ok,3.5\n",
        StandardCharsets.UTF_8);
    Launched analyze =
        launch(List.of("analyze", csv.toString(), "--out", dir.resolve("a").toString()));
    assertEquals(0, analyze.rc, analyze.out);
    assertTrue(!analyze.out.contains("compile-commands.txt"), analyze.out);

    Path jar;
    try (var files = Files.list(Path.of("target"))) {
      jar =
          files
              .filter(f -> f.getFileName().toString().matches("sweeplab-.*\\.jar"))
              .filter(f -> !f.getFileName().toString().matches(".*-(sources|tests)\\.jar"))
              .findFirst()
              .orElseThrow();
    }
    try (var j = new java.util.jar.JarFile(jar.toFile())) {
      assertEquals(
          "ALL-UNNAMED", j.getManifest().getMainAttributes().getValue("Enable-Native-Access"));
    }
  }

  private record Launched(int rc, String out) {}

  private Launched launch(List<String> args) throws IOException, InterruptedException {
    Path log = dir.resolve("launch.txt");
    List<String> command = new java.util.ArrayList<>(List.of("./sweeplab"));
    command.addAll(args);
    ProcessBuilder pb =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().put("SWEEPLAB_JAVA_OPTS", "-XX:+PrintFlagsFinal");
    pb.environment().put("SWEEPLAB_CDS", "0");
    Process p = pb.start();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the launcher did not end");
    return new Launched(p.exitValue(), Files.readString(log));
  }

  /** The JVM's TieredStopAtLevel for these arguments (1: C1 only, 4: C2 too). */
  private int tieredStop(List<String> args) throws IOException, InterruptedException {
    Launched l = launch(args);
    assertEquals(0, l.rc, args + ": " + l.out);
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("\\bTieredStopAtLevel\\s+=\\s+(\\d+)").matcher(l.out);
    assertTrue(m.find(), l.out);
    return Integer.parseInt(m.group(1));
  }
}
