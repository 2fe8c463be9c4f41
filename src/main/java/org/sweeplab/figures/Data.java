package org.sweeplab.figures;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.math3.distribution.TDistribution;
import tech.tablesaw.api.NumberColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Reads the columns figures need from a results table, and computes means with confidence intervals.
 * Rows whose {@code status} column (if any) is not {@code ok}, or whose metric is missing, are left out.
 */
final class Data {

    static final String STATUS = "status";
    static final double CONFIDENCE = 0.95;

    private Data() {
    }

    /** A level's mean with its 95% t-interval; the interval collapses onto the mean when n &lt; 2. */
    record Summary(String level, int n, double mean, double sd, double low, double high) {
        double halfWidth() {
            return (high - low) / 2;
        }
    }

    static void require(Table table, String... columns) {
        for (String c : columns) {
            if (c == null || !table.containsColumn(c)) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "Column %s is not present in table %s (columns: %s)", c, table.name(), table.columnNames()));
            }
        }
    }

    static NumberColumn<?, ?> numeric(Table table, String column) {
        require(table, column);
        if (!(table.column(column) instanceof NumberColumn<?, ?> n)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "Column %s of table %s is %s, not numeric", column, table.name(), table.column(column).type()));
        }
        return n;
    }

    /** The row indexes with status ok (when the table has a status column) and every given metric present. */
    static List<Integer> okRows(Table table, String... metrics) {
        List<NumberColumn<?, ?>> cols = new ArrayList<>();
        for (String m : metrics) {
            cols.add(numeric(table, m));
        }
        Column<?> status = table.containsColumn(STATUS) ? table.column(STATUS) : null;
        List<Integer> rows = new ArrayList<>();
        for (int r = 0; r < table.rowCount(); r++) {
            if (status != null && !"ok".equals(status.getString(r))) {
                continue;
            }
            boolean present = true;
            for (NumberColumn<?, ?> c : cols) {
                present &= !c.isMissing(r) && Double.isFinite(c.getDouble(r));
            }
            if (present) {
                rows.add(r);
            }
        }
        return rows;
    }

    /** The distinct values of a column over the rows: numeric columns by value, others as first seen. */
    static List<String> levels(Table table, String column, List<Integer> rows) {
        require(table, column);
        Column<?> col = table.column(column);
        Map<String, Double> seen = new LinkedHashMap<>();
        for (int r : rows) {
            String key = col.getString(r);
            double order = col instanceof NumberColumn<?, ?> n && !n.isMissing(r) ? n.getDouble(r) : seen.size();
            seen.putIfAbsent(key, order);
        }
        List<String> out = new ArrayList<>(seen.keySet());
        if (col instanceof NumberColumn) {
            out.sort(Comparator.comparingDouble(seen::get));
        }
        return out;
    }

    /** The metric's values per level of a group column, levels ordered as {@link #levels}. */
    static Map<String, double[]> groupValues(Table table, String metric, String group) {
        List<Integer> rows = okRows(table, metric);
        NumberColumn<?, ?> m = numeric(table, metric);
        Column<?> g = table.column(group);
        Map<String, List<Double>> lists = new LinkedHashMap<>();
        for (String level : levels(table, group, rows)) {
            lists.put(level, new ArrayList<>());
        }
        for (int r : rows) {
            lists.get(g.getString(r)).add(m.getDouble(r));
        }
        Map<String, double[]> out = new LinkedHashMap<>();
        lists.forEach((k, v) -> out.put(k, v.stream().mapToDouble(Double::doubleValue).toArray()));
        return out;
    }

    static Summary summarize(String level, double[] values) {
        int n = values.length;
        if (n == 0) {
            return new Summary(level, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double mean = 0;
        for (double v : values) {
            mean += v;
        }
        mean /= n;
        if (n < 2) {
            return new Summary(level, 1, mean, Double.NaN, mean, mean);
        }
        double ss = 0;
        for (double v : values) {
            ss += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(ss / (n - 1));
        double half = tQuantile(n - 1) * sd / Math.sqrt(n);
        return new Summary(level, n, mean, sd, mean - half, mean + half);
    }

    static double tQuantile(int degreesOfFreedom) {
        return new TDistribution(degreesOfFreedom).inverseCumulativeProbability(0.5 + CONFIDENCE / 2);
    }

    static List<Summary> summarizeGroups(Table table, String metric, String group) {
        List<Summary> out = new ArrayList<>();
        groupValues(table, metric, group).forEach((level, values) -> out.add(summarize(level, values)));
        return out;
    }

    /** A title of the form "metric by group", or the one given. */
    static String title(String given, String fallback) {
        return given != null ? given : fallback;
    }
}
