package org.sweeplab.analysis;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.sweeplab.results.ColumnRole;
import org.sweeplab.results.ResultColumn;
import org.sweeplab.results.ResultsContract;
import tech.tablesaw.api.Table;

/**
 * The runs of a sweep as an immutable columnar table, with the role of each column: grouping
 * columns, metrics, parameters, status and its ok value, cost and seed. Numbers are held as
 * primitive arrays, text as int codes into a small dictionary: no object per row. Every {@code
 * withX} returns a copy that shares the columns.
 *
 * <p>Roles. A sweep folder's roles come from the schema in its {@code summary.json} (the results
 * contract). Any other table follows the contract's names where it has them: group by {@code
 * variation_id}, status in {@code status} with ok value {@code ok}, cost in {@code cost}, seed in
 * {@code seed}; its metrics are the columns after the status column up to the first of {@code cost,
 * duration_ms, error_type, error_message}; its parameters are the columns that have no other role.
 * A role left at its default whose column is absent is treated as absent (no status: every run is
 * ok; no cost: no cost analysis; no seed: no pairing); a role named explicitly must exist. Naming a
 * role (a status column, a variation column, the metrics) infers the others anew around it.
 *
 * <p>Cells: an empty cell is missing (NaN as a number). Text in a numeric column (a metric {@code
 * timeout} in a failed run) is kept as text; it is an error only where a number is needed, that is
 * in an ok run's metric.
 */
public final class Runs {
  private final String name;
  private final List<RunColumn> columns;
  private final Map<String, RunColumn> byName;
  private final int rows;
  private final List<ResultColumn> schema;
  private final Roles roles;
  private Table view;
  private boolean[] okRows;
  private Map<String, List<String>> variationParameters;

  /**
   * The roles; null fields are absent, and inferred lists are recomputed when another role is
   * named.
   */
  private record Roles(
      List<String> groups,
      boolean groupsAreIds,
      List<String> metrics,
      boolean metricsGiven,
      List<String> parameters,
      boolean parametersGiven,
      String status,
      String okValue,
      String cost,
      String seed) {}

  private Runs(
      String name,
      List<RunColumn> columns,
      Map<String, RunColumn> byName,
      List<ResultColumn> schema,
      Roles roles) {
    this.name = name;
    this.columns = columns;
    this.byName = byName;
    this.rows = columns.isEmpty() ? 0 : columns.get(0).size();
    this.schema = schema;
    this.roles = infer(roles);
  }

  /**
   * @param name the table's name, used in messages
   * @param columns the columns, all of one length
   * @param schema the folder's schema, or null to infer roles
   */
  static Runs of(String name, List<RunColumn> columns, List<ResultColumn> schema) {
    Map<String, RunColumn> byName = new HashMap<>();
    for (RunColumn c : columns) {
      byName.put(c.name(), c);
    }
    if (columns.isEmpty() || columns.get(0).size() == 0) {
      throw AnalysisException.of("Table %s has no rows; there is nothing to analyse", name);
    }
    String status = null;
    String cost = null;
    List<String> metrics = List.of();
    List<String> parameters = List.of();
    boolean fromSchema = schema != null;
    if (fromSchema) {
      metrics = names(schema, ColumnRole.METRIC);
      parameters = names(schema, ColumnRole.PARAMETER);
      List<String> s = names(schema, ColumnRole.STATUS);
      List<String> c = names(schema, ColumnRole.COST);
      status = s.isEmpty() ? null : s.get(0);
      cost = c.isEmpty() ? null : c.get(0);
    } else {
      status = byName.containsKey(ResultsContract.STATUS) ? ResultsContract.STATUS : null;
      cost = byName.containsKey(ResultsContract.COST) ? ResultsContract.COST : null;
    }
    String seed = byName.containsKey(ResultsContract.SEED) ? ResultsContract.SEED : null;
    List<String> groups =
        byName.containsKey(ResultsContract.VARIATION_ID)
            ? List.of(ResultsContract.VARIATION_ID)
            : List.of();
    return new Runs(
        name,
        List.copyOf(columns),
        byName,
        schema,
        new Roles(
            groups,
            true,
            metrics,
            fromSchema,
            parameters,
            fromSchema,
            status,
            ResultsContract.OK,
            cost,
            seed));
  }

  /**
   * @param table one row per run, with contract roles by default
   * @return the runs, converted to columns (the table is not kept)
   * @throws AnalysisException if the table has no rows
   */
  public static Runs of(Table table) {
    Objects.requireNonNull(table, "table");
    return of(table.name(), TableColumns.from(table), null);
  }

