package org.sweeplab.space;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.commons.math3.random.SobolSequenceGenerator;
import org.sweeplab.spec.Parameter;

/**
 * The cells of a Saltelli sample (Saltelli 2002; Saltelli et al. 2010, Comput. Phys. Commun.
 * 181:259), row by row: row j is A_j, AB_j^1 … AB_j^k, (BA_j^1 … BA_j^k), B_j, where A_j and B_j
 * are the two halves of element N + j of a 2k-dimensional Sobol sequence (Commons Math, Joe–Kuo
 * direction numbers) and AB^i is A with column i from B. The first N elements are skipped, as
 * SALib's {@code saltelli.sample} does by default (so the origin, which maps every parameter to its
 * lowest value, is never used, and for N a power of two the rows are one (t, m, s)-net); with the
 * same N the sample is SALib's, point for point. Each unit coordinate is mapped with {@link
 * Parameter#fromUnit}, so a discrete parameter takes its levels by quantile. Rows come in order, so
 * the first n rows of a sample of N are the sample of n: a sweep stopped early still holds complete
 * blocks, and convergence is read from prefixes.
 */
final class SaltelliCells implements PointSource {
  /**
   * The most parameters: Commons Math has direction numbers for 1000 dimensions, and A and B take k
   * each.
   */
  static final int MAX_FACTORS = 500;

  private final List<Parameter> params;
  private final long rows;
  private final boolean secondOrder;

  SaltelliCells(List<Parameter> params, long rows, boolean secondOrder) {
    if (params.isEmpty() || params.size() > MAX_FACTORS) {
      throw new IllegalArgumentException(
          "a Saltelli sample needs 1.." + MAX_FACTORS + " parameters, got " + params.size());
    }
    this.params = List.copyOf(params);
    this.rows = rows;
    this.secondOrder = secondOrder;
  }

  /** The cells of one row: k + 2, or 2k + 2 with second order. */
  int width() {
    int k = params.size();
    return secondOrder ? 2 * k + 2 : k + 2;
  }

  @Override
  public long count() {
    return rows * width();
  }

  @Override
  public Iterator<Object[]> iterator() {
    int k = params.size();
    int width = width();
    SobolSequenceGenerator generator = new SobolSequenceGenerator(2 * k);
    generator.skipTo(Math.toIntExact(rows));
    return new Iterator<>() {
      private long row;
      private int cell = width;
      private double[] u;

      @Override
      public boolean hasNext() {
        return cell < width || row < rows;
      }

      @Override
      public Object[] next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        if (cell == width) {
          u = generator.nextVector();
          row++;
          cell = 0;
        }
        int c = cell++;
        double[] a = u;
        // Cell c: 0 is A, 1..k are AB^i, k+1..2k are BA^i (second order), the last is B.
        return PointSource.fromUnits(
            params,
            j -> {
              boolean fromB;
              if (c == 0) {
                fromB = false;
              } else if (c == width - 1) {
                fromB = true;
              } else if (c <= k) {
                fromB = j == c - 1;
              } else {
                fromB = j != c - k - 1;
              }
              return a[fromB ? k + j : j];
            });
      }
    };
  }
}
