package org.sweeplab.analysis;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.objects.Object2IntLinkedOpenHashMap;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.sweeplab.results.ColumnRole;
import org.sweeplab.results.ColumnType;
import org.sweeplab.results.ResultColumn;
import org.sweeplab.results.ResultsContract;

/**
 * The runs of several sweeps as one table, for analysing a baseline against a new version: a {@code
 * sweep} column names where each run came from (a parameter, so it can be grouped by, {@code --by
 * sweep}, and pattern detection sees it), and {@code variation_id} becomes {@code SWEEP/var-0001}
 * so variations of different folders stay apart. The folders may come from different specs: a
 * parameter one of them lacks is empty in its runs. Their metric columns must agree (the same
 * names), or there is nothing to compare. Internal; {@link AnalysisOptions#runs} calls it.
 */
final class RunsUnion {
  /** The column that names each run's sweep. */
  static final String SWEEP = "sweep";

  private RunsUnion() {}

  /**
   * @param labels the name of each sweep (distinct), in order
   * @param parts the runs of each sweep
   * @throws AnalysisException if the metric columns differ, or a sweep already has a column {@code
   *     sweep}
   */
  static Runs of(List<String> labels, List<Runs> parts) {
    Runs first = parts.get(0);
    for (int p = 1; p < parts.size(); p++) {
      if (!Set.copyOf(parts.get(p).metrics()).equals(Set.copyOf(first.metrics()))) {
        throw AnalysisException.of(
            "The folders do not share their metric columns: %s has %s, %s has %s; analyse"
                + " folders whose runs report the same metrics",
            labels.get(0), first.metrics(), labels.get(p), parts.get(p).metrics());
      }
    }
    for (int p = 0; p < parts.size(); p++) {
      if (parts.get(p).columnNames().contains(SWEEP)) {
        throw AnalysisException.of(
            "%s already has a column '%s', which the analysis of several folders adds;"
                + " rename it in that folder's results",
            labels.get(p), SWEEP);
      }
    }
    List<String> leading = new ArrayList<>();
    LinkedHashSet<String> parameters = new LinkedHashSet<>();
    LinkedHashSet<String> trailing = new LinkedHashSet<>();
    for (Runs r : parts) {
      for (String n : r.columnNames()) {
        if (ResultsContract.LEADING.stream().anyMatch(c -> c.name().equals(n))
            && !leading.contains(n)) {
          leading.add(n);
        } else if (r.parameters().contains(n)) {
          parameters.add(n);
        } else if (!n.equals(r.statusColumn())
            && !r.metrics().contains(n)
            && ResultsContract.LEADING.stream().noneMatch(c -> c.name().equals(n))) {
          trailing.add(n);
        }
      }
    }
    List<String> order = new ArrayList<>(leading);
    order.add(SWEEP);
    order.addAll(parameters);
    if (first.statusColumn() != null) {
      order.add(first.statusColumn());
    }
    order.addAll(first.metrics());
    trailing.removeAll(order);
    order.addAll(trailing);
    int rows = parts.stream().mapToInt(Runs::rowCount).sum();
    List<RunColumn> columns = new ArrayList<>();
    for (String name : order) {
      columns.add(
          name.equals(SWEEP)
              ? sweepColumn(labels, parts, rows)
              : concat(name, labels, parts, rows));
    }
    boolean schemas = parts.stream().allMatch(r -> r.schema() != null);
    List<ResultColumn> schema = null;
    if (schemas) {
      schema = new ArrayList<>();
      for (RunColumn c : columns) {
        schema.add(new ResultColumn(c.name(), c.type(), role(c.name(), parts)));
      }
    }
    return Runs.of(String.join(" + ", labels), columns, schema);
  }

  private static ColumnRole role(String name, List<Runs> parts) {
    if (name.equals(SWEEP)) {
      return ColumnRole.PARAMETER;
    }
    for (Runs r : parts) {
      for (ResultColumn c : r.schema()) {
        if (c.name().equals(name)) {
          return c.role();
        }
      }
    }
    return ColumnRole.PARAMETER;
  }

  private static RunColumn sweepColumn(List<String> labels, List<Runs> parts, int rows) {
    int[] codes = new int[rows];
    int at = 0;
    for (int p = 0; p < parts.size(); p++) {
      for (int i = 0; i < parts.get(p).rowCount(); i++) {
        codes[at++] = p;
      }
    }
    return new CategoryColumn(SWEEP, ColumnType.STRING, codes, labels.toArray(String[]::new));
  }

  private static RunColumn concat(String name, List<String> labels, List<Runs> parts, int rows) {
    List<RunColumn> of = new ArrayList<>();
    boolean numbers = true;
    boolean integral = true;
    boolean booleans = true;
    ColumnType type = null;
    for (Runs r : parts) {
      RunColumn c = r.columnNames().contains(name) ? r.column(name) : null;
      of.add(c);
      if (c != null) {
        type = type == null ? c.type() : type;
        numbers &= c instanceof NumberColumn;
        integral &= c instanceof NumberColumn n && n.isIntegral();
        booleans &= c.type() == ColumnType.BOOLEAN;
      }
    }
    boolean ids = name.equals(ResultsContract.VARIATION_ID);
    IntArrayList oddRows = new IntArrayList();
    List<String> oddTexts = new ArrayList<>();
    if (numbers && !ids) {
      long[] longs = integral ? new long[rows] : null;
      double[] doubles = integral ? null : new double[rows];
      int at = 0;
      for (int p = 0; p < parts.size(); p++) {
        RunColumn c = of.get(p);
        for (int i = 0; i < parts.get(p).rowCount(); i++, at++) {
          if (c == null || c.isMissing(i)) {
            if (integral) {
              longs[at] = NumberColumn.MISSING_LONG;
            } else {
              doubles[at] = Double.NaN;
            }
            continue;
          }
          if (c.isNotNumber(i)) {
            oddRows.add(at);
            oddTexts.add(c.text(i));
          }
          if (integral) {
            longs[at] = ((NumberColumn) c).longs()[i];
          } else {
            doubles[at] = c.number(i);
          }
        }
      }
      int[] rowsOdd = oddRows.toIntArray();
      String[] texts = oddTexts.toArray(String[]::new);
      return integral
          ? NumberColumn.ofLongs(name, type, longs, rowsOdd, texts)
          : NumberColumn.ofDoubles(name, doubles, rowsOdd, texts);
    }
    int[] codes = new int[rows];
    Object2IntLinkedOpenHashMap<String> index = new Object2IntLinkedOpenHashMap<>();
    index.defaultReturnValue(-1);
    int at = 0;
    for (int p = 0; p < parts.size(); p++) {
      RunColumn c = of.get(p);
      for (int i = 0; i < parts.get(p).rowCount(); i++, at++) {
        String s = c == null ? "" : c.text(i);
        if (s.isEmpty()) {
          codes[at] = -1;
          continue;
        }
        if (ids) {
          s = labels.get(p) + "/" + s;
        }
        int code = index.getInt(s);
        if (code < 0) {
          code = index.size();
          index.put(s, code);
        }
        codes[at] = code;
      }
    }
    ColumnType t = booleans && type != null && !ids ? ColumnType.BOOLEAN : ColumnType.STRING;
    return new CategoryColumn(name, t, codes, index.keySet().toArray(String[]::new));
  }
}
