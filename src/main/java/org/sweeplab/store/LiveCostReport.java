package org.sweeplab.store;

import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.sweeplab.space.RunPlan;
import org.sweeplab.spec.SweepSpec;

/**
 * Keeps {@code costs.json} current while a sweep runs, not only at its end: every {@link
 * #INTERVAL_MS} ms (or ten times as long as the last report took to build, for very large plans),
 * from a daemon thread. The report is a snapshot of runs finished so far; the one written at the
 * end is the final word.
 */
public final class LiveCostReport implements AutoCloseable {
  /** The time between two reports. */
  public static final long INTERVAL_MS = 3000;

  private final ScheduledThreadPoolExecutor timer;
  private final OutputFolder folder;
  private final SweepSpec spec;
  private final RunPlan plan;
  private final RunColumns columns;
  private final Double estimatedTotal;

  private LiveCostReport(
      OutputFolder folder,
      SweepSpec spec,
      RunPlan plan,
      RunColumns columns,
      Double estimatedTotal,
      long intervalMs) {
    this.folder = folder;
    this.spec = spec;
    this.plan = plan;
    this.columns = columns;
    this.estimatedTotal = estimatedTotal;
    this.timer =
        new ScheduledThreadPoolExecutor(
            1,
            r -> {
              Thread t = new Thread(r, "sweeplab-costs");
              t.setDaemon(true);
              return t;
            });
    timer.schedule(() -> write(intervalMs), intervalMs, TimeUnit.MILLISECONDS);
  }

  /** Starts writing the folder's costs.json every {@code intervalMs} while the sweep runs. */
  public static LiveCostReport start(
      OutputFolder folder,
      SweepSpec spec,
      RunPlan plan,
      RunColumns columns,
      Double estimatedTotal,
      long intervalMs) {
    return new LiveCostReport(folder, spec, plan, columns, estimatedTotal, intervalMs);
  }

  private void write(long intervalMs) {
    long started = System.nanoTime();
    try {
      if (CostReport.wanted(spec.budget(), columns)) {
        CostReport.write(
            folder.costs(),
            CostReport.build(spec.name(), plan, columns, spec.budget(), estimatedTotal));
      }
    } catch (RuntimeException e) {
      // A snapshot that cannot be written now is written at the end; the sweep goes on.
    }
    long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    if (!timer.isShutdown()) {
      timer.schedule(
          () -> write(intervalMs), Math.max(intervalMs, 10 * took), TimeUnit.MILLISECONDS);
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
    try {
      timer.awaitTermination(5, TimeUnit.SECONDS); // the final report must not race a snapshot
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
