package org.sweeplab.run;

/** Receives finished runs. Implementations must be thread-safe: workers call it concurrently. */
@FunctionalInterface
public interface RunSink {
  void accept(RunRecord record);
}
