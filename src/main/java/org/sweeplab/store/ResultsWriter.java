package org.sweeplab.store;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import org.sweeplab.sim.FreshFiles;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.sweeplab.run.RunStatus;
import org.sweeplab.space.RunPlan;

/**
 * Writes {@code results.csv}: one row per run that ran, in plan order (variation, then replicate), so the file does
 * not depend on scheduling. Columns: run_id, variation_id, replicate, seed, the parameters, status, the metrics, cost,
 * duration_ms, error_type, error_message. The file is written beside and then moved into place.
 */
final class ResultsWriter {
  /** Longest error message kept in the table; the journal keeps the whole message. */
  static final int MAX_ERROR_MESSAGE = 500;

  private ResultsWriter() {}

  /** Column names the table uses itself; a metric of one of these names (or a parameter's) is renamed. */
  static final java.util.Set<String> RESERVED = java.util.Set.of("run_id", "variation_id", "replicate", "seed",
      "status", "cost", "duration_ms", "error_type", "error_message");

  /** Writes the file and returns its column schema; renamed metric columns are reported in {@code warnings}. */
  static List<ColumnSchema> write(Path file, RunPlan plan, RunColumns cols, List<String> warnings)
      throws IOException {
    List<String> params = plan.parameterNames();
    List<String> metricKeys = cols.metricNames();
    List<String> metrics = new ArrayList<>();
    for (String m : metricKeys) {
      String column = m;
      while (RESERVED.contains(column) || params.contains(column) || metrics.contains(column)) {
        column = "metric." + column;
      }
      if (!column.equals(m)) {
        warnings.add("metric '" + m + "' has the name of a parameter or a table column; its column is '" + column
            + "'");
      }
      metrics.add(column);
    }
    ColumnKind[] paramKinds = new ColumnKind[params.size()];
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
              paramKinds[p] = ColumnKind.widen(paramKinds[p], ColumnKind.of(values[p]));
              paramText[p] = format(caches.get(p), values[p]);
            }
          }
          int i = (int) ordinal;
          sb.reset();
          sb.ascii(plan.runId(variationId, r)).put(',').ascii(variationId).put(',').number(r).put(',')
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

    List<ColumnSchema> schema = new ArrayList<>();
    schema.add(new ColumnSchema("run_id", ColumnKind.STRING, ColumnSchema.Role.ID));
    schema.add(new ColumnSchema("variation_id", ColumnKind.STRING, ColumnSchema.Role.ID));
    schema.add(new ColumnSchema("replicate", ColumnKind.INTEGER, ColumnSchema.Role.ID));
    schema.add(new ColumnSchema("seed", ColumnKind.LONG, ColumnSchema.Role.ID));
    for (int p = 0; p < params.size(); p++) {
      schema.add(new ColumnSchema(params.get(p), paramKinds[p] == null ? ColumnKind.STRING : paramKinds[p],
          ColumnSchema.Role.PARAMETER));
    }
    schema.add(new ColumnSchema("status", ColumnKind.STRING, ColumnSchema.Role.STATUS));
    for (int m = 0; m < metrics.size(); m++) {
      ColumnKind k = cols.metric(metricKeys.get(m)).kind();
      schema.add(new ColumnSchema(metrics.get(m), k == null ? ColumnKind.DOUBLE : k, ColumnSchema.Role.METRIC));
    }
    schema.add(new ColumnSchema("cost", ColumnKind.DOUBLE, ColumnSchema.Role.COST));
    schema.add(new ColumnSchema("duration_ms", ColumnKind.DOUBLE, ColumnSchema.Role.TIMING));
    schema.add(new ColumnSchema("error_type", ColumnKind.STRING, ColumnSchema.Role.ERROR));
    schema.add(new ColumnSchema("error_message", ColumnKind.STRING, ColumnSchema.Role.ERROR));
    return schema;
  }

  /** The error message as kept in the table: one line, at most {@link #MAX_ERROR_MESSAGE} characters. */
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
