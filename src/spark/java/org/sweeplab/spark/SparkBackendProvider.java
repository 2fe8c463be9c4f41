package org.sweeplab.spark;

import org.sweeplab.run.Backend;
import org.sweeplab.run.BackendProvider;
import org.sweeplab.run.LocalBackend;
import org.sweeplab.spec.BackendKind;
import org.sweeplab.spec.SweepSpec;

/**
 * Registers {@link SparkBackend} for {@code execution.backend: spark} (META-INF/services of the
 * -Pspark build).
 */
public final class SparkBackendProvider implements BackendProvider {
  @Override
  public BackendKind kind() {
    return BackendKind.SPARK;
  }

  @Override
  public Backend create(SweepSpec spec, LocalBackend perRun) {
    return SparkBackend.of(spec, perRun);
  }
}
