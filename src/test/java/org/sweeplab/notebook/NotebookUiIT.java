package org.sweeplab.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.sweeplab.browser.HeadlessChromium;

/**
 * The notebook UI as a person uses it: Debian's classic Notebook server ({@code jupyter-notebook})
 * on 127.0.0.1 with a token, 01-quickstart.ipynb opened in headless Chromium, Cell › Run All
 * clicked in the menu, and then in the page: an HTML table, the live progress bar in its final
 * state (every run done, a full bar) and a figure that draws. The notebook is a copy without
 * outputs under {@code target/notebook-ui/}, so whatever is found came from this run. Screenshots
 * and the server log go there too.
 *
 * <p>Runs after {@code package} with the other integration tests, on the kernelspec made from the
 * packaged jars. Skipped with the reason without the Notebook server or Chromium; under {@code
 * CI=true} either missing fails.
 */
@Tag("notebook")
class NotebookUiIT {

  private static final Path WORK = Path.of("target", "notebook-ui").toAbsolutePath();
  private static final String NOTEBOOK = "01-quickstart.ipynb";
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void runAllInTheClassicNotebookShowsTheTableTheFinishedProgressBarAndAFigure() throws Exception {
    String python =
        Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
    boolean server =
        new ProcessBuilder(python, "-c", "import notebook.notebookapp")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start()
                .waitFor()
            == 0;
    String absent =
        "The classic Notebook server is absent ("
            + python
            + " cannot import notebook.notebookapp):"
            + " apt-get install jupyter-notebook";
    Assertions.assertFalse(!server && "true".equals(System.getenv("CI")), absent);
    Assumptions.assumeTrue(server, absent);

    Path notebooks = WORK.resolve("notebooks");
    Files.createDirectories(notebooks);
    KernelInstaller.withDefaults()
        .withDistribution(Path.of("target"))
        .withKernelsDir(WORK.resolve("jupyter").resolve("kernels"))
        .install();
    withoutOutputs(Path.of("notebooks", NOTEBOOK), notebooks.resolve(NOTEBOOK));

    int port;
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    byte[] secret = new byte[16];
    new SecureRandom().nextBytes(secret);
    String token = HexFormat.of().formatHex(secret);
    ProcessBuilder pb =
        new ProcessBuilder(
                python,
                "-m",
                "notebook",
                "--no-browser",
                "--ip=127.0.0.1",
                "--port=" + port,
                "--port-retries=0",
                "--NotebookApp.token=" + token,
                "--notebook-dir=" + notebooks,
                "--allow-root")
            .redirectErrorStream(true)
            .redirectOutput(WORK.resolve("server.log").toFile());
    pb.environment().put("JUPYTER_PATH", WORK.resolve("jupyter").toString());
    pb.environment().put("JUPYTER_CONFIG_DIR", WORK.resolve("config").toString());
    pb.environment().put("JUPYTER_RUNTIME_DIR", WORK.resolve("runtime").toString());
    long start = System.nanoTime();
    Process notebookServer = pb.start();
    try (HeadlessChromium browser = HeadlessChromium.startOrSkip(1280, 1000)) {
      URI page =
          URI.create("http://127.0.0.1:" + port + "/notebooks/" + NOTEBOOK + "?token=" + token);
      waitForServer(page, notebookServer);
      browser.open(page);
      browser.waitFor(
          Duration.ofSeconds(90),
          () ->
              browser
                  .eval(
                      "!!(window.Jupyter && Jupyter.notebook"
                          + " && Jupyter.notebook.kernel && Jupyter.notebook.kernel.is_connected())")
                  .asBoolean());
      openMenuAndRunAll(browser);
      browser.waitFor(
          Duration.ofSeconds(240),
          () ->
              browser
                  .eval(
                      "(() => {"
                          + " const code = Jupyter.notebook.get_cells().filter(c => c.cell_type === 'code');"
                          + " return code.every(c => typeof c.input_prompt_number === 'number')"
                          + " && !Jupyter.notebook.kernel_busy"
                          + " && document.querySelector('#kernel_indicator_icon').classList.contains('kernel_idle_icon');"
                          + " })()")
                  .asBoolean());
      double seconds = (System.nanoTime() - start) / 1e9;
      HeadlessChromium.save(browser.screenshot(), WORK.resolve("top.png"));

      assertEquals(0, browser.rects(".output_error").size(), "no cell failed");
      List<HeadlessChromium.Rect> tables = browser.rects(".output_html table");
      assertTrue(!tables.isEmpty(), "an HTML table of runs");
      JsonNode progress =
          browser.eval(
              "Array.from(document.querySelectorAll('.sweeplab-progress'))"
                  + ".map(p => [p.textContent, p.querySelector(':scope > div > div').style.width])");
      assertTrue(progress.size() >= 1, "a progress bar");
      String text = progress.get(0).get(0).asText();
      assertTrue(
          text.matches("(?s)quickstart\\s*80/80.*ok \\d+ . failed \\d+.*"), "final state: " + text);
      assertEquals("100%", progress.get(0).get(1).asText(), "a full bar");
      HeadlessChromium.save(
          browser.screenshot(".sweeplab-progress", 0), WORK.resolve("progress.png"));

      String figureSelector = ".output_area svg:not(svg svg), .output_png img";
      List<HeadlessChromium.Rect> figures = browser.rects(figureSelector);
      assertTrue(!figures.isEmpty(), "a figure");
      BufferedImage figure = browser.screenshot(figureSelector, 0);
      HeadlessChromium.save(figure, WORK.resolve("figure.png"));
      assertTrue(HeadlessChromium.inkShare(figure) > 0.01, "the figure draws");
      String seen =
          String.format(
              Locale.ROOT,
              "%s through the Notebook UI in %.0f s: %d HTML tables,"
                  + " progress '%s' at %s, %d figures (the first %.0fx%.0f px)%n",
              NOTEBOOK,
              seconds,
              tables.size(),
              text.replaceAll("\\s+", " ").trim(),
              progress.get(0).get(1).asText(),
              figures.size(),
              figures.get(0).width(),
              figures.get(0).height());
      System.out.print("NotebookUiIT: " + seen);
      Files.writeString(WORK.resolve("seen.txt"), seen, StandardCharsets.UTF_8);
    } finally {
      notebookServer.destroy();
      if (!notebookServer.waitFor(20, TimeUnit.SECONDS)) {
        notebookServer.destroyForcibly();
      }
    }
  }

