package org.sweeplab.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Success factors and failure modes: the failure rate of every parameter level, and of every pair of levels of two
 * parameters, against the overall rate. Each is tested against the runs outside it (Fisher's exact test, or
 * chi-square for large counts, as in {@link Comparison}); p-values are Holm-adjusted over all levels and pairs.
 * Internal; {@link Patterns} calls it.
 */
final class FailureFactors {
  private FailureFactors() {}

  /** @return {failure modes (lift > 1), success factors (lift < 1)}, each sorted by adjusted p then lift */
  static Table[] detect(Runs runs, List<Levels> levels, boolean[] ok) {
    int n = ok.length;
    long failures = 0;
    for (boolean b : ok) {
      failures += b ? 0 : 1;
    }
    double overall = (double) failures / n;
    List<Object[]> rows = new ArrayList<>();
    for (int a = 0; a < levels.size(); a++) {
      Levels la = levels.get(a);
      long[][] single = new long[la.size()][2];
      for (int i = 0; i < n; i++) {
        single[la.levelOfRow[i]][0]++;
        single[la.levelOfRow[i]][1] += ok[i] ? 0 : 1;
      }
      for (int l = 0; l < la.size(); l++) {
        rows.add(row(la.labels.get(l), 1, single[l][0], single[l][1], n, failures));
      }
      for (int b = a + 1; b < levels.size(); b++) {
        Levels lb = levels.get(b);
        long[][] pair = new long[la.size() * lb.size()][2];
        for (int i = 0; i < n; i++) {
          int c = la.levelOfRow[i] * lb.size() + lb.levelOfRow[i];
          pair[c][0]++;
          pair[c][1] += ok[i] ? 0 : 1;
        }
        for (int c = 0; c < pair.length; c++) {
          if (pair[c][0] > 0) {
            rows.add(row(la.labels.get(c / lb.size()) + " AND " + lb.labels.get(c % lb.size()), 2, pair[c][0],
                pair[c][1], n, failures));
          }
        }
      }
    }
    double[] p = rows.stream().mapToDouble(r -> (double) r[6]).toArray();
    double[] adj = Intervals.holm(p);
    for (int i = 0; i < rows.size(); i++) {
      rows.get(i)[7] = adj[i];
    }
    Comparator<Object[]> order = Comparator.<Object[]>comparingDouble(r -> (double) r[7])
        .thenComparingDouble(r -> -Math.abs(Math.log((double) r[4] / overall)));
    rows.sort(order);
    Table modes = table("failure modes", rows.stream().filter(r -> (double) r[4] > overall).toList(), overall);
    Table success = table("success factors", rows.stream().filter(r -> (double) r[4] < overall).toList(), overall);
    return new Table[] {modes, success};
  }

  private static Object[] row(String label, int arity, long runs, long fail, long n, long failures) {
    Inference.Proportions pr = Inference.proportions(fail, runs - fail, failures - fail, n - runs - (failures - fail));
    return new Object[] {label, arity, runs, fail, (double) fail / runs, pr.test(), pr.pValue(), Double.NaN};
  }

  private static Table table(String name, List<Object[]> rows, double overall) {
    StringColumn factor = StringColumn.create("factor");
    IntColumn arity = IntColumn.create("parameters");
    LongColumn runs = LongColumn.create("runs");
    LongColumn fail = LongColumn.create("failures");
    DoubleColumn rate = DoubleColumn.create("failure_rate");
    DoubleColumn all = DoubleColumn.create("overall_failure_rate");
    DoubleColumn lift = DoubleColumn.create("lift");
    StringColumn test = StringColumn.create("test");
    DoubleColumn p = DoubleColumn.create("p_value");
    DoubleColumn ph = DoubleColumn.create("p_holm");
    for (Object[] r : rows) {
      factor.append((String) r[0]);
      arity.append((int) r[1]);
      runs.append((long) r[2]);
      fail.append((long) r[3]);
      rate.append((double) r[4]);
      all.append(overall);
      lift.append(overall == 0 ? Double.NaN : (double) r[4] / overall);
      test.append((String) r[5]);
      p.append((double) r[6]);
      ph.append((double) r[7]);
    }
    return Table.create(name, factor, arity, runs, fail, rate, all, lift, test, p, ph);
  }
}
