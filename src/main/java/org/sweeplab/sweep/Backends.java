package org.sweeplab.sweep;

import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.sweeplab.run.Backend;
import org.sweeplab.run.BackendProvider;
import org.sweeplab.run.LocalBackend;
import org.sweeplab.spec.BackendKind;
import org.sweeplab.spec.SweepSpec;

/**
 * Finds the optional backends through {@link BackendProvider} services. The Spark backend lives in
 * its own source root, compiled only with the Maven profile {@code spark}, so sweeplab's core has
 * no compile-time dependency on Spark; its jar lists it in {@code
 * META-INF/services/org.sweeplab.run.BackendProvider}.
 */
final class Backends {
  private static final String NO_SPARK =
      "the spark backend needs Apache Spark on the classpath: build with -Pspark"
          + " (./mvnw -Pspark package) and start sweeplab with spark-submit (see docs/cluster.md), or set"
          + " execution.backend: local";

  private Backends() {}

  /**
   * The Spark backend for this spec, running each run with the per-run settings of {@code perRun}
   * (timeout, retries, cost cap, run folders).
   *
   * @throws IllegalArgumentException when Spark or the Spark backend is not on the classpath
   */
  static Backend spark(SweepSpec spec, LocalBackend perRun) {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    if (loader == null) {
      loader = Backends.class.getClassLoader();
    }
    try {
      Class.forName("org.apache.spark.SparkContext", false, loader);
    } catch (ClassNotFoundException | LinkageError e) {
      throw new IllegalArgumentException(
          NO_SPARK + " (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", e);
    }
    BackendProvider provider = provider(BackendKind.SPARK, loader);
    if (provider == null) {
      throw new IllegalArgumentException(
          NO_SPARK
              + " (no "
              + BackendProvider.class.getName()
              + " for spark is"
              + " listed in META-INF/services: the jar was built without -Pspark)");
    }
    return provider.create(spec, perRun);
  }

  /** The first provider of this kind that the loader (or sweeplab's own) lists, null when none. */
  private static BackendProvider provider(BackendKind kind, ClassLoader loader) {
    ClassLoader own = Backends.class.getClassLoader();
    for (ClassLoader l :
        loader == own ? new ClassLoader[] {own} : new ClassLoader[] {loader, own}) {
      try {
        for (BackendProvider p : ServiceLoader.load(BackendProvider.class, l)) {
          if (p.kind() == kind) {
            return p;
          }
        }
      } catch (ServiceConfigurationError e) {
        // A listed provider that cannot be loaded here counts as missing.
      }
    }
    return null;
  }
}
