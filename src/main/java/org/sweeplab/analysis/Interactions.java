package org.sweeplab.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.commons.statistics.distribution.FDistribution;

/**
 * Two-way interactions of parameters on a metric over ok runs, as R's {@code anova(lm(y ~ A * B))}:
 * the interaction sum of squares is the sequential (type I) one, {@code SS_AB = SS_cells - SS(A +
 * B)}, where {@code SS(A + B)} is the least-squares fit of the additive model ({@link
 * TwoWayAnova}), exact for unbalanced designs and empty cells. Degrees of freedom: {@code cells - a
 * - b + c} for the interaction (cells, levels and the c connected components of the design counted
 * over the ok runs, so an empty cell drops its degree of freedom, as R does) and {@code N - cells}
 * within. Effect: partial eta squared {@code SS_AB / (SS_AB + SS_within)}. p-values are
 * Holm-adjusted over every pair of parameters (one family, {@code p_holm}) before the strongest are
 * kept. Internal; {@link MainEffects} calls it.
 */
final class Interactions {
  private Interactions() {}

  /** One pair of parameters. */
  record Row(String name, double partialEta, double f, double df1, double df2, double pValue) {}

  /**
   * @param use which rows enter (ok and not NaN)
   * @param keep how many rows to keep, strongest first
   * @return the strongest pairs
   */
  static InteractionsResult detect(
      List<Levels> levels, boolean[] use, double[] metric, String metricName, int keep) {
    List<Row> rows = new ArrayList<>();
    TwoWayAnova.Centre centre = levels.size() < 2 ? null : TwoWayAnova.Centre.of(use, metric);
    for (int a = 0; a < levels.size(); a++) {
      for (int b = a + 1; b < levels.size(); b++) {
        rows.add(of(levels.get(a), levels.get(b), use, metric, centre));
      }
    }
    double[] holm = Intervals.holm(rows.stream().mapToDouble(Row::pValue).toArray());
    Integer[] order = new Integer[rows.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(
        order,
        Comparator.comparingDouble(
            i -> Double.isNaN(rows.get(i).partialEta()) ? 1 : -rows.get(i).partialEta()));
    List<InteractionsResult.Row> kept = new ArrayList<>();
    for (int i = 0; i < Math.min(keep, order.length); i++) {
      Row r = rows.get(order[i]);
      kept.add(
          new InteractionsResult.Row(
              r.name(), r.partialEta(), r.f(), r.df1(), r.df2(), r.pValue(), holm[order[i]]));
    }
    return new InteractionsResult(metricName, kept);
  }

  /**
   * @return the interaction of parameters la and lb; NaN statistics when it has no degree of
   *     freedom
   */
  private static Row of(
      Levels la, Levels lb, boolean[] use, double[] metric, TwoWayAnova.Centre centre) {
    String name = la.parameter + " x " + lb.parameter;
    TwoWayAnova t =
        TwoWayAnova.fit(la.levelOfRow, la.size(), lb.levelOfRow, lb.size(), use, metric, centre);
    double ssAb = Math.max(0, t.ssCells() - t.ssAdditive());
    double ssW = t.ssWithin();
    double dfAb = t.dfInteraction();
    double dfW = t.n() - t.cells();
    if (!(dfAb > 0) || !(dfW > 0)) {
      return new Row(name, Double.NaN, Double.NaN, dfAb, dfW, Double.NaN);
    }
    double partial = ssAb + ssW == 0 ? Double.NaN : ssAb / (ssAb + ssW);
    double f = (ssAb / dfAb) / (ssW / dfW);
    double p = ssW > 0 ? FDistribution.of(dfAb, dfW).survivalProbability(f) : Double.NaN;
    return new Row(name, partial, f, dfAb, dfW, p);
  }
}
