package org.sweeplab.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sweeplab.run.Progress;
import org.sweeplab.sim.Metrics;
import org.sweeplab.spec.SweepSpec;
import org.sweeplab.sweep.Sweep;
import org.sweeplab.sweep.SweepResult;

class NotebookProgressTest {

  /** Records the text of every display and update a kernel would receive. */
  static final class TextKernel implements KernelBridge {
    final List<String> calls = new ArrayList<>();

    @Override
    public synchronized String display(MimeBundle bundle) {
      calls.add("display " + bundle.text());
      return "bar";
    }

    @Override
    public synchronized void update(String displayId, MimeBundle bundle) {
      calls.add("update " + displayId + " " + bundle.text());
    }
  }

  private static ProgressBar display(TextKernel kernel, AtomicLong now) {
    return ProgressBar.withDefaults()
        .withIntervals(Duration.ZERO, Duration.ZERO)
        .withDisplay(Display.withDefaults().withBridge(kernel))
        .withClock(now::get);
  }

  private static Progress progress(long done, long total, long ok, long failed) {
    return new Progress(
        total,
        done,
        ok,
        failed,
        0,
        0,
        0,
        0,
        0,
        0,
        Duration.ofSeconds(done),
        Double.NaN,
        Double.NaN,
        0);
  }

  @Test
  void updatesInPlaceAtMostOncePerIntervalAndAlwaysShowsTheEnd() {
    TextKernel kernel = new TextKernel();
    AtomicLong now = new AtomicLong();
    NotebookProgress l =
        NotebookProgress.of(display(kernel, now), Duration.ofMillis(250), now::get);
    l.sweepStarted("demo", 100);
    for (int done = 1; done <= 100; done++) {
      now.addAndGet(Duration.ofMillis(10).toNanos());
      l.runFinished(null, progress(done, 100, done - done / 10, done / 10));
    }
    l.sweepFinished(progress(100, 100, 90, 10));
    // 1 s of runs at 10 ms each, shown every 250 ms: the start, 4 updates (25, 50, 75, 100 runs),
    // no more.
    assertEquals(5, kernel.calls.size(), String.join("\n", kernel.calls));
    assertTrue(kernel.calls.get(0).startsWith("display demo 0/100"), kernel.calls.get(0));
    assertTrue(kernel.calls.get(1).startsWith("update bar demo 25/100"), kernel.calls.get(1));
    assertTrue(
        kernel.calls.get(4).startsWith("update bar demo 100/100 (100%) ok 90 failed 10"),
        kernel.calls.get(4));
  }

  @Test
  void aRealSweepShowsOneBarAndItsFinalCounts(@TempDir Path dir) {
    TextKernel kernel = new TextKernel();
    ProgressBar display =
        ProgressBar.withDefaults().withDisplay(Display.withDefaults().withBridge(kernel));
    SweepSpec spec =
        SweepSpec.builder("progress")
            .simulation("lambda")
            .range("x", 1, 100, 1)
            .replicates(4)
            .seed(3)
            .build();
    SweepResult r =
        Sweep.of(spec)
            .output(dir)
            .simulation(
                ctx -> {
                  if (ctx.getLong("x") % 10 == 0) {
                    throw new IllegalStateException("x is a multiple of 10");
                  }
                  return Metrics.of("y", ctx.getLong("x") * 2);
                })
            .listener(NotebookProgress.of(display))
            .run();
    assertEquals(400, r.planned());
    List<String> calls = kernel.calls;
    assertTrue(calls.get(0).startsWith("display progress 0/400"), calls.get(0));
    assertTrue(
        calls.stream().skip(1).allMatch(c -> c.startsWith("update ")), String.join("\n", calls));
    assertTrue(calls.size() < 40, "never a line per run: " + calls.size());
    String last = calls.get(calls.size() - 1);
    assertTrue(last.contains("400/400 (100%) ok 360 failed 40"), last);
  }
}
