package org.sweeplab.space;

import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.LongFunction;
import org.sweeplab.results.DesignLayout;
import org.sweeplab.spec.Parameter;

/**
 * The space of a sensitivity design ({@code saltelli}, {@code morris}): its cells in order, each
 * distinct point once. Cells that coincide (common with discrete parameters, whose levels are taken
 * by quantile) would share a content key, so the later ones are not new variations; the {@link
 * DesignLayout} records which variation every cell ran as. Finding the distinct points takes one
 * pass over the cells when the space is first sized, holding an int per cell and a hash per
 * variation; the points themselves are still made one at a time.
 */
final class BlockSpace implements DesignSpace {
  /** The most cells: the layout holds an int per cell. */
  static final long MAX_CELLS = 1L << 28;

  private final List<String> names;
  private final PointSource cells;
  private final DesignLayout.Kind kind;
  private final MorrisCells morris;
  private final int rows;
  private final int width;
  private int[] variationOfCell;
  private int variations;

  private BlockSpace(
      List<String> names,
      PointSource cells,
      DesignLayout.Kind kind,
      MorrisCells morris,
      int rows,
      int width) {
    this.names = List.copyOf(names);
    this.cells = cells;
    this.kind = kind;
    this.morris = morris;
    this.rows = rows;
    this.width = width;
  }

  static BlockSpace saltelli(
      List<Parameter> params, List<String> names, long rows, boolean secondOrder) {
    SaltelliCells cells = new SaltelliCells(params, rows, secondOrder);
    return new BlockSpace(
        names, cells, DesignLayout.Kind.SALTELLI, null, (int) rows, cells.width());
  }

  static BlockSpace morris(
      List<Parameter> params, List<String> names, long trajectories, int levels, long seed) {
    MorrisCells cells = new MorrisCells(params, trajectories, levels, seed);
    return new BlockSpace(
        names, cells, DesignLayout.Kind.MORRIS, cells, (int) trajectories, params.size() + 1);
  }

  @Override
  public List<String> names() {
    return names;
  }

  @Override
  public long size() {
    index();
    return variations;
  }

  /** The number of cells, before coinciding points are merged. */
  long cellCount() {
    return cells.count();
  }

  private synchronized int[] index() {
    if (variationOfCell == null) {
      int[] of = new int[Math.toIntExact(cells.count())];
      Long2IntOpenHashMap seen = new Long2IntOpenHashMap();
      seen.defaultReturnValue(-1);
      Iterator<Object[]> it = cells.iterator();
      int n = 0;
      for (int c = 0; c < of.length; c++) {
        long key = VariationKeys.shortKey(VariationKeys.key(names, it.next()));
        int v = seen.putIfAbsent(key, n);
        of[c] = v < 0 ? n++ : v;
      }
      variations = n;
      variationOfCell = of;
    }
    return variationOfCell;
  }

  @Override
  public Iterator<Object[]> iterator() {
    int[] of = index();
    Iterator<Object[]> it = cells.iterator();
    return new Iterator<>() {
      private int cell;
      private int emitted;
      private Object[] pending;

      @Override
      public boolean hasNext() {
        while (pending == null && cell < of.length) {
          Object[] p = it.next();
          if (of[cell++] == emitted) {
            pending = p;
          }
        }
        return pending != null;
      }

      @Override
      public Object[] next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        Object[] p = pending;
        pending = null;
        emitted++;
        return p;
      }
    };
  }

  /** The layout, with each variation named by {@code id.apply(index)}. */
  DesignLayout layout(LongFunction<String> id) {
    int[] of = index();
    List<String> ids = new ArrayList<>(variations);
    for (int v = 0; v < variations; v++) {
      ids.add(id.apply(v));
    }
    int k = names.size();
    int[] stepFactor = new int[kind == DesignLayout.Kind.MORRIS ? rows * k : 0];
    double[] stepDelta = new double[stepFactor.length];
    for (int t = 0; t < (morris == null ? 0 : rows); t++) {
      MorrisCells.Trajectory tr = morris.trajectory(t);
      for (int s = 0; s < k; s++) {
        stepFactor[t * k + s] = tr.order()[s];
        stepDelta[t * k + s] = morris.unitStep(tr.sign()[s]);
      }
    }
    return new DesignLayout(kind, names, rows, width, ids, of.clone(), stepFactor, stepDelta);
  }
}
