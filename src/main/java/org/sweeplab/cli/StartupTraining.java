package org.sweeplab.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The training run of the {@code sweeplab} launcher's class-data-sharing archive for the engine's
 * commands: in one JVM, the commands whose start-up matters most, so that their classes are
 * archived: {@code plan} of a spec, {@code run} of a small in-process sweep into a scratch folder,
 * and {@code resume} of that folder (complete), then of the same folder with its tables removed
 * (the resume that reads the journal), and {@code run} of a small command sweep (the program {@code
 * /bin/echo}, skipped where there is none): its start-up binds the C library through JNA and writes
 * run records, some 700 classes that an in-process sweep never loads. The launcher discards the
 * output. Not a user command.
 *
 * <p>Usage: {@code java -XX:ArchiveClassesAtExit=A.jsa -cp sweeplab.jar
 * org.sweeplab.cli.StartupTraining SPEC SCRATCH_DIR}
 */
public final class StartupTraining {
  private StartupTraining() {}

  /** The in-process sweep of the training run: the trivial 'bench' simulation, 400 runs. */
  static final String SPEC =
      String.join(
          "\n",
          "name: training",
          "simulation: bench",
          "parameters:",
          "  x: {type: range, start: 1, stop: 100}",
          "  kind: [a, b]",
          "replicates: 2",
          "seed: 1",
          "");

  /** The command sweep of the training run: {@link #ECHO} prints each run's metrics, 40 runs. */
  static final String COMMAND_SPEC =
      String.join(
          "\n",
          "name: training-command",
          "simulation:",
          "  command: [/bin/echo, '{\"score\": {x}, \"cost\": 0.5}']",
          "parameters:",
          "  x: {type: range, start: 1, stop: 40}",
          "execution: {max_parallel: 2}",
          "seed: 1",
          "");

  /** The program of {@link #COMMAND_SPEC}; coreutils, so on every Debian. */
  static final Path ECHO = Path.of("/bin/echo");

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: StartupTraining SPEC SCRATCH_DIR");
      System.exit(2);
    }
    System.exit(train(Path.of(args[0]), Path.of(args[1])));
  }

  /** Runs the training commands; 0 when each of them exited 0. */
  static int train(Path planSpec, Path scratch) throws IOException {
    Files.createDirectories(scratch);
    Path spec = scratch.resolve("training.yaml");
    Files.writeString(spec, SPEC, StandardCharsets.UTF_8);
    Path out = scratch.resolve("out");
    int rc = Main.run("plan", planSpec.toString());
    rc |= Main.run("run", spec.toString(), "--out", out.toString(), "--quiet");
    rc |= Main.run("resume", out.toString(), "--quiet");
    Files.deleteIfExists(out.resolve("summary.json"));
    rc |= Main.run("resume", out.toString(), "--quiet");
    if (Files.isExecutable(ECHO)) {
      Path commands = scratch.resolve("commands.yaml");
      Files.writeString(commands, COMMAND_SPEC, StandardCharsets.UTF_8);
      rc |=
          Main.run(
              "run",
              commands.toString(),
              "--out",
              scratch.resolve("commands").toString(),
              "--quiet");
    }
    return rc;
  }
}
