package org.sweeplab.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's headless Chromium driven through the DevTools protocol over the JDK's own WebSocket
 * client (no driver, no library): open a page, evaluate JavaScript, take screenshots. For the
 * browser checks of notebooks and reports.
 *
 * <p>Nothing leaves the machine: every host name resolves to nothing ({@code
 * --host-resolver-rules}), so a page's reference to a CDN fails at once instead of reaching out;
 * local files and 127.0.0.1 work. Each instance has its own throw-away profile folder.
 *
 * <pre>{@code
 * try (HeadlessChromium browser = HeadlessChromium.startOrSkip(1200, 900)) {
 *   browser.open(file.toUri());
 *   BufferedImage shot = browser.screenshot(browser.rect("svg"));
 * }
 * }</pre>
 */
public final class HeadlessChromium implements AutoCloseable {

  /** A rectangle of the page in CSS pixels, document coordinates. */
  public record Rect(double x, double y, double width, double height) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);

  private final Process process;
  private final Path profile;
  private final WebSocket socket;
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  private final List<JsonNode> events = new CopyOnWriteArrayList<>();

  private HeadlessChromium(Process process, Path profile, WebSocket socket) {
    this.process = process;
    this.profile = profile;
    this.socket = socket;
  }

  /**
   * The Chromium binary on this machine: /usr/bin/chromium or the first of its usual names on the
   * PATH.
   */
  public static Path find() {
    List<String> names = List.of("chromium", "chromium-browser", "google-chrome");
    for (String dir :
        System.getenv().getOrDefault("PATH", "/usr/bin").split(java.io.File.pathSeparator)) {
      for (String n : names) {
        Path p = Path.of(dir, n);
        if (Files.isExecutable(p)) {
          return p;
        }
      }
    }
    return null;
  }

  /**
   * Starts Chromium with a viewport of this size, or skips the calling test (with the reason) when
   * there is none; under {@code CI=true} a missing Chromium fails the test instead, since CI
   * installs it ({@code .ci/run}).
   */
  public static HeadlessChromium startOrSkip(int width, int height) throws IOException {
    Path binary = find();
    String absent = "Chromium is absent (no chromium on the PATH): apt-get install chromium";
    Assertions.assertFalse(binary == null && "true".equals(System.getenv("CI")), absent);
    Assumptions.assumeTrue(binary != null, absent);
    return start(binary, width, height);
  }

  /** Starts this Chromium binary headless with a viewport of this size. */
  public static HeadlessChromium start(Path binary, int width, int height) throws IOException {
    Path profile = Files.createTempDirectory("sweeplab-chromium-");
    List<String> command =
        new ArrayList<>(
            List.of(
                binary.toString(),
                "--headless=new",
                "--disable-gpu",
                "--no-sandbox",
                "--no-first-run",
                "--no-default-browser-check",
                "--disable-extensions",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-pings",
                "--disable-default-apps",
                "--disable-dev-shm-usage",
                "--hide-scrollbars",
                "--mute-audio",
                "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1",
                "--remote-debugging-address=127.0.0.1",
                "--remote-debugging-port=0",
                "--user-data-dir=" + profile,
                "--window-size=" + width + "," + height,
                "about:blank"));
    Process p = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    try {
      String browserUrl = devToolsUrl(p);
      URI browser = URI.create(browserUrl);
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
      String list =
          http.send(
                  HttpRequest.newBuilder(
                          URI.create("http://" + browser.getAuthority() + "/json/list"))
                      .timeout(Duration.ofSeconds(20))
                      .build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      String pageUrl = null;
      for (JsonNode t : JSON.readTree(list)) {
        if ("page".equals(t.path("type").asText())) {
          pageUrl = t.path("webSocketDebuggerUrl").asText();
          break;
        }
      }
      if (pageUrl == null) {
        throw new IOException("Chromium shows no page target: " + list);
      }
      Listener listener = new Listener();
      WebSocket ws =
          http.newWebSocketBuilder()
              .buildAsync(URI.create(pageUrl), listener)
              .get(20, TimeUnit.SECONDS);
      HeadlessChromium c = new HeadlessChromium(p, profile, ws);
      listener.owner = c;
      c.call("Page.enable", null);
      c.call("Runtime.enable", null);
      c.call("Network.enable", null);
      ObjectNode metrics =
          JSON.createObjectNode()
              .put("width", width)
              .put("height", height)
              .put("deviceScaleFactor", 1)
              .put("mobile", false);
      c.call("Emulation.setDeviceMetricsOverride", metrics);
      return c;
    } catch (IOException | RuntimeException e) {
      p.destroyForcibly();
      throw e;
    } catch (Exception e) {
      p.destroyForcibly();
      throw new IOException("Cannot connect to Chromium: " + e, e);
    }
  }

  /**
   * Reads Chromium's stderr up to its "DevTools listening on ws://..." line; drains the rest in the
   * background.
   */
  private static String devToolsUrl(Process p) throws IOException {
    BufferedReader err =
        new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8));
    CompletableFuture<String> url = new CompletableFuture<>();
    StringBuilder seen = new StringBuilder();
    Thread t =
        new Thread(
            () -> {
              try {
                for (String line; (line = err.readLine()) != null; ) {
                  int at = line.indexOf("ws://");
                  if (line.startsWith("DevTools listening on") && at >= 0) {
                    url.complete(line.substring(at).trim());
                  } else if (!url.isDone() && seen.length() < 4000) {
                    seen.append(line).append('\n');
                  }
                }
              } catch (IOException e) {
                // the browser closed its stderr: it ended
              }
              url.completeExceptionally(
                  new IOException("Chromium ended before it listened:\n" + seen));
            },
            "chromium-stderr");
    t.setDaemon(true);
    t.start();
    try {
      return url.get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IOException(
          "Chromium did not start: " + (e.getCause() != null ? e.getCause().getMessage() : e), e);
    }
  }

  /** Sends one DevTools command and waits for its result. */
  public synchronized JsonNode call(String method, ObjectNode params) {
    int id = ids.incrementAndGet();
    ObjectNode msg = JSON.createObjectNode().put("id", id).put("method", method);
    if (params != null) {
      msg.set("params", params);
    }
    CompletableFuture<JsonNode> reply = new CompletableFuture<>();
    pending.put(id, reply);
    try {
      socket
          .sendText(JSON.writeValueAsString(msg), true)
          .get(CALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      JsonNode r = reply.get(CALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      if (r.has("error")) {
        throw new IllegalStateException(method + ": " + r.get("error"));
      }
      return r.path("result");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(method + " interrupted", e);
    } catch (Exception e) {
      throw e instanceof IllegalStateException ise
          ? ise
          : new IllegalStateException(method + ": " + e, e);
    } finally {
      pending.remove(id);
    }
  }

  /** Opens a URL and waits until its document has loaded. */
  public void open(URI url) {
    call("Page.navigate", JSON.createObjectNode().put("url", url.toString()));
    String target = url.toString().replaceAll("[?#].*", "");
    try {
      waitFor(
          Duration.ofSeconds(60),
          () ->
              "complete".equals(eval("document.readyState").asText())
                  && target.equals(eval("location.href").asText().replaceAll("[?#].*", "")));
    } catch (AssertionError e) {
      throw new AssertionError(
          "Chromium did not load "
              + target
              + ": at "
              + eval("location.href").asText()
              + ", "
              + eval("document.readyState").asText()
              + "; requests: "
              + requestedUrls().stream()
                  .map(u -> u.length() > 100 ? u.substring(0, 100) + "..." : u)
                  .toList(),
          e);
    }
  }

  /** Evaluates a JavaScript expression (awaiting a promise) and returns its value as JSON. */
  public JsonNode eval(String expression) {
    JsonNode r =
        call(
            "Runtime.evaluate",
            JSON.createObjectNode()
                .put("expression", expression)
                .put("returnByValue", true)
                .put("awaitPromise", true));
    if (r.has("exceptionDetails")) {
      throw new IllegalStateException(
          "JavaScript failed: " + r.get("exceptionDetails") + "\n in " + expression);
    }
    return r.path("result").path("value");
  }

  /** Waits until the condition holds, polling every 200 ms. */
  public void waitFor(Duration limit, BooleanSupplier condition) {
    long end = System.nanoTime() + limit.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("Timed out after " + limit.toSeconds() + " s waiting in Chromium");
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  /**
   * Clicks the first element a CSS selector matches as a person would: scrolled into view, a mouse
   * press and release at its centre.
   *
   * @throws AssertionError if nothing matches
   */
  public void click(String selector) {
    JsonNode c =
        eval(
            "(() => { const e = document.querySelector("
                + JSON.valueToTree(selector)
                + ");"
                + " if (!e) return null; e.scrollIntoView({block: 'center'}); const r = e.getBoundingClientRect();"
                + " return [r.left + r.width / 2, r.top + r.height / 2]; })()");
    if (c == null || c.isNull() || c.isMissingNode()) {
      throw new AssertionError("Nothing to click: " + selector);
    }
    for (String type : List.of("mouseMoved", "mousePressed", "mouseReleased")) {
      ObjectNode e =
          JSON.createObjectNode()
              .put("type", type)
              .put("x", c.get(0).asDouble())
              .put("y", c.get(1).asDouble())
              .put("button", "left")
              .put("clickCount", 1);
      call("Input.dispatchMouseEvent", e);
    }
  }

  /** The document rectangles of the elements a CSS selector matches, in document order. */
  public List<Rect> rects(String selector) {
    JsonNode a =
        eval(
            "Array.from(document.querySelectorAll("
                + JSON.valueToTree(selector)
                + ")).map(e => {"
                + " const r = e.getBoundingClientRect();"
                + " return [r.left + scrollX, r.top + scrollY, r.width, r.height]; })");
    List<Rect> out = new ArrayList<>();
    for (JsonNode r : a) {
      out.add(
          new Rect(
              r.get(0).asDouble(), r.get(1).asDouble(), r.get(2).asDouble(), r.get(3).asDouble()));
    }
    return out;
  }

  /**
   * A screenshot of the i-th element a CSS selector matches, scrolled into view first: pages that
   * scroll inside a container (the classic Notebook does) are only drawn where that container shows
   * them.
   */
  public BufferedImage screenshot(String selector, int i) {
    JsonNode r =
        eval(
            "(() => { const e = document.querySelectorAll("
                + JSON.valueToTree(selector)
                + ")["
                + i
                + "]; if (!e) return null; e.scrollIntoView({block: 'start'}); const r = e.getBoundingClientRect();"
                + " return [r.left + scrollX, r.top + scrollY, r.width, r.height]; })()");
    if (r == null || r.isNull() || r.isMissingNode()) {
      throw new AssertionError("No element " + i + " matches " + selector);
    }
    return screenshot(
        new Rect(
            r.get(0).asDouble(), r.get(1).asDouble(), r.get(2).asDouble(), r.get(3).asDouble()));
  }

  /**
   * A screenshot of a part of the page (beyond the viewport too), one image pixel per CSS pixel.
   */
  public BufferedImage screenshot(Rect clip) {
    ObjectNode c =
        JSON.createObjectNode()
            .put("x", clip.x())
            .put("y", clip.y())
            .put("width", clip.width())
            .put("height", clip.height())
            .put("scale", 1);
    ObjectNode params =
        JSON.createObjectNode().put("format", "png").put("captureBeyondViewport", true);
    params.set("clip", c);
    return decode(call("Page.captureScreenshot", params));
  }

  /** A screenshot of the viewport. */
  public BufferedImage screenshot() {
    return decode(call("Page.captureScreenshot", JSON.createObjectNode().put("format", "png")));
  }

  /** The URLs of every request the page made since it started (Network.requestWillBeSent). */
  public List<String> requestedUrls() {
    return events.stream()
        .filter(e -> "Network.requestWillBeSent".equals(e.path("method").asText()))
        .map(e -> e.path("params").path("request").path("url").asText())
        .toList();
  }

  private static BufferedImage decode(JsonNode result) {
    try {
      return ImageIO.read(
          new ByteArrayInputStream(Base64.getDecoder().decode(result.path("data").asText())));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The share of an image's pixels that differ from its most common colour (its background) by more
   * than a little in some channel: 0 for a blank area.
   */
  public static double inkShare(BufferedImage image) {
    Map<Integer, Integer> counts = new java.util.HashMap<>();
    int w = image.getWidth();
    int h = image.getHeight();
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        counts.merge(image.getRGB(x, y) & 0xffffff, 1, Integer::sum);
      }
    }
    int background =
        counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    long ink = 0;
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int rgb = image.getRGB(x, y);
        int d =
            Math.max(
                Math.abs((rgb >> 16 & 0xff) - (background >> 16 & 0xff)),
                Math.max(
                    Math.abs((rgb >> 8 & 0xff) - (background >> 8 & 0xff)),
                    Math.abs((rgb & 0xff) - (background & 0xff))));
        ink += d > 24 ? 1 : 0;
      }
    }
    return w * h == 0 ? 0 : ink / (double) (w * h);
  }

  /** Saves an image as PNG, creating folders (for a look at what a test saw). */
  public static Path save(BufferedImage image, Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    ImageIO.write(image, "png", file.toFile());
    return file;
  }

  @Override
  public void close() {
    try {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(5, TimeUnit.SECONDS);
    } catch (Exception e) {
      // the browser goes anyway
    }
    // Chromium's helpers (network, GPU) may outlive the main process for a moment and still
    // write into the profile: end them too, and wait for them before removing the folder.
    List<ProcessHandle> helpers = process.descendants().toList();
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
      for (ProcessHandle h : helpers) {
        h.destroy();
        h.onExit().get(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      // a helper that will not end: the removal below tolerates it
    }
    removeProfile();
  }

  /** Removes the temporary profile; a file that vanishes during the walk is no error. */
  private void removeProfile() {
    for (int attempt = 0; attempt < 3 && Files.exists(profile); attempt++) {
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      } catch (IOException | UncheckedIOException e) {
        // a file that a helper removed or added meanwhile: walk again
      }
    }
  }

  /** Collects text frames into messages: replies complete their call, the rest are events. */
  private static final class Listener implements WebSocket.Listener {
    volatile HeadlessChromium owner;
    private final StringBuilder buffer = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      buffer.append(data);
      if (last) {
        String text = buffer.toString();
        buffer.setLength(0);
        try {
          JsonNode msg = JSON.readTree(text);
          HeadlessChromium c = owner;
          if (msg.has("id") && c != null) {
            CompletableFuture<JsonNode> f = c.pending.get(msg.get("id").asInt());
            if (f != null) {
              f.complete(msg);
            }
          } else if (c != null) {
            c.events.add(msg);
          }
        } catch (IOException e) {
          // not JSON: the protocol sends none such
        }
      }
      ws.request(1);
      return null;
    }
  }
}
