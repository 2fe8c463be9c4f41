package org.sweeplab.sweep;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import org.sweeplab.run.Backend;
import org.sweeplab.run.LocalBackend;
import org.sweeplab.spec.SweepSpec;

/**
 * Finds the optional backends. The Spark backend lives in its own source root, compiled only with the Maven profile
 * {@code spark}, so sweeplab's core has no compile-time dependency on Spark: it is looked up here by class name.
 */
final class Backends {
  /** The Spark backend's class; it has {@code static Backend of(SweepSpec, LocalBackend)}. */
  static final String SPARK_BACKEND = "org.sweeplab.spark.SparkBackend";

  private static final String NO_SPARK = "the spark backend needs Apache Spark on the classpath: build with -Pspark"
      + " (./mvnw -Pspark package) and start sweeplab with spark-submit (see docs/cluster.md), or set"
      + " execution.backend: local";

  private Backends() {}

  /**
   * The Spark backend for this spec, running each run with the per-run settings of {@code perRun} (timeout,
   * retries, cost cap, run folders).
   *
   * @throws IllegalArgumentException when Spark or the Spark backend is not on the classpath
   */
  static Backend spark(SweepSpec spec, LocalBackend perRun) {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    if (loader == null) {
      loader = Backends.class.getClassLoader();
    }
    Method of;
    try {
      Class.forName("org.apache.spark.SparkContext", false, loader);
      Class<?> c = Class.forName(SPARK_BACKEND, true, loader);
      of = c.getMethod("of", SweepSpec.class, LocalBackend.class);
    } catch (ClassNotFoundException | LinkageError | NoSuchMethodException e) {
      throw new IllegalArgumentException(NO_SPARK + " (" + e.getClass().getSimpleName() + ": " + e.getMessage()
          + ")", e);
    }
    try {
      return (Backend) of.invoke(null, spec, perRun);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException("the spark backend could not be created: " + e.getCause(), e.getCause());
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(SPARK_BACKEND + ".of is not accessible", e);
    }
  }
}
