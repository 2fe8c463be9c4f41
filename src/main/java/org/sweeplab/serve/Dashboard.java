package org.sweeplab.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A read-only live dashboard of sweep folders over HTTP (the JDK's {@code com.sun.net.httpserver}):
 * a page that polls {@code /api/state} (JSON: progress, rate and ETA, spend against the budget and
 * by variation, failures by error type with examples, the ranking so far with its intervals) and
 * shows the figures ({@code /api/figure/I/KIND.svg}). Configured and immutable: {@code
 * Dashboard.withDefaults().withPort(0).start(dirs)} returns a running {@link Handle}.
 *
 * <p>Safety: it listens on 127.0.0.1 unless given another address; only GET and HEAD are answered
 * (405 otherwise), and nothing is ever written. Folders are addressed by their index in the served
 * list, never by a path from the request, so no request names a file outside them; the one file
 * route, {@code /api/file/I/NAME.svg}, serves a figure that {@code analyze} wrote in {@code
 * DIR/analysis/} when its real path (links followed) lies inside the folder's real path (403
 * otherwise). Every other path, {@code ..} and encoded forms included, is 404.
 */
public final class Dashboard {
  private static final Pattern FIGURE =
      Pattern.compile("/api/figure/(\\d{1,4})/([a-z-]{1,20})\\.svg");
  private static final Pattern FILE =
      Pattern.compile("/api/file/(\\d{1,4})/([A-Za-z0-9_-][A-Za-z0-9._-]{0,100}\\.svg)");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final InetAddress bind;
  private final int port;

  private Dashboard(InetAddress bind, int port) {
    this.bind = bind;
    this.port = port;
  }

  /** On 127.0.0.1, port 8765. */
  public static Dashboard withDefaults() {
    return new Dashboard(InetAddress.getLoopbackAddress(), 8765);
  }

  /**
   * @param p the port, 0 for any free one
   */
  public Dashboard withPort(int p) {
    if (p < 0 || p > 65535) {
      throw new IllegalArgumentException("--port must be 0..65535, got " + p);
    }
    return new Dashboard(bind, p);
  }

  /**
   * @param address where to listen; anyone who can reach it can read the served folders
   */
  public Dashboard withBind(InetAddress address) {
    return new Dashboard(Objects.requireNonNull(address, "address"), port);
  }

  /** Whether this listens on a loopback address only. */
  public boolean isLoopback() {
    return bind.isLoopbackAddress();
  }

  /** A running dashboard. */
  public static final class Handle implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor;

    private Handle(HttpServer server, ExecutorService executor) {
      this.server = server;
      this.executor = executor;
    }

    /** The address it listens on, e.g. {@code http://127.0.0.1:8765/}. */
    public String url() {
      InetSocketAddress a = server.getAddress();
      String host = a.getAddress().getHostAddress();
      return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort() + "/";
    }

    /** Stops listening and ends its threads. */
    @Override
    public void close() {
      server.stop(0);
      executor.shutdownNow();
    }
  }

  /**
   * Starts serving these folders. A folder that is not (yet) a sweep folder is served too: its view
   * shows the error.
   *
   * @throws UncheckedIOException when the address cannot be bound (port in use)
   */
  public Handle start(List<Path> dirs) {
    if (dirs.isEmpty()) {
      throw new IllegalArgumentException("give at least one sweep folder to serve");
    }
    List<FolderView> views = new ArrayList<>();
    for (Path d : dirs) {
      views.add(new FolderView(d.toAbsolutePath().normalize()));
    }
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(bind, port), 16);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot listen on "
              + bind.getHostAddress()
              + ":"
              + port
              + ": "
              + e.getMessage()
              + "; choose another --port",
          e);
    }
    ExecutorService executor =
        Executors.newFixedThreadPool(
            2,
            r -> {
              Thread t = new Thread(r, "sweeplab-serve");
              t.setDaemon(true);
              return t;
            });
    server.setExecutor(executor);
    server.createContext("/", ex -> handle(ex, views));
    server.start();
    return new Handle(server, executor);
  }

  private static void handle(HttpExchange ex, List<FolderView> views) throws IOException {
    try (ex) {
      String method = ex.getRequestMethod();
      if (!method.equals("GET") && !method.equals("HEAD")) {
        ex.getResponseHeaders().set("Allow", "GET, HEAD");
        send(ex, 405, "text/plain", "read-only: only GET and HEAD are answered\n");
        return;
      }
      String path = ex.getRequestURI().getPath();
      String raw = ex.getRequestURI().getRawPath();
      if (path == null || raw == null || !path.equals(raw)) {
        // An encoded path (%2e%2e, %2f, ...) never names a resource here.
        send(ex, 404, "text/plain", "not found\n");
        return;
      }
      if (path.equals("/")) {
        send(ex, 200, "text/html; charset=utf-8", page());
        return;
      }
      if (path.equals("/api/state")) {
        Map<String, Object> state = new LinkedHashMap<>();
        List<Map<String, Object>> folders = new ArrayList<>();
        for (FolderView v : views) {
          folders.add(v.state());
        }
        state.put("folders", folders);
        state.put("time", java.time.Instant.now().toString());
        send(ex, 200, "application/json", JSON.writeValueAsString(state));
        return;
      }
      Matcher m = FIGURE.matcher(path);
      if (m.matches()) {
        FolderView v = view(views, m.group(1));
        String svg = v == null ? null : v.figure(m.group(2));
        if (svg == null) {
          send(ex, 404, "text/plain", "no such figure (yet)\n");
        } else {
          send(ex, 200, "image/svg+xml", svg);
        }
        return;
      }
      m = FILE.matcher(path);
      if (m.matches()) {
        FolderView v = view(views, m.group(1));
        if (v == null) {
          send(ex, 404, "text/plain", "not found\n");
          return;
        }
        Path file = v.dir().resolve("analysis").resolve(m.group(2));
        if (!Files.isRegularFile(file)) {
          send(ex, 404, "text/plain", "not found\n");
          return;
        }
        if (!file.toRealPath().startsWith(v.dir().toRealPath())) {
          send(ex, 403, "text/plain", "refused: the file lies outside the served folder\n");
          return;
        }
        send(ex, 200, "image/svg+xml", Files.readString(file, StandardCharsets.UTF_8));
        return;
      }
      send(ex, 404, "text/plain", "not found\n");
    } catch (RuntimeException e) {
      send(ex, 500, "text/plain", "error: " + e.getMessage() + "\n");
    }
  }

  private static FolderView view(List<FolderView> views, String index) {
    int i = Integer.parseInt(index);
    return i < views.size() ? views.get(i) : null;
  }

  private static void send(HttpExchange ex, int code, String type, String body) throws IOException {
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", type);
    ex.getResponseHeaders().set("Cache-Control", "no-store");
    ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
    ex.getResponseHeaders()
        .set(
            "Content-Security-Policy",
            "default-src 'none'; script-src 'self' 'unsafe-inline'; style-src 'unsafe-inline'; img-src 'self';"
                + " connect-src 'self'");
    boolean head = ex.getRequestMethod().equals("HEAD");
    ex.sendResponseHeaders(code, head ? -1 : b.length);
    if (!head) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(b);
      }
    }
  }

  private static String page() throws IOException {
    try (InputStream in = Dashboard.class.getResourceAsStream("dashboard.html")) {
      if (in == null) {
        throw new IllegalStateException("dashboard.html is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
