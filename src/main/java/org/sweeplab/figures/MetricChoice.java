package org.sweeplab.figures;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.sweeplab.analysis.Runs;
import tech.tablesaw.api.NumericColumn;

/**
 * The metric a report or a figure shows: the one the user named, or by default the first numeric metric.
 *
 * <p>The default follows the output folder's column roles: the first column of {@code summary.json} whose role
 * is {@code metric} and whose type is {@code integer}, {@code long} or {@code double}. Without a summary (a CSV
 * from another tool) it is the first of {@link Runs#metrics()} whose column is numeric.
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

    private static final Set<String> NUMERIC_TYPES = Set.of("integer", "long", "double");

    /**
     * @param runs  the runs
     * @param input the output folder or CSV file the runs came from (for its summary.json), or null
     * @param given the metric the user named, or null for the default
     * @throws IllegalArgumentException if the given metric is absent, or there is no numeric metric to default to
     */
    public static MetricChoice of(Runs runs, Path input, String given) {
        if (given != null) {
            return new MetricChoice(runs.metric(given), Source.GIVEN);
        }
        List<String> tableColumns = runs.table().columnNames();
        for (String m : summaryMetrics(input)) {
            if (tableColumns.contains(m) && runs.table().column(m) instanceof NumericColumn<?>) {
                return new MetricChoice(m, Source.SUMMARY);
            }
        }
        for (String m : runs.metrics()) {
            if (runs.table().column(m) instanceof NumericColumn<?>) {
                return new MetricChoice(m, Source.TABLE);
            }
        }
        throw new IllegalArgumentException(String.format(Locale.ROOT,
                "Table %s has no numeric metric column (metrics: %s); name one with --metric; columns are %s",
                runs.table().name(), runs.metrics(), tableColumns));
    }

    /** One line saying which metric and why, e.g. "metric: score (the first numeric metric; choose with --metric)". */
    public String describe() {
        return switch (source) {
            case GIVEN -> "metric: " + metric;
            case SUMMARY, TABLE -> "metric: " + metric + " (the first numeric metric; choose another with --metric)";
        };
    }

    /** The numeric metric columns of summary.json beside the input, in order; empty without one. */
    static List<String> summaryMetrics(Path input) {
        if (input == null) {
            return List.of();
        }
        Path summary = Files.isDirectory(input) ? input.resolve("summary.json")
                : input.toAbsolutePath().resolveSibling("summary.json");
        if (!Files.isRegularFile(summary)) {
            return List.of();
        }
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(summary.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + summary, e);
        }
        List<String> out = new ArrayList<>();
        for (JsonNode c : root.path("columns")) {
            if ("metric".equals(c.path("role").asText()) && NUMERIC_TYPES.contains(c.path("type").asText())) {
                out.add(c.path("name").asText());
            }
        }
        return out;
    }
}
