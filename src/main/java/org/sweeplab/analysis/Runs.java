package org.sweeplab.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * A table of runs, one row per run, with the role of each column: grouping columns, metrics, status and its ok
 * value, cost and seed. Immutable; every {@code withX} returns a copy.
 *
 * <p>The defaults follow the engine's {@code results.csv} contract: group by {@code variation_id}, status in
 * {@code status} with ok value {@code ok}, cost in {@code cost}, seed in {@code seed}. Columns before the status
 * column other than {@code run_id, variation_id, replicate, seed} are parameters; columns between the status column
 * and the cost column are metrics. A table from another tool names its roles with the {@code withX} methods. A role
 * left at its default whose column is absent is treated as absent (no status: every run is ok; no cost: no cost
 * analysis; no seed: no pairing); a role named explicitly must exist.
 */
public final class Runs {
  /** The id columns of the contract, which are neither parameters nor metrics. */
  static final Set<String> ID_COLUMNS = Set.of("run_id", "variation_id", "replicate", "seed");
  /** The columns after the metrics in the contract. */
  static final Set<String> TRAILING_COLUMNS = Set.of("cost", "duration_ms", "error_type", "error_message");

  private final Table table;
  private final List<String> groups;
  private final List<String> metrics;
  private final List<String> parameters;
  private final String status;
  private final String okValue;
  private final String cost;
  private final String seed;
  private final String errorMessage;
  private final String errorType;

  private Runs(Table table, List<String> groups, List<String> metrics, List<String> parameters, String status,
      String okValue, String cost, String seed, String errorType, String errorMessage) {
    this.table = table;
    this.groups = List.copyOf(groups);
    this.metrics = List.copyOf(metrics);
    this.parameters = List.copyOf(parameters);
    this.status = status;
    this.okValue = okValue;
    this.cost = cost;
    this.seed = seed;
    this.errorType = errorType;
    this.errorMessage = errorMessage;
  }

  /**
   * @param table one row per run, with contract roles by default
   * @return the runs
   * @throws AnalysisException if the table has no rows
   */
  public static Runs of(Table table) {
    Objects.requireNonNull(table, "table");
    if (table.rowCount() == 0) {
      throw AnalysisException.of("Table %s has no rows; there is nothing to analyse", table.name());
    }
    Runs r = new Runs(table, List.of(), List.of(), List.of(), present(table, "status"), "ok",
        present(table, "cost"), present(table, "seed"), present(table, "error_type"), present(table, "error_message"));
    List<String> groups = table.columnNames().contains("variation_id") ? List.of("variation_id") : List.of();
    return r.copy(groups, r.inferMetrics(), r.inferParameters(), r.status, r.okValue, r.cost, r.seed);
  }

  /**
   * Reads a CSV file, or {@code DIR/results.csv} when given an output folder.
   *
   * @param path a CSV file or an output folder
   * @return the runs, with contract roles
   * @throws AnalysisException if neither the file nor {@code DIR/results.csv} exists
   * @throws UncheckedIOException if the file cannot be read
   */
  public static Runs read(Path path) {
    Path file = Files.isDirectory(path) ? path.resolve("results.csv") : path;
    if (!Files.isRegularFile(file)) {
      throw AnalysisException.of("No results file at %s; give a CSV file or an output folder holding results.csv",
          file);
    }
    try {
      CsvReadOptions options = CsvReadOptions.builder(file.toFile()).tableName(file.getFileName().toString())
          .maxCharsPerColumn(1 << 16).build();
      return of(Table.read().usingOptions(options));
    } catch (tech.tablesaw.io.RuntimeIOException e) {
      throw new UncheckedIOException("Cannot read " + file, new IOException(e.getMessage(), e));
    }
  }

  /** @return a copy grouped by these columns (a variation id, or any set of parameters) */
  public Runs withGroups(String... columns) {
    return withGroups(List.of(columns));
  }

  /** @return a copy grouped by these columns (a variation id, or any set of parameters) */
  public Runs withGroups(List<String> columns) {
    if (columns.isEmpty()) {
      throw AnalysisException.of("No group columns given for table %s; name at least one", table.name());
    }
    columns.forEach(this::require);
    return copy(columns, metrics, parameters, status, okValue, cost, seed);
  }

  /** @return a copy whose metric columns are these, in this order */
  public Runs withMetrics(String... columns) {
    List<String> list = List.of(columns);
    list.forEach(this::require);
    return copy(groups, list, parameters, status, okValue, cost, seed);
  }

  /** @return a copy whose parameter columns (for pattern detection and comparisons) are these */
  public Runs withParameters(String... columns) {
    List<String> list = List.of(columns);
    list.forEach(this::require);
    return copy(groups, metrics, list, status, okValue, cost, seed);
  }

  /** @return a copy whose status is in {@code column} and whose successful runs hold {@code ok} */
  public Runs withStatus(String column, String ok) {
    require(column);
    return copy(groups, metrics, parameters, column, Objects.requireNonNull(ok, "ok"), cost, seed);
  }

  /** @return a copy whose cost is in {@code column} */
  public Runs withCost(String column) {
    require(column);
    return copy(groups, metrics, parameters, status, okValue, column, seed);
  }

  /** @return a copy whose seed is in {@code column} */
  public Runs withSeed(String column) {
    require(column);
    return copy(groups, metrics, parameters, status, okValue, cost, column);
  }

