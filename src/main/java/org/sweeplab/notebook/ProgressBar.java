package org.sweeplab.notebook;

import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A live progress display for a sweep, fed plain numbers (the engine's listener calls {@link
 * #update}). In a kernel it shows one HTML bar and updates it in place; elsewhere it writes a text
 * line now and then. Updates come at most every {@code minInterval} (rich) or {@code textInterval}
 * (text); the last one, when done reaches total, always shows.
 *
 * <pre>{@code
 * ProgressBar p = ProgressBar.withDefaults().withTitle("sweep");
 * p.update(done, total, ok, failed, elapsed, eta, spend);   // from any thread
 * }</pre>
 *
 * <p>Configured immutably, but each instance keeps the display it opened: use one per sweep.
 */
public final class ProgressBar {

  /**
   * The numbers shown at one moment. eta may be null when unknown; spend is NaN when not tracked.
   */
  public record Snapshot(
      String title,
      long done,
      long total,
      long ok,
      long failed,
      Duration elapsed,
      Duration eta,
      double spend) {

    public Snapshot {
      if (done < 0 || total < 0 || ok < 0 || failed < 0) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "Progress counts must be >= 0: done %d, total %d, ok %d, failed %d",
                done,
                total,
                ok,
                failed));
      }
    }

    public double fraction() {
      return total == 0 ? 1.0 : Math.min(1.0, done / (double) total);
    }

    /** One line: {@code sweep 40/100 (40%) ok 38 failed 2 elapsed 0:12 eta 0:18 spend 1.25}. */
    public String text() {
      return String.format(
          Locale.ROOT,
          "%s %d/%d (%.0f%%) ok %d failed %d elapsed %s eta %s%s",
          title,
          done,
          total,
          100 * fraction(),
          ok,
          failed,
          clock(elapsed),
          eta == null ? "?" : clock(eta),
          Double.isNaN(spend) ? "" : String.format(Locale.ROOT, " spend %.2f", spend));
    }

    /** A bar and the same numbers, as HTML. */
    public String html() {
      String colour = failed > 0 ? "#E69F00" : "#009E73";
      return String.format(
          Locale.ROOT,
          "<div class=\"sweeplab-progress\" style=\"font-family:sans-serif;font-size:12px\">"
              + "<b>%s</b> %d/%d<div style=\"width:320px;height:10px;background:#eee;border-radius:3px\">"
              + "<div style=\"width:%.1f%%;height:10px;background:%s;border-radius:3px\"></div></div>"
              + "ok %d &middot; failed %d &middot; elapsed %s &middot; eta %s%s</div>",
          HtmlTable.escape(title),
          done,
          total,
          100 * fraction(),
          colour,
          ok,
          failed,
          clock(elapsed),
          eta == null ? "?" : clock(eta),
          Double.isNaN(spend) ? "" : String.format(Locale.ROOT, " &middot; spend %.2f", spend));
    }

    static String clock(Duration d) {
      long s = Math.max(0, d == null ? 0 : d.toSeconds());
      return s >= 3600
          ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
          : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
  }

  private final String title;
  private final Duration minInterval;
  private final Duration textInterval;
  private final Display display;
  private final LongSupplier clock;
  private String displayId;
  private long lastShown = Long.MIN_VALUE;
  private boolean finished;

  private ProgressBar(
      String title,
      Duration minInterval,
      Duration textInterval,
      Display display,
      LongSupplier clock) {
    this.title = title;
    this.minInterval = minInterval;
    this.textInterval = textInterval;
    this.display = display;
    this.clock = clock;
  }

  /**
   * Title "sweep", rich updates at most every 250 ms, text lines at most every 10 s, default
   * display.
   */
  public static ProgressBar withDefaults() {
    return new ProgressBar(
        "sweep",
        Duration.ofMillis(250),
        Duration.ofSeconds(10),
        Display.withDefaults(),
        System::nanoTime);
  }

  public ProgressBar withTitle(String title) {
    return new ProgressBar(title, minInterval, textInterval, display, clock);
  }

  /**
   * @param rich the least time between two rich updates; text the least between two text lines
   */
  public ProgressBar withIntervals(Duration rich, Duration text) {
    if (rich.isNegative() || text.isNegative()) {
      throw new IllegalArgumentException(
          "Progress intervals must not be negative: " + rich + ", " + text);
    }
    return new ProgressBar(title, rich, text, display, clock);
  }

  public ProgressBar withDisplay(Display display) {
    return new ProgressBar(title, minInterval, textInterval, display, clock);
  }

  ProgressBar withClock(LongSupplier nanos) {
    return new ProgressBar(title, minInterval, textInterval, display, nanos);
  }

  /**
   * Shows the numbers, if the interval allows or the sweep is done; returns whether it showed them.
   */
  public synchronized boolean update(
      long done, long total, long ok, long failed, Duration elapsed, Duration eta, double spend) {
    Snapshot s = new Snapshot(title, done, total, ok, failed, elapsed, eta, spend);
    boolean last = done >= total;
    long now = clock.getAsLong();
    Duration interval = display.isRich() ? minInterval : textInterval;
    if (finished || (!last && displayId != null && now - lastShown < interval.toNanos())) {
      return false;
    }
    if (displayId == null) {
      displayId = display.show(s);
    } else {
      display.update(displayId, s);
    }
    lastShown = now;
    finished = last;
    return true;
  }
}
