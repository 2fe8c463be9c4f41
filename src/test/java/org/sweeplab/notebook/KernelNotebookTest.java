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
 * Starts the sweeplab kernel headless through Jupyter (/usr/bin/python3 + jupyter_client) and
 * executes one cell whose value is a Tablesaw table: the output must be text/html. Skipped, with a
 * message, without Jupyter.
 */
@Tag("notebook")
class KernelNotebookTest {

  private static final Path PYTHON = Path.of("/usr/bin/python3");

  @Test
  void tableCellRendersAsHtmlInTheKernel() throws IOException, InterruptedException {
    boolean present =
        Files.isExecutable(PYTHON) && run(PYTHON.toString(), "-c", "import jupyter_client") == 0;
    String absent =
        "Jupyter is absent: apt-get install jupyter-client python3-nbclient to run this test";
    // CI installs Jupyter (.ci/run) and must run this test: there a missing Jupyter is a failure.
    org.junit.jupiter.api.Assertions.assertFalse(
        !present && "true".equals(System.getenv("CI")), absent);
    Assumptions.assumeTrue(present, absent);
    Path jupyter = Path.of("target", "notebook-test-jupyter").toAbsolutePath();
    KernelInstaller.withDefaults()
        .withClasspath(KernelInstallerTest.testClasspath())
        .withKernelsDir(jupyter.resolve("kernels"))
        .install();
    Path log = jupyter.resolve("run.log");
    Process p =
        new ProcessBuilder(
                PYTHON.toString(),
                "bench/kernel_starts.py",
                "--starts",
                "1",
                "--jupyter-path",
                jupyter.toString(),
                "--expect",
                "text/html")
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    assertTrue(p.waitFor(180, TimeUnit.SECONDS), "the kernel run did not end in 180 s");
    String out = Files.readString(log, StandardCharsets.UTF_8);
    assertEquals(0, p.exitValue(), out);
    assertTrue(out.contains("1 passed, 0 failed"), out);
  }

  private static int run(String... command) throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    return p.waitFor(30, TimeUnit.SECONDS) ? p.exitValue() : -1;
  }
}
