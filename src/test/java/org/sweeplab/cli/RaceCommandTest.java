package org.sweeplab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code run} and {@code resume} of a spec with {@code execution.racing}: the race line, exit
 * codes, a bad key.
 */
class RaceCommandTest {
  @TempDir Path tmp;

  static final String ARMS =
      "name: arms\nsimulation: arms\nparameters:\n  arm: {type: range, start: 1, stop: 6,"
          + " step: 1}\n  gap: [3.0]\nreplicates: 12\nseed: 5\nexecution: {max_parallel: 2}\n";

  String[] run(String... args) {
    CommandLine cl = Main.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int code = cl.execute(args);
    return new String[] {Integer.toString(code), out.toString(), err.toString()};
  }

  @Test
  void runRacesAndSaysHowTheRaceEnded() throws Exception {
    Path spec = tmp.resolve("arms.yaml");
    Files.writeString(spec, ARMS);
    Path dir = tmp.resolve("out");
    String[] r =
        run(
            "run",
            spec.toString(),
            "--out",
            dir.toString(),
            "--quiet",
            "--set",
            "execution.racing.metric=score");
    assertEquals("0", r[0], r[1] + r[2]);
    // arm 1 is 3 sd ahead: it is alone after a few rounds, and the race says so
    assertTrue(r[1].contains("1 of 6 variations left (ended: one left), best var-0001"), r[1]);
    String[] again = run("resume", dir.toString(), "--quiet");
    assertEquals("0", again[0], again[1] + again[2]);
    assertTrue(again[1].contains("0 runs in"), again[1]);
  }

  @Test
  void aBadRacingKeyIsOneLineNamingIt() throws Exception {
    Path spec = tmp.resolve("arms.yaml");
    Files.writeString(spec, ARMS);
    String[] r =
        run(
            "run",
            spec.toString(),
            "--out",
            tmp.resolve("x").toString(),
            "--quiet",
            "--set",
            "execution.racing={metric: score, alpha: 2}");
    assertEquals("2", r[0]);
    assertTrue(r[2].contains("execution.racing.alpha"), r[2]);
    assertEquals(1, r[2].strip().lines().count(), r[2]);
  }
}
