package org.sweeplab.figures;

import java.nio.file.Path;
import java.util.Locale;
import org.sweeplab.analysis.Runs;

/**
 * The metric a report or a figure shows: the one the user named, or by default the first numeric
 * metric.
 *
 * <p>The default follows the output folder's column roles: the first column of {@code summary.json}
 * whose role is {@code metric} and whose type is {@code integer}, {@code long} or {@code double}.
 * Without a summary (a CSV from another tool) it is the first of {@link Runs#metrics()} whose
 * column is numeric.
 *
 * @param metric the metric column
 * @param source how it was chosen
 */
public record MetricChoice(String metric, Source source) {

  /** How the metric was chosen. */
  public enum Source {
    /** Named by the user ({@code --metric}). */
    GIVEN,
    /** The first numeric metric of the output folder's summary.json. */
    SUMMARY,
    /** The first numeric metric column of the table (no summary.json). */
    TABLE
  }

  /**
   * @param runs the runs
   * @param input the output folder or CSV file the runs came from (for its summary.json), or null
   * @param given the metric the user named, or null for the default
   * @throws IllegalArgumentException if the given metric is absent, or there is no numeric metric
   *     to default to
   */
  public static MetricChoice of(Runs runs, Path input, String given) {
    if (given != null) {
      return new MetricChoice(runs.metric(given), Source.GIVEN);
    }
    // The metrics come from the folder's schema when it has one (its summary.json), else from the
    // table.
    for (String m : runs.metrics()) {
      if (runs.isNumeric(m)) {
        return new MetricChoice(m, runs.schema() != null ? Source.SUMMARY : Source.TABLE);
      }
    }
    throw new IllegalArgumentException(
        String.format(
            Locale.ROOT,
            "Table %s has no numeric metric column (metrics: %s); name one with --metric; columns are %s",
            runs.name(),
            runs.metrics(),
            runs.columnNames()));
  }

  /**
   * One line saying which metric and why, e.g. "metric: score (the first numeric metric; choose
   * with --metric)".
   */
  public String describe() {
    return switch (source) {
      case GIVEN -> "metric: " + metric;
      case SUMMARY, TABLE ->
          "metric: " + metric + " (the first numeric metric; choose another with --metric)";
    };
  }
}