  public Table table() {
    return table;
  }

  public int rowCount() {
    return table.rowCount();
  }

  /** @return the grouping columns; empty when the table has no {@code variation_id} and none was given */
  public List<String> groups() {
    return groups;
  }

  public List<String> metrics() {
    return metrics;
  }

  public List<String> parameters() {
    return parameters;
  }

  /** @return the status column, or null when there is none (every run is ok) */
  public String statusColumn() {
    return status;
  }

  public String okValue() {
    return okValue;
  }

  /** @return the cost column, or null */
  public String costColumn() {
    return cost;
  }

  /** @return the seed column, or null */
  public String seedColumn() {
    return seed;
  }

  /** @return the error message column, or null */
  public String errorMessageColumn() {
    return errorMessage;
  }

  /** @return the error type column, or null */
  public String errorTypeColumn() {
    return errorType;
  }

  /**
   * @param metric a metric name, or null for the first metric
   * @return the metric column name, checked
   * @throws AnalysisException if the metric is absent, or null is given and there is no metric
   */
  public String metric(String metric) {
    if (metric == null) {
      if (metrics.isEmpty()) {
        throw AnalysisException.of("Table %s has no metric column; name one with withMetrics or --metric; columns"
            + " are %s", table.name(), table.columnNames());
      }
      return metrics.get(0);
    }
    require(metric);
    return metric;
  }

  /** @return the grouping columns, checked to be non-empty */
  List<String> requireGroups() {
    if (groups.isEmpty()) {
      throw AnalysisException.of("Table %s has no variation_id column; name the group columns with withGroups or"
          + " --by; columns are %s", table.name(), table.columnNames());
    }
    return groups;
  }

  /** @return per row, whether the run is ok */
  boolean[] ok() {
    boolean[] ok = new boolean[table.rowCount()];
    if (status == null) {
      java.util.Arrays.fill(ok, true);
      return ok;
    }
    String[] s = text(status);
    for (int i = 0; i < ok.length; i++) {
      ok[i] = okValue.equals(s[i]);
    }
    return ok;
  }

  /** @return per row, the status text ({@code ok} for every row when there is no status column) */
  String[] statuses() {
    if (status == null) {
      String[] s = new String[table.rowCount()];
      java.util.Arrays.fill(s, okValue);
      return s;
    }
    return text(status);
  }

  /**
   * @return per row, the column as a double: NaN when missing; strings are parsed, booleans are 1 or 0
   * @throws AnalysisException if a string cell is not a number
   */
  double[] numeric(String name) {
    Column<?> c = column(name);
    double[] v = new double[table.rowCount()];
    for (int i = 0; i < v.length; i++) {
      if (c.isMissing(i)) {
        v[i] = Double.NaN;
      } else if (c instanceof NumericColumn<?> n) {
        v[i] = n.getDouble(i);
      } else if (c instanceof BooleanColumn b) {
        v[i] = b.get(i) ? 1 : 0;
      } else {
        String s = c.getUnformattedString(i).trim();
        try {
          v[i] = s.isEmpty() ? Double.NaN : Double.parseDouble(s);
        } catch (NumberFormatException e) {
          throw AnalysisException.of("Column '%s' of table %s holds '%s' at row %d, which is not a number", name,
              table.name(), s, i + 1);
        }
      }
    }
    return v;
  }

  /** @return per row, the cell as text; the empty string when missing */
  String[] text(String name) {
    Column<?> c = column(name);
    String[] v = new String[table.rowCount()];
    for (int i = 0; i < v.length; i++) {
      v[i] = c.isMissing(i) ? "" : c.getUnformattedString(i);
    }
    return v;
  }

  /** @return whether the column holds numbers (and so has an order) */
  boolean isNumeric(String name) {
    return column(name) instanceof NumericColumn<?>;
  }

  Column<?> column(String name) {
    require(name);
    return table.column(name);
  }

  private void require(String name) {
    if (!table.columnNames().contains(name)) {
      throw AnalysisException.of("Column '%s' is not present in table %s; columns are %s", name, table.name(),
          table.columnNames());
    }
  }

  private static String present(Table t, String name) {
    return t.columnNames().contains(name) ? name : null;
  }

  private List<String> inferMetrics() {
    List<String> names = table.columnNames();
    List<String> out = new ArrayList<>();
    if (status == null) {
      return out;
    }
    for (int i = names.indexOf(status) + 1; i < names.size(); i++) {
      if (names.get(i).equals(cost) || TRAILING_COLUMNS.contains(names.get(i))) {
        break;
      }
      out.add(names.get(i));
    }
    return out;
  }

  private List<String> inferParameters() {
    List<String> names = table.columnNames();
    int end = status == null ? names.size() : names.indexOf(status);
    List<String> out = new ArrayList<>();
    for (String n : names.subList(0, end)) {
      if (!ID_COLUMNS.contains(n) && !TRAILING_COLUMNS.contains(n) && !metrics.contains(n)) {
        out.add(n);
      }
    }
    return out;
  }

  private Runs copy(List<String> g, List<String> m, List<String> p, String st, String ok, String c, String s) {
    Runs r = new Runs(table, g, m, p, st, ok, c, s, errorType, errorMessage);
    return r;
  }
}
