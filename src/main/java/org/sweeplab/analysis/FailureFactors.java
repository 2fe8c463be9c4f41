package org.sweeplab.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Success factors and failure modes: the failure rate of every parameter level, and of every pair
 * of levels of two parameters, against the overall rate. Each is tested against the runs outside it
 * (Fisher's exact test, or chi-square for large counts, as in {@link Comparison}); p-values are
 * Holm-adjusted over all levels and pairs. Internal; {@link Patterns} calls it.
 */
final class FailureFactors {
  private FailureFactors() {}

  /**
   * @return {failure modes (lift > 1), success factors (lift < 1)}, each sorted by adjusted p then
   *     lift
   */
  static FailureFactorsResult[] detect(Runs runs, List<Levels> levels, boolean[] ok) {
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
            rows.add(
                row(
                    la.labels.get(c / lb.size()) + " AND " + lb.labels.get(c % lb.size()),
                    2,
                    pair[c][0],
                    pair[c][1],
                    n,
                    failures));
          }
        }
      }
    }
    double[] p = rows.stream().mapToDouble(r -> (double) r[6]).toArray();
    double[] adj = Intervals.holm(p);
    for (int i = 0; i < rows.size(); i++) {
      rows.get(i)[7] = adj[i];
    }
    Comparator<Object[]> order =
        Comparator.<Object[]>comparingDouble(r -> (double) r[7])
            .thenComparingDouble(r -> -Math.abs(Math.log((double) r[4] / overall)));
    rows.sort(order);
    FailureFactorsResult modes =
        result(
            "failure modes", rows.stream().filter(r -> (double) r[4] > overall).toList(), overall);
    FailureFactorsResult success =
        result(
            "success factors",
            rows.stream().filter(r -> (double) r[4] < overall).toList(),
            overall);
    return new FailureFactorsResult[] {modes, success};
  }

  private static Object[] row(
      String label, int arity, long runs, long fail, long n, long failures) {
    Inference.Proportions pr =
        Inference.proportions(fail, runs - fail, failures - fail, n - runs - (failures - fail));
    return new Object[] {
      label, arity, runs, fail, (double) fail / runs, pr.test(), pr.pValue(), Double.NaN
    };
  }

  private static FailureFactorsResult result(String name, List<Object[]> rows, double overall) {
    List<FailureFactorsResult.Row> out = new ArrayList<>(rows.size());
    for (Object[] r : rows) {
      out.add(
          new FailureFactorsResult.Row(
              (String) r[0],
              (int) r[1],
              (long) r[2],
              (long) r[3],
              (double) r[4],
              overall,
              overall == 0 ? Double.NaN : (double) r[4] / overall,
              (String) r[5],
              (double) r[6],
              (double) r[7]));
    }
    return new FailureFactorsResult(name, out);
  }
}
