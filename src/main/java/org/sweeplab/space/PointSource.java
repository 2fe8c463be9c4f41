package org.sweeplab.space;

import java.util.Iterator;

/** A finite sequence of points that can be replayed, e.g. the samples of a sampled design before exclusions. */
interface PointSource {

  /** The number of points. */
  long count();

  /** The points, from the first, each call starting again. */
  Iterator<Object[]> iterator();
}
