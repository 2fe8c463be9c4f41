package org.sweeplab.analysis;

import it.unimi.dsi.fastutil.doubles.DoubleArrayList;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import java.util.Arrays;

/**
 * The sums of squares of a two-way layout with factors R and K, as R's {@code lm}: the cell model,
 * and the additive model {@code y ~ R + K} fitted by least squares (exact for unbalanced designs,
 * empty cells and incomplete blocks). {@code SS(K | R) = Q' C^+ Q} with {@code C = diag(n_.j) - N'
 * diag(1/n_i.) N} and {@code Q_j = S_.j - sum_i n_ij S_i. / n_i.}; the system is solved for
 * whichever factor has fewer levels, using {@code SS(R + K) = SS_R + SS(K|R) = SS_K + SS(R|K)}. C
 * is singular, with one null vector per connected component of the design; fixing one level per
 * component at zero leaves a positive definite system, solved by Cholesky. Cells are kept sparse,
 * and a complete design with equal cell counts takes the closed form {@code SS(K|R) = SS_K}. The
 * response is centred on its mean first, so a large offset costs no digits. Internal.
 *
 * @param n values used
 * @param ssR {@code SS_R}, the sum of squares of R alone (about the grand mean)
 * @param ssK {@code SS_K}
 * @param ssAdditive {@code SS(R + K)}, the additive model's sum of squares about the grand mean
 * @param ssCells the cell model's sum of squares about the grand mean
 * @param ssWithin the residual sum of squares within cells
 * @param levelsR levels of R with values
 * @param levelsK levels of K with values
 * @param components connected components of the design
 * @param cells cells with values
 */
