package org.sweeplab.spec;

import java.util.Locale;

/** Where a sweep's runs execute ({@code execution.backend}). */
public enum BackendKind {
  /** Threads on this machine (the default). */
  LOCAL,
  /** An Apache Spark cluster, or Spark in local mode; needs Spark on the classpath. */
  SPARK;

  /** The spec's spelling: {@code local} or {@code spark}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The kind with this label.
   *
   * @throws IllegalArgumentException for an unknown label, naming the valid ones
   */
  public static BackendKind fromLabel(String label) {
    for (BackendKind k : values()) {
      if (k.label().equals(label)) {
        return k;
      }
    }
    throw new IllegalArgumentException(
        "unknown backend '" + label + "'; valid backends are local, spark");
  }
}
