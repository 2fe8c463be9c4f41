package org.sweeplab.store;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.sweeplab.results.ColumnType;
import org.sweeplab.results.ResultColumn;
import org.sweeplab.results.ResultsContract;
import org.sweeplab.run.RunStatus;
import org.sweeplab.sim.FreshFiles;
import org.sweeplab.space.RunPlan;

/**
 * Writes {@code results.csv}: one row per run that ran, in plan order (variation, then replicate),
 * so the file does not depend on scheduling. Columns: run_id, variation_id, replicate, seed, the
 * parameters, status, the metrics, cost, duration_ms, error_type, error_message. The file is
 * written beside and then moved into place.
 */
public final class ResultsWriter {
  /** Longest error message kept in the table; the journal keeps the whole message. */
  static final int MAX_ERROR_MESSAGE = 500;

  private ResultsWriter() {}

  /**
   * Writes the file and returns its column schema; renamed metric columns are reported in {@code
   * warnings}.
   */
  public static List<ResultColumn> write(
      Path file, RunPlan plan, RunColumns cols, List<String> warnings) throws IOException {
    Layout layout = Layout.of(plan, cols, warnings);
    Path tmp = temporary(file);
    Rows rows = new Rows(plan, cols, layout);
    try (OutputStream w = new BufferedOutputStream(FreshFiles.create(tmp), 1 << 16)) {
      rows.header(w);
      rows.writeUpTo(w, plan.runCount());
    }
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return rows.schema();
  }

  /** The file results.csv is written to before it is moved into place. */
  static Path temporary(Path file) {
    return file.resolveSibling(file.getFileName() + ".tmp");
  }

  /**
   * The metric columns of the table: the metrics' names in the columns (renamed away from the
   * parameters and the table's own columns) and their types; rows written with one layout are only
   * valid in a file of an equal layout.
   */
  static final class Layout {
    final List<String> keys;
    final List<String> names;
    final List<ColumnType> kinds;
    final MetricColumn[] columns;

    private Layout(
        List<String> keys, List<String> names, List<ColumnType> kinds, MetricColumn[] c) {
      this.keys = keys;
      this.names = names;
      this.kinds = kinds;
      this.columns = c;
    }

    /** The layout of the columns as they are now; renamings are reported in {@code warnings}. */
    static Layout of(RunPlan plan, RunColumns cols, List<String> warnings) {
      List<String> params = plan.parameterNames();
      List<String> keys = cols.metricNames();
      List<String> names = new ArrayList<>();
      List<ColumnType> kinds = new ArrayList<>();
      MetricColumn[] columns = new MetricColumn[keys.size()];
      for (int m = 0; m < keys.size(); m++) {
        String key = keys.get(m);
        String column = key;
        while (ResultsContract.isReserved(column)
            || params.contains(column)
            || names.contains(column)) {
          column = "metric." + column;
        }
        if (!column.equals(key)) {
          warnings.add(
              "metric '"
                  + key
                  + "' has the name of a parameter or a table column; its column is '"
                  + column
                  + "'");
        }
        names.add(column);
        columns[m] = cols.metric(key);
        kinds.add(columns[m].kind());
      }
      return new Layout(keys, names, kinds, columns);
    }

    /** Whether rows written with this layout read the same as rows written with {@code o}. */
    boolean sameAs(Layout o) {
      return keys.equals(o.keys) && kinds.equals(o.kinds);
    }
  }

  /**
   * The rows of the table in plan order, written from a position onwards: a cursor, so that the
   * file can be written in pieces (while the runs go, as a prefix of the plan completes) with the
   * very bytes of one pass.
   */
  static final class Rows {
    private final RunPlan plan;
    private final RunColumns cols;
    private final Layout layout;
    private final int replicates;
    private final ColumnType[] paramKinds;
    private final List<Map<Object, String>> caches = new ArrayList<>();
    private final Iterator<Object[]> points;
    private final ByteLine sb = new ByteLine();
    private long position;
    private long variation = -1;
    private Object[] values;
    private String variationId;
    private String[] paramText;

    Rows(RunPlan plan, RunColumns cols, Layout layout) {
      this.plan = plan;
      this.cols = cols;
      this.layout = layout;
      this.replicates = plan.replicates();
      this.paramKinds = new ColumnType[plan.parameterNames().size()];
      for (int p = 0; p < paramKinds.length; p++) {
        caches.add(new HashMap<>());
      }
      this.points = plan.points();
    }

