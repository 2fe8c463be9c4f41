package org.sweeplab.spec;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A file format of a sweep's table of runs ({@code output.formats}). {@code results.csv} is always
 * written (resume, merge and {@code analyze} read it); {@code parquet} adds {@code results.parquet}
 * with the same rows and typed columns.
 */
public enum OutputFormat {
  /** {@code results.csv}. */
  CSV,
  /**
   * {@code results.parquet}: columns typed from the results contract (string, int32, int64, double,
   * boolean).
   */
  PARQUET;

  /**
   * @return the label used in the spec, {@code csv} or {@code parquet}
   */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * @return the labels of every format, for messages
   */
  public static String labels() {
    return Arrays.stream(values()).map(OutputFormat::label).collect(Collectors.joining(", "));
  }
}
