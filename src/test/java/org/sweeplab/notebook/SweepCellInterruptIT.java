package org.sweeplab.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Interrupts a notebook cell that runs a long sweep, through jupyter_client, on a kernel made from
 * the packaged build: {@code src/test/python/interrupt_sweep_cell.py} checks that the cell ends
 * within the interrupt grace with "sweep interrupted: N of M runs done; resume with …", its
 * execute_reply and its idle status, that the journal stops growing, and that a next cell resumes
 * the folder. About 30 s. An integration test (after {@code package}); skipped without
 * jupyter_client, except under CI=true, where that is a failure.
 */
@Tag("notebook")
class SweepCellInterruptIT {

  private static final Path PYTHON = Path.of("/usr/bin/python3");
  private static final Path WORK = Path.of("target", "interrupt-it").toAbsolutePath();

  @Test
  void anInterruptedSweepCellEndsWithItsMessageAndReplyAndTheFolderResumes()
      throws IOException, InterruptedException {
    boolean present =
        Files.isExecutable(PYTHON)
            && exitCode(PYTHON.toString(), "-c", "import jupyter_client") == 0;
    String absent = "jupyter_client is absent: apt-get install jupyter-client to run this test";
    org.junit.jupiter.api.Assertions.assertFalse(
        !present && "true".equals(System.getenv("CI")), absent);
    Assumptions.assumeTrue(present, absent);
    Files.createDirectories(WORK);
    KernelInstaller.withDefaults()
        .withDistribution(Path.of("target"))
        .withKernelsDir(WORK.resolve("jupyter").resolve("kernels"))
        .install();
    Path log = WORK.resolve("run.log");
    ProcessBuilder pb =
        new ProcessBuilder(
                PYTHON.toString(),
                "src/test/python/interrupt_sweep_cell.py",
                "--out",
                WORK.resolve("sweep").toString(),
                "--kernel",
                KernelInstaller.DEFAULT_NAME)
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    pb.environment().put("JUPYTER_PATH", WORK.resolve("jupyter").toString());
    Process p = pb.start();
    boolean ended = p.waitFor(240, TimeUnit.SECONDS);
    if (!ended) {
      p.destroyForcibly();
    }
    String out = Files.readString(log, StandardCharsets.UTF_8);
    System.out.print(out);
    assertTrue(ended, "the interrupt check did not end in 240 s:\n" + out);
    assertEquals(0, p.exitValue(), out);
    assertTrue(out.contains("PASSED"), out);
  }

  private static int exitCode(String... command) throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    return p.waitFor(30, TimeUnit.SECONDS) ? p.exitValue() : -1;
  }
}
