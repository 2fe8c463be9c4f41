package org.sweeplab.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.commons.statistics.distribution.FDistribution;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Two-way interactions of parameters on a metric over ok runs, as R's {@code anova(lm(y ~ A * B))}: the interaction
 * sum of squares is the sequential (type I) one, {@code SS_AB = SS_cells - SS(A + B)}, where {@code SS(A + B)} is the
 * least-squares fit of the additive model, solved from the reduced normal equations of the factor with fewer levels.
 * It is exact for unbalanced designs and designs with empty cells. Degrees of freedom: {@code cells - a - b + c} for
 * the interaction (cells, levels and c connected components of the design counted over the ok runs only, so an empty
 * cell drops its degree of freedom, as R does) and {@code N - cells} within. Effect: partial eta squared
 * {@code SS_AB / (SS_AB + SS_within)}. The metric is centred on its mean first, so a large offset costs no digits.
 * p-values are Holm-adjusted over every pair of parameters (one family, {@code p_holm}), before the strongest are
 * kept. Internal; {@link MainEffects} calls it.
 */
final class Interactions {
  private Interactions() {}

  /** One pair of parameters. */
  record Row(String name, double partialEta, double f, double df1, double df2, double pValue) {}

  /**
   * @param use which rows enter (ok and not NaN)
   * @param keep how many rows to keep, strongest first
   * @return {@code interaction, partial_eta_squared, f, df1, df2, p_value, p_holm}
   */
  static Table table(List<Levels> levels, boolean[] use, double[] metric, String metricName, int keep) {
    List<Row> rows = new ArrayList<>();
    for (int a = 0; a < levels.size(); a++) {
      for (int b = a + 1; b < levels.size(); b++) {
        rows.add(of(levels.get(a), levels.get(b), use, metric));
      }
    }
    double[] holm = Intervals.holm(rows.stream().mapToDouble(Row::pValue).toArray());
    Integer[] order = new Integer[rows.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingDouble(i -> Double.isNaN(rows.get(i).partialEta()) ? 1
        : -rows.get(i).partialEta()));
    StringColumn pair = StringColumn.create("interaction");
    DoubleColumn eta = DoubleColumn.create("partial_eta_squared");
    DoubleColumn f = DoubleColumn.create("f");
    DoubleColumn df1 = DoubleColumn.create("df1");
    DoubleColumn df2 = DoubleColumn.create("df2");
    DoubleColumn p = DoubleColumn.create("p_value");
    DoubleColumn ph = DoubleColumn.create("p_holm");
    for (int i = 0; i < Math.min(keep, order.length); i++) {
      Row r = rows.get(order[i]);
      pair.append(r.name());
      eta.append(r.partialEta());
      f.append(r.f());
      df1.append(r.df1());
      df2.append(r.df2());
      p.append(r.pValue());
      ph.append(holm[order[i]]);
    }
    return Table.create("interactions on " + metricName, pair, eta, f, df1, df2, p, ph);
  }

  /** @return the interaction of parameters la and lb; NaN statistics when it has no degree of freedom */
  static Row of(Levels la, Levels lb, boolean[] use, double[] metric) {
    String name = la.parameter + " x " + lb.parameter;
    // Solve the reduced equations for the factor with fewer levels.
    boolean swap = la.size() < lb.size();
    Levels r = swap ? lb : la;
    Levels k = swap ? la : lb;
    int nr = r.size();
    int nk = k.size();
    MetricAccumulator all = MetricAccumulator.create();
    for (int i = 0; i < use.length; i++) {
      if (use[i]) {
        all.accept(metric[i]);
      }
    }
    long n = all.count();
    double centre = all.mean();
    double[][] cellSum = new double[nr][nk];
    long[][] cellN = new long[nr][nk];
    for (int i = 0; i < use.length; i++) {
      if (use[i]) {
        cellSum[r.levelOfRow[i]][k.levelOfRow[i]] += metric[i] - centre;
        cellN[r.levelOfRow[i]][k.levelOfRow[i]]++;
      }
    }
    double[] rowSum = new double[nr];
    long[] rowN = new long[nr];
    double[] colSum = new double[nk];
    long[] colN = new long[nk];
    double ssCells = 0;
    int cells = 0;
    for (int i = 0; i < nr; i++) {
      for (int j = 0; j < nk; j++) {
        rowSum[i] += cellSum[i][j];
        rowN[i] += cellN[i][j];
        colSum[j] += cellSum[i][j];
        colN[j] += cellN[i][j];
        if (cellN[i][j] > 0) {
          ssCells += cellSum[i][j] * cellSum[i][j] / cellN[i][j];
          cells++;
        }
      }
    }
    double ssW = 0;
    for (int i = 0; i < use.length; i++) {
      if (use[i]) {
        int a = r.levelOfRow[i];
        int b = k.levelOfRow[i];
        ssW += Inference.sq(metric[i] - centre - cellSum[a][b] / cellN[a][b]);
      }
    }
    double ssR = 0;
    int usedR = 0;
    for (int i = 0; i < nr; i++) {
      if (rowN[i] > 0) {
        ssR += rowSum[i] * rowSum[i] / rowN[i];
        usedR++;
      }
    }
    int usedK = (int) Arrays.stream(colN).filter(c -> c > 0).count();
    int[] component = components(cellN, nr, nk);
    int comps = (int) Arrays.stream(component).filter(c -> c >= 0).distinct().count();
    double ssAdditive = ssR + kGivenR(cellN, rowN, rowSum, colN, colSum, component, nr, nk);
    double ssAb = Math.max(0, ssCells - ssAdditive);
    double dfAb = cells - usedR - usedK + comps;
    double dfW = n - cells;
    if (!(dfAb > 0) || !(dfW > 0) || n == 0) {
      return new Row(name, Double.NaN, Double.NaN, dfAb, dfW, Double.NaN);
    }
    double partial = ssAb + ssW == 0 ? Double.NaN : ssAb / (ssAb + ssW);
    double f = (ssAb / dfAb) / (ssW / dfW);
    double p = ssW > 0 ? FDistribution.of(dfAb, dfW).survivalProbability(f) : Double.NaN;
    return new Row(name, partial, f, dfAb, dfW, p);
  }

