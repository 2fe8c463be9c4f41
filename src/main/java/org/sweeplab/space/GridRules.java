package org.sweeplab.space;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sweeplab.spec.SpecException;

/**
 * Exclusion rules on a grid, in level-index form: a rule fixes the level of some dimensions ({@code
 * -1} elsewhere) and so excludes a sub-grid. Matching works on level indices, and {@link
 * #allowed()} counts the points no rule matches exactly, without enumerating the grid.
 *
 * <p>Counting: rules that can never add anything are dropped first (duplicates, and rules implied
 * by a more general one). Up to {@value #INCLUSION_EXCLUSION_RULES} rules are counted by
 * inclusion–exclusion over the subsets of rules, pruning every subset whose rules conflict (two
 * different levels for one dimension: the intersection is empty, and so is every superset's). With
 * more rules, 2^n subsets are too many, so the count branches on dimensions instead: for the
 * dimension most rules fix, each level some rule fixes is counted on its own and the remaining
 * levels together; groups of rules with no dimension in common are counted apart and multiplied;
 * sub-counts are memoised. That is exact for any number of rules and fast unless the rules are both
 * numerous and entangled; past {@value #MAX_STATES} memoised cases it gives up with a clear
 * message.
 */
final class GridRules {
  static final int INCLUSION_EXCLUSION_RULES = 20;
  static final int MAX_STATES = 1 << 17;

  /** {@link #excludedPrefix} when no rule matches. */
  static final int NO_MATCH = Integer.MIN_VALUE;

  private final int[] radix;
  private final int[][] rules;

  GridRules(Grid grid, List<int[]> levelRules) {
    this.radix = new int[grid.dimensions()];
    for (int d = 0; d < radix.length; d++) {
      radix[d] = grid.radix(d);
    }
    this.rules = simplify(levelRules).toArray(new int[0][]);
  }

  /** True when the level indices match a rule. */
  boolean matches(int[] digits) {
    for (int[] rule : rules) {
      boolean all = true;
      for (int d = 0; d < rule.length && all; d++) {
        all = rule[d] < 0 || rule[d] == digits[d];
      }
      if (all) {
        return true;
      }
    }
    return false;
  }

  /**
   * For level indices that some rule matches, the shortest prefix that already decides it: the
   * smallest, over the matching rules, of the last dimension the rule fixes (every index with the
   * same digits up to there is excluded too). {@link #NO_MATCH} when no rule matches.
   */
  int excludedPrefix(int[] digits) {
    int best = NO_MATCH;
    for (int[] rule : rules) {
      int last = -1;
      boolean all = true;
      for (int d = 0; d < rule.length && all; d++) {
        if (rule[d] >= 0) {
          all = rule[d] == digits[d];
          last = d;
        }
      }
      if (all && (best == NO_MATCH || last < best)) {
        best = last;
      }
    }
    return best;
  }

  /** The number of grid points no rule matches; {@code gridSize} is the product of the radices. */
  long allowed(long gridSize) {
    if (rules.length == 0) {
      return gridSize;
    }
    return rules.length <= INCLUSION_EXCLUSION_RULES
        ? allowedByInclusionExclusion(gridSize)
        : allowedBySplitting();
  }

  /**
   * {@link #allowed} by inclusion–exclusion, whatever the number of rules (2^rules work at worst).
   */
  long allowedByInclusionExclusion(long gridSize) {
    return gridSize - inclusionExclusion();
  }

  /** {@link #allowed} by branching on dimensions, whatever the number of rules. */
  long allowedBySplitting() {
    return new Splitter().allowed();
  }

  /**
   * The number of points matched by at least one rule, by inclusion–exclusion. The alternating sum
   * is taken in wrapping long arithmetic: partial sums may exceed 2^63, but the result lies in [0,
   * grid size], so the sum modulo 2^64 is exact.
   */
  private long inclusionExclusion() {
    int[] any = new int[radix.length];
    Arrays.fill(any, -1);
    return inclusionExclusion(0, any, 1);
  }

  private long inclusionExclusion(int from, int[] current, long sign) {
    long sum = 0;
    for (int r = from; r < rules.length; r++) {
      int[] merged = merge(current, rules[r]);
      if (merged != null) {
        sum += sign * count(merged) + inclusionExclusion(r + 1, merged, -sign);
      }
    }
    return sum;
  }

  /** The points matching both rules, or null when they conflict. */
  private static int[] merge(int[] a, int[] b) {
    int[] out = a.clone();
    for (int d = 0; d < b.length; d++) {
      if (b[d] >= 0) {
        if (out[d] >= 0 && out[d] != b[d]) {
          return null;
        }
        out[d] = b[d];
      }
    }
    return out;
  }

  private long count(int[] rule) {
    long n = 1;
    for (int d = 0; d < rule.length; d++) {
      if (rule[d] < 0) {
        n *= radix[d];
      }
    }
    return n;
  }

  /** Drops duplicates and every rule implied by another (one fixing a subset of its levels). */
  private static List<int[]> simplify(List<int[]> in) {
    List<int[]> out = new ArrayList<>();
    for (int i = 0; i < in.size(); i++) {
      boolean redundant = false;
      for (int j = 0; j < in.size() && !redundant; j++) {
        if (i != j && implies(in.get(j), in.get(i))) {
          // Keep the first of equal rules.
          redundant = !Arrays.equals(in.get(i), in.get(j)) || j < i;
        }
      }
      if (!redundant) {
        out.add(in.get(i));
      }
    }
    return out;
  }

  /** True when every point matching {@code specific} also matches {@code general}. */
  private static boolean implies(int[] general, int[] specific) {
    for (int d = 0; d < general.length; d++) {
      if (general[d] >= 0 && general[d] != specific[d]) {
        return false;
      }
    }
    return true;
  }

