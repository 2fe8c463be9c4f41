package org.sweeplab.run;

import java.util.ArrayList;
import java.util.List;

/**
 * A clock that only moves when told to; sleeps are recorded and advance this thread's view of time.
 */
final class FakeTicker implements Ticker {
  private long now;
  final List<Long> sleeps = new ArrayList<>();

  @Override
  public synchronized long nanoTime() {
    return now;
  }

  @Override
  public synchronized void sleepNanos(long nanos) {
    sleeps.add(nanos);
    now += nanos;
  }

  synchronized void advance(long nanos) {
    now += nanos;
  }
}
