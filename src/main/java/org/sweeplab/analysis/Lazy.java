package org.sweeplab.analysis;

import java.util.function.Supplier;

/**
 * A value made on first use and kept: for views of immutable results that more than one reader asks
 * for (the report's data files and its model both read a 100,000-row ranking table). Two threads
 * asking at once may both make it; each gets an equal value. Internal.
 */
final class Lazy<T> {
  private final Supplier<T> make;
  private volatile T value;

  Lazy(Supplier<T> make) {
    this.make = make;
  }

  T get() {
    T v = value;
    if (v == null) {
      v = make.get();
      value = v;
    }
    return v;
  }
}