  /** Opens the Cell menu and clicks Run All, as a person does. */
  private static void openMenuAndRunAll(HeadlessChromium browser) throws IOException {
    boolean found =
        browser
            .eval(
                "(() => { const a = Array.from(document.querySelectorAll("
                    + "'#menus li.dropdown > a.dropdown-toggle')).find(a => a.textContent.trim() === 'Cell');"
                    + " if (a) a.setAttribute('data-sweeplab-test', 'cell-menu'); return !!a; })()")
            .asBoolean();
    assertTrue(found, "the Cell menu");
    browser.click("a[data-sweeplab-test='cell-menu']");
    try {
      browser.waitFor(
          Duration.ofSeconds(10),
          () -> browser.rects("#run_all_cells > a").stream().anyMatch(r -> r.height() > 0));
    } catch (AssertionError e) {
      HeadlessChromium.save(browser.screenshot(), WORK.resolve("menu.png"));
      throw new AssertionError("The Cell menu did not open; see " + WORK.resolve("menu.png"), e);
    }
    browser.click("#run_all_cells > a");
  }

  private static void waitForServer(URI page, Process server) throws Exception {
    java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
    long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (true) {
      assertTrue(server.isAlive(), "the Notebook server ended; see " + WORK.resolve("server.log"));
      try {
        int status =
            http.send(
                    java.net.http.HttpRequest.newBuilder(page)
                        .timeout(Duration.ofSeconds(5))
                        .build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding())
                .statusCode();
        if (status == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      assertTrue(
          System.nanoTime() < end,
          "the Notebook server did not answer in 60 s; see " + WORK.resolve("server.log"));
      Thread.sleep(250);
    }
  }

  /** A copy of a notebook with every output and execution count removed. */
  private static void withoutOutputs(Path from, Path to) throws IOException {
    JsonNode nb = JSON.readTree(from.toFile());
    for (JsonNode cell : nb.path("cells")) {
      if ("code".equals(cell.path("cell_type").asText())) {
        ((ObjectNode) cell).putArray("outputs");
        ((ObjectNode) cell).putNull("execution_count");
      }
    }
    JSON.writerWithDefaultPrettyPrinter().writeValue(to.toFile(), nb);
  }
}
