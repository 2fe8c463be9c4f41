package org.sweeplab.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sweeplab.run.Backend;
import org.sweeplab.run.RunStatus;
import org.sweeplab.sim.Metrics;
import org.sweeplab.sim.Simulation;
import org.sweeplab.spec.BudgetSpec;
import org.sweeplab.spec.SweepSpec;
import org.sweeplab.sweep.FolderStatus;
import org.sweeplab.sweep.Sweep;
import org.sweeplab.sweep.SweepExecution;
import org.sweeplab.sweep.SweepResult;

/**
 * {@code sweeplab serve} against a sweep that is running: the page, loaded twice in headless
 * Chromium (Debian's {@code chromium}, {@code --dump-dom} after its script ran), shows counts that
 * grow and lie between the counts of {@code status} taken just before and just after each load, and
 * equal them once the sweep has stopped; the JSON carries the ranking, failures by type and spend
 * against the budget; nothing outside the served folders is served, nothing is written, and a bad
 * folder is an error on the page, not a dead server.
 */
class DashboardTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern FINISHED = Pattern.compile("id=\"finished-0\">(\\d+)<");

  @TempDir Path tmp;

  /** 20 ms runs; mode "risky" fails one run in four with an error type of its own. */
  static final Simulation SLOW =
      ctx -> {
        Thread.sleep(20);
        if (ctx.getString("mode").equals("risky") && ctx.random().nextDouble() < 0.25) {
          throw new IllegalStateException("risky run " + ctx.replicate() + " gave up");
        }
        double score =
            ctx.getLong("n")
                + (ctx.getString("mode").equals("risky") ? 2 : 0)
                + ctx.random().nextGaussian();
        return Metrics.builder().put("score", score).cost(0.01 * ctx.getLong("n")).build();
      };

  @Test
  void theLivePageFollowsARunningSweepAndAgreesWithStatus() throws Exception {
    Path dir = tmp.resolve("live");
    SweepSpec spec =
        SweepSpec.builder("live")
            .simulation("slow")
            .values("mode", "risky", "safe")
            .range("n", 1, 50, 1)
            .replicates(200)
            .seed(3)
            .maxParallel(2)
            .budget(BudgetSpec.total(1000, "USD"))
            .build();
    Sweep sweep = Sweep.of(spec).simulation(SLOW).output(dir);
    SweepExecution execution = sweep.start();
    CompletableFuture<SweepResult> running = CompletableFuture.supplyAsync(execution::await);
    Path notASweep = Files.createDirectories(tmp.resolve("not-a-sweep"));
    try (Dashboard.Handle h = Dashboard.withDefaults().withPort(0).start(List.of(dir, notASweep))) {
      awaitJournal(dir, 40);
      String browser = chromium();
      long[] first = load(browser, h.url(), dir);
      Thread.sleep(2500);
      long[] second = load(browser, h.url(), dir);
      assertTrue(second[1] > first[1], "the page's count grew: " + first[1] + " then " + second[1]);
      assertFalse(running.isDone(), "the sweep was still running during both loads");

      JsonNode state = JSON.readTree(get(h.url() + "api/state").body());
      JsonNode f = state.path("folders").get(0);
      assertEquals("live", f.path("sweep").asText());
      assertEquals(20000, f.path("planned").asLong());
      assertTrue(f.path("runsPerSecond").asDouble() > 0, f.toString());
      assertTrue(f.path("etaSeconds").asDouble() > 0, f.toString());
      assertEquals(1000.0, f.path("budget").asDouble());
      assertTrue(f.path("spend").asDouble() > 0, f.toString());
      JsonNode failure = f.path("failures").get(0);
      assertEquals("IllegalStateException", failure.path("type").asText(), f.toString());
      assertTrue(failure.path("examples").get(0).asText().contains("gave up"), failure.toString());
      awaitRanking(h.url());
      JsonNode ranking =
          JSON.readTree(get(h.url() + "api/state").body()).path("folders").get(0).path("ranking");
      assertEquals("score", ranking.path("metric").asText(), ranking.toString());
      JsonNode best = ranking.path("entries").get(0);
      JsonNode next = ranking.path("entries").get(1);
      assertTrue(
          best.path("params").asText().matches("mode=(safe|risky), n=[0-9]+"), best.toString());
      assertTrue(
          best.path("mean").asDouble() >= next.path("mean").asDouble(), "best first: " + ranking);
      assertTrue(
          best.path("ciLow").asDouble() < best.path("mean").asDouble()
              && best.path("mean").asDouble() < best.path("ciHigh").asDouble(),
          best.toString());
      HttpResponse<String> figure = get(h.url() + "api/figure/0/ranking.svg");
      assertEquals(200, figure.statusCode());
      assertTrue(figure.body().contains("<svg"), "the ranking figure is SVG");

      JsonNode bad = JSON.readTree(get(h.url() + "api/state").body()).path("folders").get(1);
      assertTrue(
          bad.path("error").asText().contains("is not a sweep output folder"), bad.toString());

      execution.stop(Backend.StopMode.CANCEL);
      running.get(60, TimeUnit.SECONDS);
      JsonNode end = JSON.readTree(get(h.url() + "api/state").body()).path("folders").get(0);
      FolderStatus status = FolderStatus.of(dir);
      assertEquals(status.finished(), end.path("finished").asLong());
      assertEquals(status.missing(), end.path("missing").asLong());
      for (RunStatus s : RunStatus.values()) {
        assertEquals(status.count(s), end.path("byStatus").path(s.label()).asLong(), s.label());
      }
    } finally {
      execution.stop(Backend.StopMode.CANCEL);
      running.handle((r, e) -> null).get(60, TimeUnit.SECONDS);
    }
  }

  @Test
  void onlyGetAndHeadAndNothingOutsideTheServedFolders() throws Exception {
    Path dir = tmp.resolve("done");
    SweepSpec spec =
        SweepSpec.builder("done")
            .simulation("slow")
            .values("mode", "safe", "risky")
            .range("n", 1, 2, 1)
            .replicates(3)
            .seed(1)
            .build();
    Sweep.of(spec).simulation(ctx -> Metrics.of("score", 1.0 * ctx.getLong("n"))).output(dir).run();
    Files.createDirectories(dir.resolve("analysis"));
    Files.writeString(
        dir.resolve("analysis/box.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
    Path secret = Files.writeString(tmp.resolve("secret.svg"), "<svg>secret</svg>");
    Files.createSymbolicLink(dir.resolve("analysis/leak.svg"), secret);
    byte[] journal = Files.readAllBytes(dir.resolve("runs.jsonl"));
    try (Dashboard.Handle h = Dashboard.withDefaults().withPort(0).start(List.of(dir))) {
      String u = h.url();
      assertTrue(u.startsWith("http://127.0.0.1:"), u);
      assertEquals(200, get(u).statusCode());
      assertEquals(200, get(u + "api/file/0/box.svg").statusCode());
      HttpResponse<String> leak = get(u + "api/file/0/leak.svg");
      assertEquals(403, leak.statusCode(), "a link out of the folder is refused");
      assertFalse(leak.body().contains("secret"));
      for (String path :
          List.of(
              "api/file/0/../../secret.svg",
              "api/file/0/%2e%2e/%2e%2e/secret.svg",
              "%2e%2e/secret.svg",
              "api/file/0/..%2f..%2fsecret.svg",
              "sweep.yaml",
              "runs.jsonl",
              "api/file/0/x.txt",
              "api/figure/9/ranking.svg",
              "api/file/7/box.svg",
              "..",
              "api/state/../../secret.svg")) {
        HttpResponse<String> r = get(u + path);
        assertEquals(404, r.statusCode(), path + " -> " + r.body());
        assertFalse(r.body().contains("secret"), path);
      }
      for (String method : List.of("POST", "PUT", "DELETE", "PATCH")) {
        HttpResponse<String> r =
            HttpClient.newHttpClient()
                .send(
                    HttpRequest.newBuilder(URI.create(u + "api/state"))
                        .method(method, HttpRequest.BodyPublishers.ofString("x"))
                        .build(),
                    HttpResponse.BodyHandlers.ofString());
        assertEquals(405, r.statusCode(), method);
      }
      JsonNode f = JSON.readTree(get(u + "api/state").body()).path("folders").get(0);
      assertEquals(12, f.path("finished").asLong());
      assertTrue(f.path("complete").asBoolean());
      assertEquals("results.csv", f.path("ranking").path("source").asText(), f.toString());
    }
    assertEquals(
        new String(journal, StandardCharsets.UTF_8),
        Files.readString(dir.resolve("runs.jsonl"), StandardCharsets.UTF_8),
        "nothing was written");
  }

  @Test
  void anotherAddressOnlyWhenAskedAndALoopbackDefault() throws Exception {
    assertTrue(Dashboard.withDefaults().isLoopback());
    assertFalse(
        Dashboard.withDefaults().withBind(java.net.InetAddress.getByName("0.0.0.0")).isLoopback());
  }

  /**
   * Loads the page in headless Chromium; returns {status finished before, page count, status
   * finished after}.
   */
  private static long[] load(String browser, String url, Path dir)
      throws IOException, InterruptedException {
    long before = FolderStatus.of(dir).finished();
    Process p =
        new ProcessBuilder(
                browser,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--virtual-time-budget=3000",
                "--dump-dom",
                url)
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    String dom = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "chromium did not end in 60 s");
    long after = FolderStatus.of(dir).finished();
    Matcher m = FINISHED.matcher(dom);
    assertTrue(m.find(), "the page shows the finished count after its script ran:\n" + dom);
    long shown = Long.parseLong(m.group(1));
    assertTrue(
        before <= shown && shown <= after,
        "status said " + before + " then " + after + "; the page " + shown);
    assertTrue(dom.contains("id=\"planned-0\">20000<"), "the plan of 20,000 runs is shown");
    assertTrue(
        dom.contains("error: ") && dom.contains("is not a sweep output folder"),
        "the bad folder shows its error on the page");
    return new long[] {before, shown, after};
  }

  /** Debian's chromium, or a skip outside CI (a failure under CI=true). */
  private static String chromium() {
    for (String c :
        List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")) {
      if (Files.isExecutable(Path.of(c))) {
        return c;
      }
    }
    String absent = "headless Chromium is absent: apt-get install chromium to run this test";
    assertFalse("true".equals(System.getenv("CI")), absent);
    Assumptions.assumeTrue(false, absent);
    return null;
  }

  private static void awaitJournal(Path dir, long lines) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      if (Files.isRegularFile(dir.resolve("runs.jsonl"))
          && FolderStatus.of(dir).finished() >= lines) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the sweep did not journal " + lines + " runs in 60 s");
  }

  private static void awaitRanking(String url) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      JsonNode r =
          JSON.readTree(get(url + "api/state").body()).path("folders").get(0).path("ranking");
      if (r.path("entries").size() >= 2) {
        return;
      }
      Thread.sleep(500);
    }
    throw new AssertionError("no ranking of two variations in 30 s");
  }

  private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
    HttpRequest req =
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build();
    HttpResponse<String> r =
        HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.ofString());
    assertNotNull(r);
    return r;
  }
}
