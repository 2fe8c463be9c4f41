package org.sweeplab.analysis;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * Rule discovery for failures, in the spirit of PRIM (Friedman and Fisher, 1999) but exhaustive and
 * shallow: every box made of one condition, or two conditions on different parameters, is scored,
 * where a condition is {@code p = v} for a level, or {@code p ≤ t} / {@code p ≥ t} at a value of a
 * numeric parameter with few distinct values. Density is the failure rate inside the box, coverage
 * the share of all failures it holds; the score is their harmonic mean, which prefers boxes that
 * are both pure and large. Boxes need at least max(5, 1% of runs) runs and a density above the
 * overall failure rate. The best boxes are kept greedily, skipping any box whose runs overlap a
 * kept box by more than 80% (Jaccard). Internal; {@link Patterns} calls it.
 */
final class FailureRules {
  private FailureRules() {}

  private record Box(
      String rule, BitSet rows, long runs, long failures, double density, double coverage) {
    double score() {
      return density + coverage == 0 ? 0 : 2 * density * coverage / (density + coverage);
    }
  }

  static FailureRulesResult detect(List<Levels> levels, boolean[] ok, int keep) {
    int n = ok.length;
    BitSet fail = new BitSet(n);
    for (int i = 0; i < n; i++) {
      if (!ok[i]) {
        fail.set(i);
      }
    }
    long failures = fail.cardinality();
    List<List<Box>> conditions = new ArrayList<>();
    for (Levels l : levels) {
      conditions.add(conditions(l, n));
    }
    long minRuns = Math.max(5, n / 100);
    double overall = (double) failures / n;
    List<Box> boxes = new ArrayList<>();
    for (int a = 0; a < conditions.size(); a++) {
      for (Box x : conditions.get(a)) {
        add(boxes, x.rule(), x.rows(), fail, failures, minRuns, overall);
        for (int b = a + 1; b < conditions.size(); b++) {
          for (Box y : conditions.get(b)) {
            BitSet both = (BitSet) x.rows().clone();
            both.and(y.rows());
            add(boxes, x.rule() + " AND " + y.rule(), both, fail, failures, minRuns, overall);
          }
        }
      }
    }
    boxes.sort(Comparator.comparingDouble(Box::score).reversed().thenComparingLong(Box::runs));
    List<Box> kept = new ArrayList<>();
    for (Box b : boxes) {
      if (kept.size() >= keep) {
        break;
      }
      if (kept.stream().noneMatch(k -> jaccard(k.rows(), b.rows()) > 0.8)) {
        kept.add(b);
      }
    }
    List<FailureRulesResult.Row> rows = new ArrayList<>(kept.size());
    for (Box b : kept) {
      rows.add(
          new FailureRulesResult.Row(
              b.rule(),
              b.runs(),
              b.failures(),
              b.density(),
              b.coverage(),
              b.density() / overall,
              String.format(
                  Locale.ROOT,
                  "%s: %.0f%% of these runs fail; they hold %.0f%% of all failures",
                  b.rule(),
                  100 * b.density(),
                  100 * b.coverage())));
    }
    return new FailureRulesResult(rows);
  }

  private static void add(
      List<Box> boxes,
      String rule,
      BitSet rows,
      BitSet fail,
      long failures,
      long minRuns,
      double overall) {
    long runs = rows.cardinality();
    if (runs < minRuns) {
      return;
    }
    BitSet f = (BitSet) rows.clone();
    f.and(fail);
    long k = f.cardinality();
    double density = (double) k / runs;
    if (density > overall) {
      boxes.add(new Box(rule, rows, runs, k, density, (double) k / failures));
    }
  }

  private static List<Box> conditions(Levels l, int n) {
    long[][] words = levelWords(l, n);
    List<Box> out = new ArrayList<>();
    boolean ordered = l.numbers != null;
    if (!ordered) {
      for (int v = 0; v < l.size(); v++) {
        out.add(new Box(l.labels.get(v), BitSet.valueOf(words[v]), 0, 0, 0, 0));
      }
      return out;
    }
    // Thresholds are the levels' distinct values; a row's value is its level's, so the rows at or
    // below a threshold are the union of the levels at or below it (a level without a number, NaN,
    // is on neither side).
    TreeSet<Double> values = new TreeSet<>();
    for (double x : l.numbers) {
      if (!Double.isNaN(x)) {
        values.add(x);
      }
    }
    for (double t : values) {
      long[] le = new long[words.length == 0 ? 0 : words[0].length];
      long[] ge = new long[le.length];
      for (int v = 0; v < l.size(); v++) {
        double x = l.numbers[v];
        if (x <= t) {
          or(le, words[v]);
        }
        if (x >= t) {
          or(ge, words[v]);
        }
      }
      if (t < values.last()) {
        out.add(new Box(l.parameter + " ≤ " + Levels.num(t), BitSet.valueOf(le), 0, 0, 0, 0));
      }
      if (t > values.first()) {
        out.add(new Box(l.parameter + " ≥ " + Levels.num(t), BitSet.valueOf(ge), 0, 0, 0, 0));
      }
    }
    return out;
  }

  /**
   * Each level's rows as the words of a bit set, in one pass over the rows (a pass and a {@code
   * BitSet.set} call per row and level cost a tenth of the patterns of 10M rows).
   */
  private static long[][] levelWords(Levels l, int n) {
    long[][] words = new long[l.size()][(n + 63) >>> 6];
    int[] level = l.levelOfRow;
    for (int i = 0; i < n; i++) {
      int v = level[i];
      if (v >= 0) {
        words[v][i >>> 6] |= 1L << i;
      }
    }
    return words;
  }

  private static void or(long[] into, long[] from) {
    for (int w = 0; w < into.length; w++) {
      into[w] |= from[w];
    }
  }

  private static double jaccard(BitSet a, BitSet b) {
    BitSet i = (BitSet) a.clone();
    i.and(b);
    BitSet u = (BitSet) a.clone();
    u.or(b);
    return u.isEmpty() ? 0 : (double) i.cardinality() / u.cardinality();
  }
}