    Layout layout() {
      return layout;
    }

    /** Writes the header line. */
    void header(OutputStream w) throws IOException {
      sb.reset();
      sb.ascii("run_id,variation_id,replicate,seed");
      for (String p : plan.parameterNames()) {
        sb.put(',').csvField(p);
      }
      sb.ascii(",status");
      for (String m : layout.names) {
        sb.put(',').csvField(m);
      }
      sb.ascii(",cost,duration_ms,error_type,error_message\n");
      w.write(sb.array(), 0, sb.length());
    }

    /** Writes the rows of the runs that ran, from the cursor up to ordinal {@code end}. */
    void writeUpTo(OutputStream w, long end) throws IOException {
      // The row is a method of its own: compiled once for the calls, where one loop holding the
      // row's own loops was compiled again for each of them (on-stack replacement at each loop).
      for (; position < end; position++) {
        writeRow(w, position);
      }
    }

    /** Writes the row of the run at ordinal {@code at}, if it ran. */
    private void writeRow(OutputStream w, long at) throws IOException {
      long v = at / replicates;
      if (v != variation) {
        while (variation < v) {
          values = points.next();
          variation++;
        }
        paramText = null;
      }
      RunStatus st = cols.status(at);
      if (st == null) {
        return;
      }
      int r = (int) (at % replicates) + 1;
      if (paramText == null) {
        variationId = plan.variationId(v);
        paramText = new String[values.length];
        for (int p = 0; p < values.length; p++) {
          paramKinds[p] = ColumnType.widen(paramKinds[p], ColumnType.of(values[p]));
          paramText[p] = format(caches.get(p), values[p]);
        }
      }
      int i = (int) at;
      sb.reset();
      // The run id (plan.runId) written in place, without a string per row.
      sb.ascii(variationId)
          .ascii("-run-")
          .padded(r, Math.max(plan.replicateDigits(), ByteLine.digits(r)))
          .put(',')
          .ascii(variationId)
          .put(',')
          .number(r)
          .put(',')
          .number(cols.seed(i));
      for (String t : paramText) {
        sb.put(',').text(t);
      }
      sb.put(',').ascii(st.label());
      for (MetricColumn mc : layout.columns) {
        sb.put(',');
        mc.appendCsv(sb, i);
      }
      sb.put(',');
      double c = cols.cost(i);
      if (Double.isFinite(c)) {
        sb.decimal(c);
      }
      sb.put(',');
      JournalFormat.millis3(sb, (long) (cols.durationMs(i) * 1e6));
      String[] err = cols.error(i);
      sb.put(',');
      if (err != null && err[0] != null) {
        sb.csvField(err[0]);
      }
      sb.put(',');
      if (err != null && err[1] != null) {
        sb.csvField(tableMessage(err[1]));
      }
      sb.put('\n');
      w.write(sb.array(), 0, sb.length());
    }

    /** The schema of the table written (parameter types from the rows written so far). */
    List<ResultColumn> schema() {
      List<String> params = plan.parameterNames();
      List<Map.Entry<String, ColumnType>> paramTypes = new ArrayList<>();
      for (int p = 0; p < params.size(); p++) {
        paramTypes.add(
            Map.entry(params.get(p), paramKinds[p] == null ? ColumnType.STRING : paramKinds[p]));
      }
      List<Map.Entry<String, ColumnType>> metricTypes = new ArrayList<>();
      for (int m = 0; m < layout.names.size(); m++) {
        ColumnType k = layout.kinds.get(m);
        metricTypes.add(Map.entry(layout.names.get(m), k == null ? ColumnType.DOUBLE : k));
      }
      return ResultsContract.schema(paramTypes, metricTypes);
    }
  }

  /**
   * The error message as kept in the table: one line, at most {@link #MAX_ERROR_MESSAGE}
   * characters.
   */
  static String tableMessage(String m) {
    String one = m.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
    return one.length() > MAX_ERROR_MESSAGE ? one.substring(0, MAX_ERROR_MESSAGE) + "…" : one;
  }

  private static String format(Map<Object, String> cache, Object v) {
    String s = cache.get(v);
    if (s == null) {
      s = Csv.text(v);
      if (cache.size() < 4096) {
        cache.put(v, s);
      }
    }
    return s;
  }
}