  /**
   * Reads a CSV file, or {@code DIR/results.csv} when given an output folder; see {@link
   * RunsReader}.
   *
   * @param path a CSV file or an output folder
   * @return the runs
   * @throws AnalysisException if neither the file nor {@code DIR/results.csv} exists, or a row is
   *     ragged
   * @throws java.io.UncheckedIOException if the file cannot be read
   */
  public static Runs read(Path path) {
    return RunsReader.withDefaults().read(path);
  }

  private Runs copy(Roles r) {
    return new Runs(name, columns, byName, schema, r);
  }

  /**
   * @return a copy grouped by these columns (any set of parameters); the parameters stay as they
   *     are
   */
  public Runs withGroups(String... columns) {
    return withGroups(List.of(columns));
  }

  /**
   * @return a copy grouped by these columns (any set of parameters); the parameters stay as they
   *     are
   */
  public Runs withGroups(List<String> columns) {
    if (columns.isEmpty()) {
      throw AnalysisException.of("No group columns given for table %s; name at least one", name);
    }
    columns.forEach(this::require);
    Roles r = roles;
    return copy(
        new Roles(
            List.copyOf(columns),
            false,
            r.metrics,
            r.metricsGiven,
            r.parameters,
            r.parametersGiven,
            r.status,
            r.okValue,
            r.cost,
            r.seed));
  }

  /**
   * @param column the column that identifies a variation in a table from another tool (as {@code
   *     variation_id} does): runs are grouped by it, and it is not a parameter
   * @return the copy
   */
  public Runs withVariationColumn(String column) {
    require(column);
    Roles r = roles;
    return copy(
        new Roles(
            List.of(column),
            true,
            r.metrics,
            r.metricsGiven,
            r.parameters,
            r.parametersGiven,
            r.status,
            r.okValue,
            r.cost,
            r.seed));
  }

  /**
   * @return a copy whose metric columns are these, in this order
   */
  public Runs withMetrics(String... columns) {
    List<String> list = List.of(columns);
    list.forEach(this::require);
    Roles r = roles;
    return copy(
        new Roles(
            r.groups,
            r.groupsAreIds,
            list,
            true,
            r.parameters,
            r.parametersGiven,
            r.status,
            r.okValue,
            r.cost,
            r.seed));
  }

  /**
   * @return a copy whose parameter columns (for pattern detection and comparisons) are these
   */
  public Runs withParameters(String... columns) {
    List<String> list = List.of(columns);
    list.forEach(this::require);
    Roles r = roles;
    return copy(
        new Roles(
            r.groups,
            r.groupsAreIds,
            r.metrics,
            r.metricsGiven,
            list,
            true,
            r.status,
            r.okValue,
            r.cost,
            r.seed));
  }

  /**
   * @return a copy whose status is in {@code column} and whose successful runs hold {@code ok}
   */
  public Runs withStatus(String column, String ok) {
    require(column);
    Objects.requireNonNull(ok, "ok");
    Roles r = roles;
    return copy(
        new Roles(
            r.groups,
            r.groupsAreIds,
            r.metrics,
            r.metricsGiven,
            r.parameters,
            r.parametersGiven,
            column,
            ok,
            r.cost,
            r.seed));
  }

  /**
   * @return a copy whose cost is in {@code column}
   */
  public Runs withCost(String column) {
    require(column);
    Roles r = roles;
    return copy(
        new Roles(
            r.groups,
            r.groupsAreIds,
            r.metrics,
            r.metricsGiven,
            r.parameters,
            r.parametersGiven,
            r.status,
            r.okValue,
            column,
            r.seed));
  }

  /**
   * @return a copy whose seed is in {@code column}
   */
  public Runs withSeed(String column) {
    require(column);
    Roles r = roles;
    return copy(
        new Roles(
            r.groups,
            r.groupsAreIds,
            r.metrics,
            r.metricsGiven,
            r.parameters,
            r.parametersGiven,
            r.status,
            r.okValue,
            r.cost,
            column));
  }

  /**
   * @return the runs as a Tablesaw table, built on first use and then kept (for notebooks; the
   *     analysis does not need it): integers as int or long columns, numbers as double columns
   *     (text in them missing), text as string columns, booleans as boolean columns
   */
  public synchronized Table table() {
    if (view == null) {
      view = TableColumns.toTable(name, columns);
    }
    return view;
  }

  /**
   * @return the table's name: the file, or {@code folder/results.csv}
   */
  public String name() {
    return name;
  }

  public int rowCount() {
    return rows;
  }

  /**
   * @return every column name, in file order
   */
  public List<String> columnNames() {
    List<String> out = new ArrayList<>(columns.size());
    columns.forEach(c -> out.add(c.name()));
    return out;
  }

  /**
   * @return the schema of the folder's {@code summary.json}, or null for a table from elsewhere
   */
  public List<ResultColumn> schema() {
    return schema;
  }