  /**
   * Counting by branching on dimensions. A call counts the points of a sub-grid over some
   * dimensions (its scope) that no live rule matches, where every live rule already agrees with the
   * branch outside the scope. Dimensions no live rule fixes contribute their level count as a
   * factor; rules falling into groups with no dimension in common are counted apart and multiplied;
   * otherwise the dimension most rules fix is branched on. Results are memoised on (live rules,
   * scope).
   */
  private final class Splitter {
    private final BitSet[] fixes = new BitSet[rules.length];
    private final Map<List<BitSet>, Long> memo = new HashMap<>();

    Splitter() {
      for (int r = 0; r < rules.length; r++) {
        fixes[r] = new BitSet(radix.length);
        for (int d = 0; d < radix.length; d++) {
          if (rules[r][d] >= 0) {
            fixes[r].set(d);
          }
        }
      }
    }

    long allowed() {
      BitSet live = new BitSet(rules.length);
      live.set(0, rules.length);
      BitSet scope = new BitSet(radix.length);
      scope.set(0, radix.length);
      return count(live, scope);
    }

    private long count(BitSet live, BitSet scope) {
      BitSet mentioned = new BitSet(radix.length);
      for (int r = live.nextSetBit(0); r >= 0; r = live.nextSetBit(r + 1)) {
        BitSet within = (BitSet) fixes[r].clone();
        within.and(scope);
        if (within.isEmpty()) {
          return 0; // the rule matches the whole sub-grid
        }
        mentioned.or(within);
      }
      long outside = 1;
      for (int d = scope.nextSetBit(0); d >= 0; d = scope.nextSetBit(d + 1)) {
        if (!mentioned.get(d)) {
          outside *= radix[d];
        }
      }
      return live.isEmpty() ? outside : outside * core(live, mentioned);
    }

    /** {@link #count} when every dimension of the scope is fixed by some live rule. */
    private long core(BitSet live, BitSet scope) {
      List<BitSet> key = List.of(live, scope);
      Long known = memo.get(key);
      if (known != null) {
        return known;
      }
      if (memo.size() >= MAX_STATES) {
        throw new SpecException(
            null,
            0,
            0,
            "design.exclude",
            String.format(
                Locale.ROOT,
                "%d exclusion rules are too entangled to count the remaining points exactly (more than %d cases);"
                    + " merge rules, or fold excluded combinations into the parameters' values",
                rules.length,
                MAX_STATES));
      }
      List<BitSet[]> groups = groups(live, scope);
      long total;
      if (groups.size() > 1) {
        total = 1;
        for (BitSet[] g : groups) {
          total *= core(g[0], g[1]);
        }
      } else {
        total = branch(live, scope);
      }
      memo.put(key, total);
      return total;
    }

    private long branch(BitSet live, BitSet scope) {
      int[] votes = new int[radix.length];
      for (int r = live.nextSetBit(0); r >= 0; r = live.nextSetBit(r + 1)) {
        for (int d = fixes[r].nextSetBit(0); d >= 0; d = fixes[r].nextSetBit(d + 1)) {
          if (scope.get(d)) {
            votes[d]++;
          }
        }
      }
      int dim = scope.nextSetBit(0);
      for (int d = scope.nextSetBit(0); d >= 0; d = scope.nextSetBit(d + 1)) {
        if (votes[d] > votes[dim]) {
          dim = d;
        }
      }
      BitSet rest = (BitSet) scope.clone();
      rest.clear(dim);
      BitSet unaffected = new BitSet(rules.length);
      Map<Integer, BitSet> byLevel = new HashMap<>();
      for (int r = live.nextSetBit(0); r >= 0; r = live.nextSetBit(r + 1)) {
        int level = rules[r][dim];
        if (level < 0) {
          unaffected.set(r);
        } else {
          byLevel.computeIfAbsent(level, l -> new BitSet(rules.length)).set(r);
        }
      }
      int otherLevels = radix[dim] - byLevel.size();
      long total = otherLevels == 0 ? 0 : otherLevels * count(unaffected, rest);
      for (BitSet atLevel : byLevel.values()) {
        atLevel.or(unaffected);
        total += count(atLevel, rest);
      }
      return total;
    }

    /**
     * The live rules split into groups sharing no dimension of the scope: pairs of (rules, their
     * dimensions).
     */
    private List<BitSet[]> groups(BitSet live, BitSet scope) {
      int[] parent = new int[radix.length];
      for (int d = 0; d < parent.length; d++) {
        parent[d] = d;
      }
      for (int r = live.nextSetBit(0); r >= 0; r = live.nextSetBit(r + 1)) {
        int first = -1;
        for (int d = fixes[r].nextSetBit(0); d >= 0; d = fixes[r].nextSetBit(d + 1)) {
          if (scope.get(d)) {
            if (first < 0) {
              first = d;
            } else {
              parent[find(parent, d)] = find(parent, first);
            }
          }
        }
      }
      Map<Integer, BitSet[]> byRoot = new java.util.LinkedHashMap<>();
      for (int r = live.nextSetBit(0); r >= 0; r = live.nextSetBit(r + 1)) {
        BitSet within = (BitSet) fixes[r].clone();
        within.and(scope);
        BitSet[] g =
            byRoot.computeIfAbsent(
                find(parent, within.nextSetBit(0)),
                k -> new BitSet[] {new BitSet(rules.length), new BitSet(radix.length)});
        g[0].set(r);
        g[1].or(within);
      }
      return new ArrayList<>(byRoot.values());
    }

    private int find(int[] parent, int d) {
      while (parent[d] != d) {
        parent[d] = parent[parent[d]];
        d = parent[d];
      }
      return d;
    }
  }
}
