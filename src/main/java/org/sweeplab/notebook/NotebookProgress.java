package org.sweeplab.notebook;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.sweeplab.run.Progress;
import org.sweeplab.run.RunRecord;
import org.sweeplab.run.SweepListener;

/**
 * A sweep listener that shows a live {@link ProgressBar} in a notebook: one bar, updated in place
 * (plain text lines now and then outside a kernel), never a line per run.
 *
 * <pre>{@code
 * SweepResult r = Sweep.of(spec, sim).listener(NotebookProgress.create()).run();
 * }</pre>
 *
 * <p>Runs finish on worker threads; the listener drops updates that come sooner than the display's
 * interval without taking a lock, so a sweep of a million short runs does not queue on the display.
 * The sweep's last update (all runs done) always shows. One instance per sweep.
 */
public final class NotebookProgress implements SweepListener {

  private final ProgressBar display;
  private final long minNanos;
  private final LongSupplier clock;
  private final AtomicLong last = new AtomicLong(Long.MIN_VALUE);
  private volatile ProgressBar titled;

  private NotebookProgress(ProgressBar display, Duration minInterval, LongSupplier clock) {
    this.display = display;
    this.minNanos = minInterval.toNanos();
    this.clock = clock;
    this.titled = display;
  }

  /**
   * Progress in {@link ProgressBar#withDefaults()}, titled with the sweep's name, at most 4 updates
   * a second.
   */
  public static NotebookProgress create() {
    return of(ProgressBar.withDefaults());
  }

  /**
   * Progress in this display (its title is replaced by the sweep's name), at most 4 updates a
   * second.
   */
  public static NotebookProgress of(ProgressBar display) {
    return new NotebookProgress(display, Duration.ofMillis(250), System::nanoTime);
  }

  static NotebookProgress of(ProgressBar display, Duration minInterval, LongSupplier clock) {
    return new NotebookProgress(display, minInterval, clock);
  }

  @Override
  public void sweepStarted(String sweepName, long total) {
    titled = display.withTitle(sweepName);
    last.set(clock.getAsLong());
    show(0, total, 0, 0, Duration.ZERO, null, Double.NaN);
  }

  @Override
  public void runFinished(RunRecord record, Progress p) {
    long now = clock.getAsLong();
    long prev = last.get();
    boolean done = p.done() >= p.total();
    if (!done && (now - prev < minNanos || !last.compareAndSet(prev, now))) {
      return;
    }
    show(p);
  }

  @Override
  public void sweepFinished(Progress p) {
    show(p);
  }

  private void show(Progress p) {
    show(
        p.done(),
        p.total(),
        p.ok(),
        p.failed() + p.timedOut() + p.cancelled(),
        p.elapsed(),
        p.eta(),
        p.spend());
  }

  private void show(
      long done, long total, long ok, long failed, Duration elapsed, Duration eta, double spend) {
    titled.update(done, total, ok, failed, elapsed, eta, spend);
  }
}
