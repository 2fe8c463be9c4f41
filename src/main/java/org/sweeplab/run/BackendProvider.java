package org.sweeplab.run;

import org.sweeplab.spec.BackendKind;
import org.sweeplab.spec.SweepSpec;

/**
 * Makes the backend of one {@code execution.backend} kind other than {@code local}, found with
 * {@link java.util.ServiceLoader}: list the implementing class in {@code
 * META-INF/services/org.sweeplab.run.BackendProvider} of its jar (the Spark backend does, in the
 * {@code -Pspark} build). It needs a public no-argument constructor and must not touch its engine's
 * classes before {@link #create}, so that it can be listed where the engine is missing.
 */
public interface BackendProvider {
  /** The {@code execution.backend} value this provider serves. */
  BackendKind kind();

  /**
   * The backend for this spec, running each run with the per-run settings of {@code perRun}
   * (timeout, retries, cost cap, rate limit, run folders).
   *
   * @throws IllegalArgumentException when the backend's engine cannot be used here
   */
  Backend create(SweepSpec spec, LocalBackend perRun);
}
