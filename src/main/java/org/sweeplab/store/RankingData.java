package org.sweeplab.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sweeplab.analysis.Runs;
import org.sweeplab.results.ResultsContract;
import org.sweeplab.run.RunStatus;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * What a live ranking needs of the runs journalled so far, one slot per planned run: the first
 * numeric metric of the sweep (the first one an ok run reported), the seed, the status and the
 * variation's parameters. Compact (17 bytes a run), filled by {@link JournalTail}; {@link #runs()}
 * makes the columnar {@link Runs} the analysis ranks.
 */
public final class RankingData {
  private final byte[] status;
  private final double[] metric;
  private final long[] seed;
  private final Map<Integer, String> variationIds = new HashMap<>();
  private final Map<Integer, Map<String, Object>> params = new HashMap<>();
  private final int replicates;
  private String metricName;
  private int filled;

  RankingData(int slots, int replicates) {
    this.replicates = replicates;
    this.status = new byte[slots];
    this.metric = new double[slots];
    this.seed = new long[slots];
  }

  void clear() {
    java.util.Arrays.fill(status, (byte) 0);
    variationIds.clear();
    params.clear();
    metricName = null;
    filled = 0;
  }

  void put(int slot, JournalReader.Entry e, RunStatus st) {
    if (metricName == null && st == RunStatus.OK) {
      for (Map.Entry<String, Object> m : e.metrics().entrySet()) {
        if (m.getValue() instanceof Number) {
          metricName = m.getKey();
          break;
        }
      }
    }
    if (status[slot] == 0) {
      filled++;
    }
    status[slot] = (byte) (st.ordinal() + 1);
    Object value = metricName == null ? null : e.metrics().get(metricName);
    metric[slot] = value instanceof Number n ? n.doubleValue() : Double.NaN;
    seed[slot] = e.seed();
    int variation = slot / replicates;
    variationIds.putIfAbsent(variation, e.variationId());
    params.putIfAbsent(variation, e.params());
  }

  /** The metric ranked: the first numeric metric of the first ok run, or null before one. */
  public String metric() {
    return metricName;
  }

  /** Runs journalled so far. */
  public int runs() {
    return filled;
  }

  /**
   * The runs so far as {@link Runs}: variation_id, the parameters, seed, status and the metric;
   * grouped by variation, the metric as its one metric.
   *
   * @return the runs, or null before an ok run reported a numeric metric
   */
  public Runs toRuns() {
    if (metricName == null || filled == 0) {
      return null;
    }
    StringColumn id = StringColumn.create(ResultsContract.VARIATION_ID);
    LongColumn seeds = LongColumn.create(ResultsContract.SEED);
    StringColumn st = StringColumn.create(ResultsContract.STATUS);
    DoubleColumn m = DoubleColumn.create(metricName);
    List<String> paramNames = new ArrayList<>();
    Map<String, StringColumn> paramColumns = new HashMap<>();
    RunStatus[] statuses = RunStatus.values();
    for (int slot = 0; slot < status.length; slot++) {
      if (status[slot] == 0) {
        continue;
      }
      int variation = slot / replicates;
      id.append(variationIds.get(variation));
      seeds.append(seed[slot]);
      st.append(statuses[status[slot] - 1].label());
      m.append(metric[slot]);
      Map<String, Object> p = params.get(variation);
      for (Map.Entry<String, Object> e : p.entrySet()) {
        StringColumn c = paramColumns.get(e.getKey());
        if (c == null) {
          c = StringColumn.create(e.getKey());
          for (int i = 0; i < id.size() - 1; i++) {
            c.appendMissing();
          }
          paramColumns.put(e.getKey(), c);
          paramNames.add(e.getKey());
        }
        c.append(String.valueOf(e.getValue()));
      }
    }
    List<Column<?>> columns = new ArrayList<>();
    columns.add(id);
    paramNames.forEach(n -> columns.add(paramColumns.get(n)));
    columns.add(seeds);
    columns.add(st);
    columns.add(m);
    Table t = Table.create("runs so far", columns.toArray(Column<?>[]::new));
    return Runs.of(t)
        .withVariationColumn(ResultsContract.VARIATION_ID)
        .withMetrics(metricName)
        .withParameters(paramNames.toArray(String[]::new));
  }
}