record TwoWayAnova(
    long n,
    double ssR,
    double ssK,
    double ssAdditive,
    double ssCells,
    double ssWithin,
    int levelsR,
    int levelsK,
    int components,
    int cells) {

  /**
   * @return the residual sum of squares of the additive model, {@code SST - SS(R + K)}
   */
  double ssAdditiveResidual() {
    return ssCells - ssAdditive + ssWithin;
  }

  /**
   * @return the residual degrees of freedom of the additive model, {@code N - (levelsR + levelsK -
   *     components)}
   */
  double dfAdditiveResidual() {
    return n - (levelsR + levelsK - components);
  }

  /**
   * @return the interaction's degrees of freedom, {@code cells - levelsR - levelsK + components}
   */
  double dfInteraction() {
    return cells - levelsR - levelsK + components;
  }

  /**
   * @param r the level of R of each row, in [0, nr)
   * @param k the level of K of each row, in [0, nk)
   * @param use which rows enter
   * @param y the response
   */
  static TwoWayAnova fit(int[] r, int nr, int[] k, int nk, boolean[] use, double[] y) {
    return fit(r, nr, k, nk, use, y, Centre.of(use, y));
  }

  /**
   * The rows that enter a fit, and their mean: the same for every pair of factors of one metric.
   */
  record Centre(int used, double mean) {
    static Centre of(boolean[] use, double[] y) {
      int used = 0;
      for (boolean u : use) {
        used += u ? 1 : 0;
      }
      double[] usedY = new double[used];
      for (int i = 0, j = 0; i < use.length; i++) {
        if (use[i]) {
          usedY[j++] = y[i];
        }
      }
      return new Centre(used, MetricAccumulator.wrap(usedY).mean());
    }
  }

  /** The same with the rows' count and mean computed once for several fits. */
  static TwoWayAnova fit(
      int[] r, int nr, int[] k, int nk, boolean[] use, double[] y, Centre centred) {
    int used = centred.used();
    double centre = centred.mean();
    // Cells are numbered in order of first appearance: through a dense table when R x K is not much
    // larger than the
    // data (a block design of seeds by groups), else through a hash map.
    long grid = (long) nr * nk;
    int[] dense =
        grid <= Math.max(1 << 16, 4L * use.length) && grid < Integer.MAX_VALUE
            ? new int[(int) grid]
            : null;
    if (dense != null) {
      Arrays.fill(dense, -1);
    }
    Long2IntOpenHashMap cellOf = dense != null ? null : new Long2IntOpenHashMap();
    if (cellOf != null) {
      cellOf.defaultReturnValue(-1);
    }
    // At most min(rows, R x K) cells: sized once, because growing lists of ten million cells
    // doubles their memory.
    int capacity = (int) Math.min(used, grid);
    IntArrayList cellR = new IntArrayList(capacity);
    IntArrayList cellK = new IntArrayList(capacity);
    DoubleArrayList cellSum = new DoubleArrayList(capacity);
    LongArrayList cellN = new LongArrayList(capacity);
    for (int i = 0; i < use.length; i++) {
      if (!use[i]) {
        continue;
      }
      long key = (long) r[i] * nk + k[i];
      int c = dense != null ? dense[(int) key] : cellOf.get(key);
      if (c < 0) {
        c = cellR.size();
        if (dense != null) {
          dense[(int) key] = c;
        } else {
          cellOf.put(key, c);
        }
        cellR.add(r[i]);
        cellK.add(k[i]);
        cellSum.add(0);
        cellN.add(0);
      }
      double[] sums = cellSum.elements();
      sums[c] += y[i] - centre;
      long[] counts = cellN.elements();
      counts[c]++;
    }
    int cells = cellR.size();
    double[] cellMean = new double[cells];
    for (int c = 0; c < cells; c++) {
      cellMean[c] = cellSum.getDouble(c) / cellN.getLong(c);
    }
    double ssWithin = 0;
    for (int i = 0; i < use.length && cells < used; i++) {
      if (use[i]) {
        long key = (long) r[i] * nk + k[i];
        int c = dense != null ? dense[(int) key] : cellOf.get(key);
        ssWithin += Inference.sq(y[i] - centre - cellMean[c]);
      }
    }
    return assemble(
        new Cells(cellR.elements(), cellK.elements(), cellSum.elements(), cellN.elements(), cells),
        nr,
        nk,
        used,
        ssWithin);
  }

  /**
   * The same for a layout with at most one value per cell and every row used, such as a block
   * design where each group holds each seed once: the rows are the cells, so no cell table is built
   * (at ten million rows it would be several hundred MB). Falls back to {@link #fit} when a cell
   * holds two values.
   *
   * @param y the response, centred in place (the caller gives it up)
   */
  static TwoWayAnova fitOnePerCell(int[] r, int nr, int[] k, int nk, double[] y) {
    java.util.BitSet seen = new java.util.BitSet();
    long grid = (long) nr * nk;
    boolean single = grid < Integer.MAX_VALUE;
    for (int i = 0; i < y.length && single; i++) {
      int key = r[i] * nk + k[i];
      single = !seen.get(key);
      seen.set(key);
    }
    if (!single) {
      boolean[] use = new boolean[y.length];
      Arrays.fill(use, true);
      return fit(r, nr, k, nk, use, y);
    }
    double centre = MetricAccumulator.wrap(y).mean();
    for (int i = 0; i < y.length; i++) {
      y[i] -= centre;
    }
    return assemble(new Cells(r, k, y, null, y.length), nr, nk, y.length, 0);
  }

  /**
   * The cells of a layout, in arrays whose first {@code size} entries count.
   *
   * @param r the level of R of each cell
   * @param k the level of K of each cell
   * @param sum the sum of the centred values of each cell
   * @param n the number of values of each cell; null when every cell holds one
   */
  private record Cells(int[] r, int[] k, double[] sum, long[] n, int size) {
    long count(int c) {
      return n == null ? 1 : n[c];
    }
  }

  private static TwoWayAnova assemble(Cells cells, int nr, int nk, long n, double ssWithin) {
    double[] sumR = new double[nr];
    long[] nR = new long[nr];
    double[] sumK = new double[nk];
    long[] nK = new long[nk];
    double ssCells = 0;
    for (int c = 0; c < cells.size(); c++) {
      double s = cells.sum()[c];
      long m = cells.count(c);
      sumR[cells.r()[c]] += s;
      nR[cells.r()[c]] += m;
      sumK[cells.k()[c]] += s;
      nK[cells.k()[c]] += m;
      ssCells += s * s / m;
    }
    double total = 0;
    for (double s : sumR) {
      total += s;
    }
    double correction = n == 0 ? 0 : total * total / n;
    double ssR = between(sumR, nR) - correction;
    double ssK = between(sumK, nK) - correction;
    int usedR = (int) Arrays.stream(nR).filter(x -> x > 0).count();
    int usedK = (int) Arrays.stream(nK).filter(x -> x > 0).count();
    int[] comp = components(cells.r(), cells.k(), cells.size(), nr, nk);
    int comps = (int) Arrays.stream(comp).filter(x -> x >= 0).distinct().count();
    long first = cells.size() == 0 ? 0 : cells.count(0);
    boolean balanced = cells.size() == (long) usedR * usedK;
    for (int c = 0; c < cells.size() && balanced && cells.n() != null; c++) {
      balanced = cells.count(c) == first;
    }
    double ssAdditive;
    if (balanced) {
      ssAdditive = ssR + ssK;
    } else if (usedK <= usedR) {
      ssAdditive = ssR + adjusted(cells.r(), cells.k(), cells, sumR, nR, sumK, nK, comp, nr, 0, nr);
    } else {
      ssAdditive = ssK + adjusted(cells.k(), cells.r(), cells, sumK, nK, sumR, nR, comp, nk, nr, 0);
    }
    return new TwoWayAnova(
        n, ssR, ssK, ssAdditive, ssCells - correction, ssWithin, usedR, usedK, comps, cells.size());
  }

  private static double between(double[] sum, long[] n) {
    double ss = 0;
    for (int i = 0; i < sum.length; i++) {
      ss += n[i] == 0 ? 0 : sum[i] * sum[i] / n[i];
    }
    return ss;
  }

  /**
   * {@code SS(K | R)} for the factor K given R, where cells name their levels in {@code cr} (R) and
   * {@code ck} (K); {@code offR} and {@code offK} place the levels in the component array.
   */
  private static double adjusted(
      int[] cr,
      int[] ck,
      Cells cells,
      double[] sumR,
      long[] nR,
      double[] sumK,
      long[] nK,
      int[] comp,
      int nr,
      int offR,
      int offK) {
    int nk = nK.length;
    int[] index = new int[nk];
    Arrays.fill(index, -1);
    boolean[] seen = new boolean[comp.length];
    int m = 0;
    for (int j = 0; j < nk; j++) {
      if (nK[j] == 0) {
        continue;
      }
      int c = comp[offK + j];
      if (!seen[c]) {
        seen[c] = true;
      } else {
        index[j] = m++;
      }
    }
    if (m == 0) {
      return 0;
    }
    // The cells of each level of R, by a counting sort: start[i] .. start[i + 1] in byR; none when
    // the cells come in order of R already (a block design's cells, group by group), as byR
    // would then be the identity (36 MB at nine million cells).
    int size = cells.size();
    int[] start = new int[nr + 1];
    boolean inOrder = true;
    for (int c = 0; c < size; c++) {
      start[cr[c] + 1]++;
      inOrder &= c == 0 || cr[c] >= cr[c - 1];
    }
    for (int i = 0; i < nr; i++) {
      start[i + 1] += start[i];
    }
    int[] byR = null;
    if (!inOrder) {
      byR = new int[size];
      int[] fill = Arrays.copyOf(start, nr);
      for (int c = 0; c < size; c++) {
        byR[fill[cr[c]]++] = c;
      }
    }
    double[][] a = new double[m][m];
    double[] q = new double[m];
    for (int j = 0; j < nk; j++) {
      if (index[j] >= 0) {
        a[index[j]][index[j]] = nK[j];
        q[index[j]] = sumK[j];
      }
    }
    // A = diag(n_.j) - sum_i w_i w_i' / n_i. over the rows i of R, w_i their cell counts. A row
    // that covers most
    // levels is written w = 1 + e with e sparse (missing cells, repeated runs), so its update costs
    // |e|^2, not m^2:
    // w w' = 11' + 1e' + e1' + ee'; the 11' and 1e' parts are summed once for all rows.
    double ones = 0;
    double[] onesE = new double[m];
    double[] w = new double[m];
    int[] e = new int[m];
    for (int i = 0; i < nr; i++) {
      if (nR[i] == 0) {
        continue;
      }
      int from = start[i];
      int to = start[i + 1];
      double inv = 1.0 / nR[i];
      for (int x = from; x < to; x++) {
        int cx = byR == null ? x : byR[x];
        int jx = index[ck[cx]];
        if (jx >= 0) {
          q[jx] -= cells.count(cx) * sumR[i] * inv;
        }
      }
      if ((to - from) * 2 <= m) {
        for (int x = from; x < to; x++) {
          int cx = byR == null ? x : byR[x];
          int jx = index[ck[cx]];
          if (jx < 0) {
            continue;
          }
          for (int z = from; z < to; z++) {
            int cz = byR == null ? z : byR[z];
            int jz = index[ck[cz]];
            if (jz >= 0) {
              a[jx][jz] -= (double) cells.count(cx) * cells.count(cz) * inv;
            }
          }
        }
        continue;
      }
      Arrays.fill(w, 0);
      for (int x = from; x < to; x++) {
        int cx = byR == null ? x : byR[x];
        int jx = index[ck[cx]];
        if (jx >= 0) {
          w[jx] += cells.count(cx);
        }
      }
      int ne = 0;
      for (int j = 0; j < m; j++) {
        if (w[j] != 1) {
          e[ne++] = j;
        }
      }
      ones += inv;
      for (int x = 0; x < ne; x++) {
        int jx = e[x];
        double ex = w[jx] - 1;
        onesE[jx] += ex * inv;
        for (int z = 0; z < ne; z++) {
          int jz = e[z];
          a[jx][jz] -= ex * (w[jz] - 1) * inv;
        }
      }
    }
    for (int x = 0; x < m; x++) {
      for (int z = 0; z < m; z++) {
        a[x][z] -= ones + onesE[x] + onesE[z];
      }
    }
    double[] beta = Cholesky.solve(a, q);
    double ss = 0;
    for (int x = 0; x < m; x++) {
      ss += q[x] * beta[x];
    }
    return ss;
  }

  /**
   * @return the component root of each level (R levels first, then K levels); -1 for levels without
   *     values
   */
  private static int[] components(int[] cr, int[] ck, int size, int nr, int nk) {
    int[] parent = new int[nr + nk];
    for (int i = 0; i < parent.length; i++) {
      parent[i] = i;
    }
    boolean[] used = new boolean[nr + nk];
    // Consecutive cells often share their K level (a group's cells in a block design): its root is
    // found once for the run of them, and stays a root, since each union hangs the other root
    // under it.
    int lastB = -1;
    int rootB = -1;
    for (int c = 0; c < size; c++) {
      int a = cr[c];
      int b = nr + ck[c];
      used[a] = true;
      used[b] = true;
      if (b != lastB) {
        lastB = b;
        rootB = find(parent, b);
      }
      int rootA = find(parent, a);
      if (rootA != rootB) {
        parent[rootA] = rootB;
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
}
