package org.sweeplab.run;

/**
 * Paces run starts across all workers: at most {@code perSecond} starts a second (each start gets
 * the next free slot, 1/perSecond apart; no bursts), and a shared hold-off when a run is told to
 * retry after some time, as a client-wide handler of HTTP 429 would. Thread-safe.
 */
final class RateGate {
  private final long intervalNanos;
  private final Ticker ticker;
  private long nextSlot = Long.MIN_VALUE;
  private long holdUntil = Long.MIN_VALUE;
  private long waits;

  /**
   * @param perSecond starts per second; 0 or less means no pacing (hold-offs still apply)
   */
  RateGate(double perSecond, Ticker ticker) {
    this.intervalNanos = perSecond > 0 ? (long) (1e9 / perSecond) : 0;
    this.ticker = ticker;
  }

  /** Waits for this worker's start slot (and any hold-off); returns the nanoseconds waited. */
  long acquire() throws InterruptedException {
    long slot;
    synchronized (this) {
      long now = ticker.nanoTime();
      slot = Math.max(now, holdUntil);
      if (intervalNanos > 0) {
        slot = Math.max(slot, nextSlot);
        nextSlot = slot + intervalNanos;
      }
      if (slot > now) {
        waits++;
      }
    }
    long wait = slot - ticker.nanoTime();
    if (wait > 0) {
      ticker.sleepNanos(wait);
    }
    return Math.max(wait, 0);
  }

  /** Every start waits until at least {@code nanos} from now. */
  synchronized void holdOff(long nanos) {
    long until = ticker.nanoTime() + nanos;
    holdUntil = Math.max(holdUntil, until);
    if (intervalNanos > 0) {
      nextSlot = Math.max(nextSlot, until);
    }
  }

  /** Starts that had to wait. */
  synchronized long waits() {
    return waits;
  }

  boolean paces() {
    return intervalNanos > 0;
  }
}
