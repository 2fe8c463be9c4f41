package org.sweeplab.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.sweeplab.run.Progress;
import org.sweeplab.run.RunRecord;
import org.sweeplab.run.SweepListener;

/**
 * Progress on stderr: a live bar on a terminal; otherwise a plain line at most every {@link
 * #PLAIN_INTERVAL_NANOS}. Both show done/total, runs/s, ok, failed and skipped counts, retries and
 * rate-limit waits, elapsed time, ETA and spend against the budget.
 */
abstract class StderrProgress implements SweepListener, AutoCloseable {
  static final long PLAIN_INTERVAL_NANOS = 5_000_000_000L;

  static StderrProgress create(PrintWriter err) {
    boolean terminal = isTerminal() && !"true".equals(System.getenv("CI"));
    return terminal ? new Bar() : new Plain(err);
  }

  @Override
  public abstract void close();

  /**
   * True when the JVM runs on a terminal. From Java 22, {@code System.console()} exists even when
   * output is redirected, and {@code Console.isTerminal()} (looked up by reflection: this code
   * targets Java 17) says whether it is a terminal.
   */
  static boolean isTerminal() {
    java.io.Console c = System.console();
    if (c == null) {
      return false;
    }
    try {
      return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(c);
    } catch (NoSuchMethodException e) {
      return true; // Java 17-21: a console exists only on a terminal
    } catch (ReflectiveOperationException | RuntimeException e) {
      return false;
    }
  }

  /**
   * When the current retry-after or rate-limit pause ends (System.nanoTime), 0 when none was
   * announced.
   */
  volatile long pausedUntil;

  /** The rest of the pause in force, or null. */
  Duration pauseInForce() {
    long left = pausedUntil - System.nanoTime();
    return pausedUntil == 0 || left <= 0 ? null : Duration.ofNanos(left);
  }

  static String extra(Progress p) {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "ok %,d failed %,d", p.ok(), p.failed()));
    if (p.timedOut() > 0) {
      sb.append(String.format(Locale.ROOT, " timeout %,d", p.timedOut()));
    }
    if (p.skipped() > 0) {
      sb.append(String.format(Locale.ROOT, " skipped %,d", p.skipped()));
    }
    if (p.retries() > 0) {
      sb.append(String.format(Locale.ROOT, " retries %,d", p.retries()));
    }
    if (p.rateWaits() > 0) {
      sb.append(String.format(Locale.ROOT, " rate waits %,d", p.rateWaits()));
    }
    if (!Double.isNaN(p.spend())) {
      sb.append(" spend ").append(Console.money(p.spend()));
      if (!Double.isNaN(p.budget())) {
        sb.append('/').append(Console.money(p.budget()));
      }
    }
    return sb.toString();
  }

  /** {@code paused 2 s for retry-after}. */
  static String paused(Duration pause) {
    long ms = pause.toMillis();
    String amount =
        ms % 1000 == 0 ? (ms / 1000) + " s" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    return "paused " + amount + " for retry-after";
  }

  static String clock(Duration d) {
    long s = d.getSeconds();
    return s >= 3600
        ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60)
        : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }

  /** The terminal bar. */
  private static final class Bar extends StderrProgress {
    /**
     * The room the bar leaves for its message at 80 columns (name, percentage, bar, counts and
     * times take the rest).
     */
    private static final int BAR_EXTRA = 34;

    private volatile ProgressBar bar;
    private volatile Progress last;

    @Override
    public void sweepStarted(String sweepName, long total) {
      bar =
          new ProgressBarBuilder()
              .setTaskName(sweepName)
              .setInitialMax(total)
              .setUpdateIntervalMillis(250)
              .setConsumer(new ConsoleProgressBarConsumer(System.err))
              .setMaxRenderedLength(ProgressText.WIDTH)
              .setEtaFunction(state -> Optional.ofNullable(last == null ? null : last.eta()))
              .build();
    }

    @Override
    public void runFinished(RunRecord record, Progress progress) {
      ProgressBar b = bar;
      if (b != null) {
        last = progress;
        b.stepTo(progress.done());
        b.setExtraMessage(
            " " + ProgressText.extra(progress, pauseInForce(), Duration.ZERO, BAR_EXTRA));
      }
    }

    @Override
    public void sweepPaused(Duration pause, String why) {
      ProgressBar b = bar;
      Progress p = last;
      if (b != null) {
        // The bar keeps redrawing (elapsed time) on its own thread; the message says why nothing
        // finishes.
        pausedUntil = System.nanoTime() + pause.toNanos();
        b.setExtraMessage(
            " "
                + (p == null
                    ? paused(pause)
                    : ProgressText.extra(p, pause, Duration.ZERO, BAR_EXTRA)));
      }
    }

    @Override
    public void close() {
      if (bar != null) {
        bar.close();
      }
    }
  }

  /** Plain lines, for logs and CI. */
  private static final class Plain extends StderrProgress {
    private final PrintWriter err;
    private final AtomicLong nextPrint = new AtomicLong(System.nanoTime() + PLAIN_INTERVAL_NANOS);
    private volatile String name = "sweep";

    Plain(PrintWriter err) {
      this.err = err;
    }

    @Override
    public void sweepStarted(String sweepName, long total) {
      name = sweepName;
      err.printf(Locale.ROOT, "[%s] %,d runs to do%n", sweepName, total);
      err.flush();
    }

    @Override
    public void runFinished(RunRecord record, Progress p) {
      long now = System.nanoTime();
      long due = nextPrint.get();
      if (now < due || !nextPrint.compareAndSet(due, now + PLAIN_INTERVAL_NANOS)) {
        return;
      }
      print(p);
    }

    @Override
    public void sweepFinished(Progress p) {
      print(p);
    }

    @Override
    public void sweepPaused(Duration pause, String why) {
      pausedUntil = System.nanoTime() + pause.toNanos();
      synchronized (err) {
        err.printf(Locale.ROOT, "[%s] %s (%s)%n", name, paused(pause), why);
        err.flush();
      }
    }

    private void print(Progress p) {
      synchronized (err) {
        err.println(ProgressText.line(name, p, pauseInForce(), ProgressText.WIDTH));
        err.flush();
      }
    }

    @Override
    public void close() {
      // Nothing to release.
    }
  }
}
