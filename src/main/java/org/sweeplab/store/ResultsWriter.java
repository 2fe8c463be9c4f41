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
   * Column names the table uses itself; a metric of one of these names (or a parameter's) is
   * renamed.
   */

  /**
   * Writes the file and returns its column schema; renamed metric columns are reported in {@code
   * warnings}.
   */
  public static List<ResultColumn> write(
      Path file, RunPlan plan, RunColumns cols, List<String> warnings) throws IOException {
    List<String> params = plan.parameterNames();
    List<String> metricKeys = cols.metricNames();
    List<String> metrics = new ArrayList<>();
    for (String m : metricKeys) {
      String column = m;
      while (ResultsContract.isReserved(column)
          || params.contains(column)
          || metrics.contains(column)) {
        column = "metric." + column;
      }
      if (!column.equals(m)) {
        warnings.add(
            "metric '"
                + m
                + "' has the name of a parameter or a table column; its column is '"
                + column
                + "'");
      }
      metrics.add(column);
    }
    ColumnType[] paramKinds = new ColumnType[params.size()];
    List<Map<Object, String>> caches = new ArrayList<>();
    for (int p = 0; p < params.size(); p++) {
      caches.add(new HashMap<>());
    }
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    int replicates = plan.replicates();
    try (OutputStream w = new BufferedOutputStream(FreshFiles.create(tmp), 1 << 16)) {
      ByteLine sb = new ByteLine();
      sb.ascii("run_id,variation_id,replicate,seed");
      for (String p : params) {
        sb.put(',').csvField(p);
      }
      sb.ascii(",status");
      for (String m : metrics) {
        sb.put(',').csvField(m);
      }
      sb.ascii(",cost,duration_ms,error_type,error_message\n");
      w.write(sb.array(), 0, sb.length());
      MetricColumn[] mcols = new MetricColumn[metrics.size()];
      for (int m = 0; m < mcols.length; m++) {
        mcols[m] = cols.metric(metricKeys.get(m));
      }
      Iterator<Object[]> it = plan.points();
      long v = 0;
      while (it.hasNext()) {
        Object[] values = it.next();
        String variationId = null;
        String[] paramText = null;
        for (int r = 1; r <= replicates; r++) {
          long ordinal = v * replicates + r - 1;
          RunStatus st = cols.status(ordinal);
          if (st == null) {
            continue;
          }
          if (paramText == null) {
            variationId = plan.variationId(v);
            paramText = new String[params.size()];
            for (int p = 0; p < values.length; p++) {
              paramKinds[p] = ColumnType.widen(paramKinds[p], ColumnType.of(values[p]));
              paramText[p] = format(caches.get(p), values[p]);
            }
          }
          int i = (int) ordinal;
          sb.reset();
          sb.ascii(plan.runId(variationId, r))
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
          for (MetricColumn mc : mcols) {
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
        v++;
      }
    }
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);

    List<Map.Entry<String, ColumnType>> paramTypes = new ArrayList<>();
    for (int p = 0; p < params.size(); p++) {
      paramTypes.add(
          Map.entry(params.get(p), paramKinds[p] == null ? ColumnType.STRING : paramKinds[p]));
    }
    List<Map.Entry<String, ColumnType>> metricTypes = new ArrayList<>();
    for (int m = 0; m < metrics.size(); m++) {
      ColumnType k = cols.metric(metricKeys.get(m)).kind();
      metricTypes.add(Map.entry(metrics.get(m), k == null ? ColumnType.DOUBLE : k));
    }
    List<ResultColumn> schema = ResultsContract.schema(paramTypes, metricTypes);
    return schema;
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
