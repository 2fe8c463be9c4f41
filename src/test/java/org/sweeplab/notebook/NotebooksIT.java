package org.sweeplab.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sweeplab.browser.HeadlessChromium;

/**
 * Executes every notebook of {@code notebooks/} end to end, headless, with {@code python3 -m
 * nbconvert --execute} and a kernelspec that runs the freshly packaged jars ({@code
 * target/sweeplab-*.jar}, {@code lib/}, {@code kernel/}), written under {@code target/notebook-it/}
 * and found through {@code JUPYTER_PATH}. Each executed notebook must have no error output, every
 * code cell executed, and both an HTML table and an SVG or PNG figure among its outputs. It is then
 * exported with {@code nbconvert --to html} and opened in headless Chromium, where every figure
 * must show (screenshots under {@code target/notebook-it/html/}).
 *
 * <p>An integration test: Maven's failsafe plugin runs it after {@code package} ({@code ./mvnw
 * verify}). Skipped, with the reason, when Jupyter (nbconvert, nbclient, jupyter_client) is absent.
 * Times go to {@code target/notebook-it/timings.txt}.
 */
@Tag("notebook")
class NotebooksIT {

  private static final Path NOTEBOOKS = Path.of("notebooks");
  private static final Path WORK = Path.of("target", "notebook-it").toAbsolutePath();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String FIGURES =
      "svg:not(svg svg):not(button svg):not(a svg), .jp-OutputArea-output img,"
          + " .output_png img";
  private static String python;
  private static HeadlessChromium browser;

  @BeforeAll
  static void installTheKernelFromTheBuild() throws IOException, InterruptedException {
    python = Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
    boolean jupyter = exitCode(python, "-c", "import nbconvert, nbclient, jupyter_client") == 0;
    if (!jupyter) {
      System.err.println(
          "NotebooksIT: SKIPPED, Jupyter is absent. On Debian: apt-get install"
              + " jupyter-nbconvert jupyter-client python3-nbclient; elsewhere: pip install nbconvert nbclient");
    }
    String absent =
        "Jupyter is absent ("
            + python
            + " cannot import nbconvert, nbclient and jupyter_client):"
            + " apt-get install jupyter-nbconvert jupyter-client python3-nbclient";
    // CI installs Jupyter (.ci/run) and must run these tests: there a missing Jupyter is a failure.
    org.junit.jupiter.api.Assertions.assertFalse(
        !jupyter && "true".equals(System.getenv("CI")), absent);
    Assumptions.assumeTrue(jupyter, absent);
    Files.createDirectories(WORK);
    KernelInstaller.withDefaults()
        .withDistribution(Path.of("target"))
        .withKernelsDir(WORK.resolve("jupyter").resolve("kernels"))
        .install();
    Files.deleteIfExists(WORK.resolve("timings.txt"));
  }

