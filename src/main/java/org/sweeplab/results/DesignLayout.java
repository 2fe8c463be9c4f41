package org.sweeplab.results;

import java.util.List;
import java.util.Objects;

/**
 * The structure of a sensitivity design, for reading its results: which variation each cell of its
 * blocks (Saltelli) or trajectories (Morris) ran as. The design writes it, the sensitivity analysis
 * reads it; both see only this record.
 *
 * <p>Points that coincide (two cells mapping to the same parameter values, which discrete
 * parameters make common) run once, as one variation, so several cells may name the same variation.
 *
 * <ul>
 *   <li>{@link Kind#SALTELLI}: {@code rows} base rows of {@code width} cells each, row-major. The
 *       cells of row j are A_j, AB_j^1 … AB_j^k, (BA_j^1 … BA_j^k with second order), B_j, where
 *       AB^i is A with column i taken from B and BA^i is B with column i taken from A (Saltelli
 *       2002; Saltelli et al. 2010).
 *   <li>{@link Kind#MORRIS}: {@code rows} trajectories of k + 1 points each ({@code width = k +
 *       1}); step s of trajectory t (from point s to s + 1) moves factor {@code stepFactor[t k +
 *       s]} by {@code stepDelta[t k + s]} in the unit (quantile) scale (Morris 1991).
 * </ul>
 *
 * @param kind the design
 * @param factors the parameter names, in spec order (k of them)
 * @param rows the base rows N (Saltelli) or the trajectories r (Morris)
 * @param width the cells of one row: k + 2, 2k + 2 with second order, or k + 1 for Morris
 * @param variationIds the id of each variation of the design, in design order
 * @param cells for each cell, row-major, the index of its variation in {@code variationIds}
 * @param stepFactor Morris: the factor each step moves (empty for Saltelli)
 * @param stepDelta Morris: the signed step in the unit scale (empty for Saltelli)
 */
public record DesignLayout(
    Kind kind,
    List<String> factors,
    int rows,
    int width,
    List<String> variationIds,
    int[] cells,
    int[] stepFactor,
    double[] stepDelta) {

  /** The sensitivity designs. */
  public enum Kind {
    /** A Saltelli sample, for Sobol indices. */
    SALTELLI,
    /** Morris trajectories, for elementary effects. */
    MORRIS
  }

  public DesignLayout {
    Objects.requireNonNull(kind, "kind");
    factors = List.copyOf(factors);
    variationIds = List.copyOf(variationIds);
    if (cells.length != (long) rows * width) {
      throw new IllegalArgumentException(
          "a layout of "
              + rows
              + " rows of "
              + width
              + " cells needs "
              + (long) rows * width
              + " cells, got "
              + cells.length);
    }
    int steps = kind == Kind.MORRIS ? rows * factors.size() : 0;
    if (stepFactor.length != steps || stepDelta.length != steps) {
      throw new IllegalArgumentException(
          "a "
              + kind
              + " layout needs "
              + steps
              + " steps, got "
              + stepFactor.length
              + " factors and "
              + stepDelta.length
              + " deltas");
    }
  }

  /** Whether a Saltelli layout holds the BA_i blocks for second-order indices. */
  public boolean hasSecondOrder() {
    return kind == Kind.SALTELLI && width == 2 * factors.size() + 2;
  }

  /**
   * @return one line for {@code plan}: e.g. {@code saltelli: 1,024 base rows x 5 cells (k + 2) =
   *     5,120 cells, 5,118 distinct points}
   */
  public String describe() {
    String shape = kind == Kind.MORRIS ? "trajectories" : "base rows";
    String width = kind == Kind.MORRIS ? "k + 1" : hasSecondOrder() ? "2k + 2" : "k + 2";
    return String.format(
        java.util.Locale.ROOT,
        "%s: %,d %s x %d cells (%s) = %,d cells, %,d distinct points%s",
        kind.name().toLowerCase(java.util.Locale.ROOT),
        rows,
        shape,
        this.width,
        width,
        cells.length,
        variationIds.size(),
        variationIds.size() < cells.length ? " (coinciding cells run once)" : "");
  }

  /** The variation index of cell {@code c} of row {@code row}. */
  public int cell(int row, int c) {
    return cells[row * width + c];
  }
}
