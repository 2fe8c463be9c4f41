package org.sweeplab.run;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.DoubleAdder;

/**
 * The live counts of one execution of a sweep, shared by every backend's execution (local and
 * Spark): runs finished by status, retries, rate-limit waits, runs in flight and spend.
 * Thread-safe; {@link #snapshot} turns them into a {@link Progress}. Spend starts at the earlier
 * sessions' spend when given ({@link #withPrior}); NaN costs are not counted.
 */
public final class ProgressCounters {
  private final long total;
  private final long startNanos = System.nanoTime();
  private final AtomicLong done = new AtomicLong();
  private final AtomicLong ok = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final AtomicLong timedOut = new AtomicLong();
  private final AtomicLong cancelled = new AtomicLong();
  private final AtomicLong skipped = new AtomicLong();
  private final AtomicLong retries = new AtomicLong();
  private final AtomicLong rateWaits = new AtomicLong();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final DoubleAdder spend = new DoubleAdder();
  private final AtomicLong costed = new AtomicLong();

  /** Counters for an execution of {@code total} runs, all zero. */
  public ProgressCounters(long total) {
    this.total = total;
  }

  /** Adds what earlier sessions spent: {@code spend} over {@code costedRuns} runs (at least 1). */
  public ProgressCounters withPrior(double priorSpend, long costedRuns) {
    if (!Double.isNaN(priorSpend)) {
      spend.add(priorSpend);
      costed.addAndGet(Math.max(1, costedRuns));
    }
    return this;
  }

  /** A run finished (or was skipped): its status and its cost count. */
  public void finished(RunRecord rec) {
    done.incrementAndGet();
    switch (rec.status()) {
      case OK -> ok.incrementAndGet();
      case FAILED -> failed.incrementAndGet();
      case TIMEOUT -> timedOut.incrementAndGet();
      case CANCELLED -> cancelled.incrementAndGet();
      case SKIPPED -> skipped.incrementAndGet();
      default -> throw new IllegalStateException("unknown status " + rec.status());
    }
    if (!Double.isNaN(rec.cost())) {
      spend.add(rec.cost());
      costed.incrementAndGet();
    }
  }

  /** {@code n} retry attempts were made. */
  public void retried(long n) {
    retries.addAndGet(n);
  }

  /** A run start waited for the rate limit or a retry-after hold-off. */
  public void rateWaited() {
    rateWaits.incrementAndGet();
  }

  /** {@code delta} more (or, negative, fewer) runs are in flight. */
  public void inFlight(int delta) {
    inFlight.addAndGet(delta);
  }

  /** Runs finished so far. */
  public long done() {
    return done.get();
  }

  /** The counts now, with the time since these counters were made and the total budget. */
  public Progress snapshot(double budget) {
    long c = costed.get();
    return new Progress(
        total,
        done.get(),
        ok.get(),
        failed.get(),
        timedOut.get(),
        cancelled.get(),
        skipped.get(),
        retries.get(),
        rateWaits.get(),
        inFlight.get(),
        Duration.ofNanos(System.nanoTime() - startNanos),
        c == 0 ? Double.NaN : spend.sum(),
        budget,
        c);
  }
}