  static Stream<String> notebooks() throws IOException {
    try (Stream<Path> files = Files.list(NOTEBOOKS)) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".ipynb"))
          .sorted()
          .toList()
          .stream();
    }
  }

  @Test
  void thereAreAtLeastFourNotebooksOnTheSweeplabKernel() throws IOException {
    List<String> names = notebooks().toList();
    assertTrue(names.size() >= 4, "notebooks: " + names);
    for (String n : names) {
      JsonNode kernel =
          JSON.readTree(NOTEBOOKS.resolve(n).toFile()).path("metadata").path("kernelspec");
      assertEquals(KernelInstaller.DEFAULT_NAME, kernel.path("name").asText(), n);
    }
  }

  @ParameterizedTest
  @MethodSource("notebooks")
  void executesWithoutErrorsAndShowsTablesAndFigures(String name)
      throws IOException, InterruptedException {
    Path executed = WORK.resolve("executed");
    Path log = WORK.resolve(name + ".log");
    ProcessBuilder pb =
        new ProcessBuilder(
                python,
                "-m",
                "nbconvert",
                "--to",
                "notebook",
                "--execute",
                "--output-dir",
                executed.toString(),
                "--ExecutePreprocessor.kernel_name=" + KernelInstaller.DEFAULT_NAME,
                "--ExecutePreprocessor.timeout=180",
                NOTEBOOKS.resolve(name).toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    pb.environment().put("JUPYTER_PATH", WORK.resolve("jupyter").toString());
    long start = System.nanoTime();
    Process p = pb.start();
    boolean ended = p.waitFor(300, TimeUnit.SECONDS);
    double seconds = (System.nanoTime() - start) / 1e9;
    if (!ended) {
      p.destroyForcibly();
    }
    String timing = String.format(Locale.ROOT, "%-40s %6.1f s%n", name, seconds);
    System.out.print("NotebooksIT: " + timing);
    Files.writeString(
        WORK.resolve("timings.txt"),
        timing,
        StandardCharsets.UTF_8,
        StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
    String output = Files.readString(log, StandardCharsets.UTF_8);
    assertTrue(ended, name + " did not finish in 300 s:\n" + tail(output));
    assertEquals(0, p.exitValue(), name + " failed:\n" + tail(output));

    JsonNode nb = JSON.readTree(executed.resolve(name).toFile());
    int html = 0;
    int figures = 0;
    List<String> problems = new ArrayList<>();
    int index = 0;
    for (JsonNode cell : nb.path("cells")) {
      index++;
      if (!"code".equals(cell.path("cell_type").asText())) {
        continue;
      }
      if (cell.path("execution_count").isNull()) {
        problems.add("cell " + index + " did not run");
      }
      for (JsonNode out : cell.path("outputs")) {
        String type = out.path("output_type").asText();
        if ("error".equals(type)) {
          problems.add(
              "cell "
                  + index
                  + ": "
                  + out.path("ename").asText()
                  + " "
                  + out.path("evalue").asText());
        }
        if ("stream".equals(type) && "stderr".equals(out.path("name").asText())) {
          problems.add("cell " + index + " wrote to stderr: " + out.path("text"));
        }
        JsonNode data = out.path("data");
        html +=
            data.has("text/html") && data.path("text/html").toString().contains("<table") ? 1 : 0;
        figures += data.has("image/svg+xml") || data.has("image/png") ? 1 : 0;
      }
    }
    assertEquals(List.of(), problems, name);
    assertTrue(html > 0, name + " shows no HTML table");
    assertTrue(figures > 0, name + " shows no SVG or PNG figure");
    everyFigureShowsInTheHtmlExport(executed.resolve(name), figures);
  }

  /**
   * Converts an executed notebook to HTML as a user would ({@code nbconvert --to html}), opens it
   * in headless Chromium and screenshots each figure: each must hold ink, not only the page's
   * background (an SVG that nbconvert emptied is a blank rectangle of the right size).
   */
  private static void everyFigureShowsInTheHtmlExport(Path notebook, int figures)
      throws IOException, InterruptedException {
    String name = notebook.getFileName().toString();
    Path dir = WORK.resolve("html");
    Path log = WORK.resolve(name + ".html.log");
    Process p =
        new ProcessBuilder(
                python,
                "-m",
                "nbconvert",
                "--to",
                "html",
                "--output-dir",
                dir.toString(),
                notebook.toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    assertTrue(
        p.waitFor(120, TimeUnit.SECONDS), name + ": nbconvert --to html did not finish in 120 s");
    assertEquals(
        0,
        p.exitValue(),
        name
            + ": nbconvert --to html failed:\n"
            + tail(Files.readString(log, StandardCharsets.UTF_8)));
    Path html = dir.resolve(name.replaceAll("\\.ipynb$", ".html"));
    if (browser == null) {
      browser = HeadlessChromium.startOrSkip(1280, 900);
    }
    browser.open(html.toUri());
    // Figures are the outermost svg elements and the images of output areas (a PNG-only figure).
    List<HeadlessChromium.Rect> rects = browser.rects(FIGURES);
    assertEquals(figures, rects.size(), name + ": figures in the exported page");
    int i = 0;
    for (HeadlessChromium.Rect r : rects) {
      i++;
      assertTrue(r.width() > 50 && r.height() > 50, name + ": figure " + i + " is " + r);
      BufferedImage shot = browser.screenshot(FIGURES, i - 1);
      HeadlessChromium.save(shot, dir.resolve(name + "-figure-" + i + ".png"));
      double ink = HeadlessChromium.inkShare(shot);
      assertTrue(
          ink > 0.01,
          String.format(
              Locale.ROOT,
              "%s: figure %d of the HTML export is blank (%.4f of"
                  + " its pixels differ from the background); screenshot in %s",
              name,
              i,
              ink,
              dir));
    }
  }

  @AfterAll
  static void closeTheBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  private static String tail(String s) {
    return s.length() <= 4000 ? s : s.substring(s.length() - 4000);
  }

  private static int exitCode(String... command) throws IOException, InterruptedException {
    try {
      Process p =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      return p.waitFor(60, TimeUnit.SECONDS) ? p.exitValue() : -1;
    } catch (IOException e) {
      return -1;
    }
  }
}