  /**
   * @return the grouping columns; empty when the table has no {@code variation_id} and none was
   *     given
   */
  public List<String> groups() {
    return roles.groups;
  }

  public List<String> metrics() {
    return roles.metrics;
  }

  public List<String> parameters() {
    return roles.parameters;
  }

  /**
   * @return the status column, or null when there is none (every run is ok)
   */
  public String statusColumn() {
    return roles.status;
  }

  public String okValue() {
    return roles.okValue;
  }

  /**
   * @return the cost column, or null
   */
  public String costColumn() {
    return roles.cost;
  }

  /**
   * @return the seed column, or null
   */
  public String seedColumn() {
    return roles.seed;
  }

  /**
   * @return the error message column, or null
   */
  public String errorMessageColumn() {
    return byName.containsKey(ResultsContract.ERROR_MESSAGE) ? ResultsContract.ERROR_MESSAGE : null;
  }

  /**
   * @return the error type column, or null
   */
  public String errorTypeColumn() {
    return byName.containsKey(ResultsContract.ERROR_TYPE) ? ResultsContract.ERROR_TYPE : null;
  }

  /**
   * @param metric a metric name, or null for the first metric
   * @return the metric column name, checked
   * @throws AnalysisException if the metric is absent, or null is given and there is no metric
   */
  public String metric(String metric) {
    if (metric == null) {
      if (roles.metrics.isEmpty()) {
        throw AnalysisException.of(
            "Table %s has no metric column; name one with withMetrics or --metric; columns"
                + " are %s",
            name, columnNames());
      }
      return roles.metrics.get(0);
    }
    require(metric);
    return metric;
  }

  /**
   * @return the grouping columns, checked to be non-empty
   */
  List<String> requireGroups() {
    if (roles.groups.isEmpty()) {
      throw AnalysisException.of(
          "Table %s has no variation_id column; name the group columns with withGroups or"
              + " --by; columns are %s",
          name, columnNames());
    }
    return roles.groups;
  }

  /**
   * @return per row, whether the run is ok; computed once per set of roles and shared (do not
   *     modify)
   */
  synchronized boolean[] ok() {
    if (okRows == null) {
      okRows = computeOk();
    }
    return okRows;
  }

  private boolean[] computeOk() {
    boolean[] ok = new boolean[rows];
    if (roles.status == null) {
      Arrays.fill(ok, true);
      return ok;
    }
    RunColumn c = byName.get(roles.status);
    if (c instanceof CategoryColumn cat) {
      int okCode = Arrays.asList(cat.levels()).indexOf(roles.okValue);
      int[] codes = cat.rawCodes();
      for (int i = 0; i < rows; i++) {
        ok[i] = codes[i] == okCode && okCode >= 0;
      }
    } else {
      for (int i = 0; i < rows; i++) {
        ok[i] = roles.okValue.equals(c.text(i));
      }
    }
    return ok;
  }

  /**
   * @return per row, the column as a double: NaN when missing or not a number; booleans are 1 or 0.
   *     For a column of doubles this is the column's own array (no copy of millions of values):
   *     callers must not modify it
   * @throws AnalysisException if an ok run holds text that is not a number
   */
  double[] numeric(String column) {
    RunColumn c = column(column);
    double[] v;
    if (c instanceof NumberColumn n) {
      v = n.doubles();
      if (n.oddCount() > 0) {
        boolean[] ok = ok();
        for (int k = 0; k < n.oddCount(); k++) {
          if (ok[n.oddRow(k)]) {
            throw notNumber(column, n.oddText(k), n.oddRow(k));
          }
        }
      }
      return v;
    }
    CategoryColumn cat = (CategoryColumn) c;
    double[] levels = cat.levelNumbers();
    int[] codes = cat.rawCodes();
    v = new double[rows];
    boolean[] ok = null;
    for (int i = 0; i < rows; i++) {
      int code = codes[i];
      v[i] = code < 0 ? Double.NaN : levels[code];
      if (code >= 0 && cat.isNotNumber(i)) {
        ok = ok == null ? ok() : ok;
        if (ok[i]) {
          throw notNumber(column, cat.text(i), i);
        }
      }
    }
    return v;
  }

  private AnalysisException notNumber(String column, String text, int row) {
    return AnalysisException.of(
        "Column '%s' of table %s holds '%s' in an ok run at row %d, which is not a number;"
            + " only failed runs may leave a metric without a number",
        column, name, text, row + 1);
  }

  /**
   * @return per row, the column as longs ({@link NumberColumn#MISSING_LONG} when missing or not an
   *     integer)
   */
  long[] longs(String column) {
    RunColumn c = column(column);
    if (c instanceof NumberColumn n && n.isIntegral()) {
      return n.longs();
    }
    long[] out = new long[rows];
    for (int i = 0; i < rows; i++) {
      double d = c.number(i);
      out[i] = Double.isNaN(d) || d != Math.rint(d) ? NumberColumn.MISSING_LONG : (long) d;
    }
    return out;
  }