  /**
   * The sum of squares of factor K adjusted for factor R, {@code Q' C^+ Q} with {@code C = diag(n_.j) - N'
   * diag(1/n_i.) N} and {@code Q_j = S_.j - sum_i n_ij S_i. / n_i.}. C is singular (its null space holds one vector
   * per connected component); fixing the first level of each component at zero leaves a positive definite system,
   * solved by Cholesky.
   */
  private static double kGivenR(long[][] cellN, long[] rowN, double[] rowSum, long[] colN, double[] colSum,
      int[] component, int nr, int nk) {
    boolean[] fixed = new boolean[nk];
    boolean[] seen = new boolean[nr + nk];
    List<Integer> free = new ArrayList<>();
    for (int j = 0; j < nk; j++) {
      if (colN[j] == 0) {
        continue;
      }
      int c = component[nr + j];
      if (!seen[c]) {
        seen[c] = true;
        fixed[j] = true;
      } else {
        free.add(j);
      }
    }
    int m = free.size();
    if (m == 0) {
      return 0;
    }
    double[][] c = new double[m][m];
    double[] q = new double[m];
    for (int x = 0; x < m; x++) {
      int j = free.get(x);
      q[x] = colSum[j];
      c[x][x] = colN[j];
      for (int i = 0; i < nr; i++) {
        if (rowN[i] == 0 || cellN[i][j] == 0) {
          continue;
        }
        q[x] -= cellN[i][j] * rowSum[i] / rowN[i];
        for (int y = 0; y < m; y++) {
          c[x][y] -= (double) cellN[i][j] * cellN[i][free.get(y)] / rowN[i];
        }
      }
    }
    double[] beta = Cholesky.solve(c, q);
    double ss = 0;
    for (int x = 0; x < m; x++) {
      ss += q[x] * beta[x];
    }
    return ss;
  }

  /**
   * @return the connected component of each used level (R levels 0..nr-1, then K levels), as the index of its root;
   *     -1 for levels without ok runs
   */
  private static int[] components(long[][] cellN, int nr, int nk) {
    int[] parent = new int[nr + nk];
    for (int i = 0; i < parent.length; i++) {
      parent[i] = i;
    }
    boolean[] used = new boolean[nr + nk];
    for (int i = 0; i < nr; i++) {
      for (int j = 0; j < nk; j++) {
        if (cellN[i][j] > 0) {
          used[i] = true;
          used[nr + j] = true;
          parent[find(parent, i)] = find(parent, nr + j);
        }
      }
    }
    int[] out = new int[nr + nk];
    for (int i = 0; i < out.length; i++) {
      out[i] = used[i] ? find(parent, i) : -1;
    }
    return out;
  }

  private static int find(int[] parent, int x) {
    while (parent[x] != x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  }

  /** Cholesky decomposition of a symmetric positive definite matrix, for the small normal equations above. */
  private static final class Cholesky {
    private Cholesky() {}

    /** @return x with {@code a x = b}; a is overwritten by its factor */
    static double[] solve(double[][] a, double[] b) {
      int m = b.length;
      for (int j = 0; j < m; j++) {
        double d = a[j][j];
        for (int k = 0; k < j; k++) {
          d -= a[j][k] * a[j][k];
        }
        a[j][j] = Math.sqrt(Math.max(d, 0));
        for (int i = j + 1; i < m; i++) {
          double s = a[i][j];
          for (int k = 0; k < j; k++) {
            s -= a[i][k] * a[j][k];
          }
          a[i][j] = a[j][j] == 0 ? 0 : s / a[j][j];
        }
      }
      double[] y = new double[m];
      for (int i = 0; i < m; i++) {
        double s = b[i];
        for (int k = 0; k < i; k++) {
          s -= a[i][k] * y[k];
        }
        y[i] = a[i][i] == 0 ? 0 : s / a[i][i];
      }
      double[] x = new double[m];
      for (int i = m - 1; i >= 0; i--) {
        double s = y[i];
        for (int k = i + 1; k < m; k++) {
          s -= a[k][i] * x[k];
        }
        x[i] = a[i][i] == 0 ? 0 : s / a[i][i];
      }
      return x;
    }
  }
}
