package org.sweeplab.run;

/**
 * Time for the runner's waits: the system clock, or a fake one in tests (no real sleeps needed).
 */
public interface Ticker {
  /** The system clock. */
  Ticker SYSTEM =
      new Ticker() {
        @Override
        public long nanoTime() {
          return System.nanoTime();
        }

        @Override
        public void sleepNanos(long nanos) throws InterruptedException {
          if (nanos > 0) {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
          }
        }
      };

  long nanoTime();

  void sleepNanos(long nanos) throws InterruptedException;
}