  /**
   * @return per row, the cell as text; the empty string when missing
   */
  String[] text(String column) {
    RunColumn c = column(column);
    String[] v = new String[rows];
    if (c instanceof CategoryColumn cat) {
      String[] levels = cat.levels();
      int[] codes = cat.rawCodes();
      for (int i = 0; i < rows; i++) {
        v[i] = codes[i] < 0 ? "" : levels[codes[i]];
      }
      return v;
    }
    for (int i = 0; i < rows; i++) {
      v[i] = c.text(i);
    }
    return v;
  }

  /**
   * @return per variation id, in order of first appearance, the values of the parameters (in {@link
   *     #parameters()} order) in its first run; empty when the table has no {@code variation_id}
   *     column or no parameters; computed once (the report's tables and figures each ask) and
   *     unmodifiable
   */
  public synchronized Map<String, List<String>> parameterValuesByVariation() {
    if (variationParameters == null) {
      variationParameters = java.util.Collections.unmodifiableMap(computeParameterValues());
    }
    return variationParameters;
  }

  private Map<String, List<String>> computeParameterValues() {
    Map<String, List<String>> out = new java.util.LinkedHashMap<>();
    if (!byName.containsKey(ResultsContract.VARIATION_ID) || roles.parameters.isEmpty()) {
      return out;
    }
    Grouping g = Grouping.of(this, List.of(ResultsContract.VARIATION_ID));
    List<RunColumn> params = roles.parameters.stream().map(byName::get).toList();
    for (int v = 0; v < g.size(); v++) {
      int row = g.firstRow(v);
      List<String> values = new ArrayList<>(params.size());
      for (RunColumn c : params) {
        values.add(c.text(row));
      }
      out.put(g.label(v), List.copyOf(values));
    }
    return out;
  }

  /**
   * @param column a column
   * @return how many distinct values it holds, the empty cell counting as one
   * @throws AnalysisException if the column is absent
   */
  public int distinctValues(String column) {
    return codes(column).size();
  }

  /**
   * @return the distinct values of a column as codes, in order of first appearance
   */
  RunColumn.Codes codes(String column) {
    return column(column).codes();
  }

  /**
   * @return whether the column holds numbers (and so has an order)
   * @throws AnalysisException if the column is absent
   */
  public boolean isNumeric(String column) {
    return column(column) instanceof NumberColumn;
  }

  RunColumn column(String column) {
    require(column);
    return byName.get(column);
  }

  private void require(String column) {
    if (!byName.containsKey(column)) {
      throw AnalysisException.of(
          "Column '%s' is not present in table %s; columns are %s", column, name, columnNames());
    }
  }

  private static List<String> names(List<ResultColumn> schema, ColumnRole role) {
    List<String> out = new ArrayList<>();
    for (ResultColumn c : schema) {
      if (c.role() == role) {
        out.add(c.name());
      }
    }
    return out;
  }

  /** Fills in the metrics and parameters that were not named, around the roles that were. */
  private Roles infer(Roles r) {
    List<String> names = columnNames();
    List<String> metrics = r.metrics;
    if (!r.metricsGiven) {
      metrics = new ArrayList<>();
      if (r.status != null) {
        for (int i = names.indexOf(r.status) + 1; i < names.size(); i++) {
          String n = names.get(i);
          if (n.equals(r.cost) || isTrailing(n)) {
            break;
          }
          if (!r.groups.contains(n) || !r.groupsAreIds) {
            metrics.add(n);
          }
        }
      }
    }
    List<String> parameters = r.parameters;
    if (!r.parametersGiven) {
      parameters = new ArrayList<>();
      for (String n : names) {
        boolean role =
            n.equals(r.status)
                || n.equals(r.cost)
                || n.equals(r.seed)
                || metrics.contains(n)
                || (r.groupsAreIds && r.groups.contains(n));
        if (!role && !ResultsContract.isReserved(n)) {
          parameters.add(n);
        }
      }
    } else {
      List<String> m = metrics;
      parameters = parameters.stream().filter(p -> !m.contains(p)).toList();
    }
    return new Roles(
        r.groups,
        r.groupsAreIds,
        List.copyOf(metrics),
        r.metricsGiven,
        List.copyOf(parameters),
        r.parametersGiven,
        r.status,
        r.okValue,
        r.cost,
        r.seed);
  }

  private static boolean isTrailing(String n) {
    for (ResultColumn c : ResultsContract.TRAILING) {
      if (c.name().equals(n)) {
        return true;
      }
    }
    return false;
  }
}
