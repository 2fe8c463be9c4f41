package org.sweeplab.space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sweeplab.space.Specs.points;
import static org.sweeplab.space.Specs.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.sweeplab.spec.Design;
import org.sweeplab.spec.Parameter;
import org.sweeplab.spec.SpecException;
import org.sweeplab.spec.SweepSpec;

/**
 * The exact size of a grid with exclusions, against brute force: every grid point decoded and
 * checked against the rules by value ({@link Exclusions#matches}), independently of the level-index
 * counting under test.
 */
class ExclusionCountTest {

  static LongStream seeds() {
    return LongStream.range(0, 300);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void sizeAndPointsEqualBruteForce(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    SweepSpec spec = randomGridSpec(rnd, 1 + rnd.nextInt(30));
    DesignSpace space = DesignSpace.of(spec);
    List<List<Object>> expected = bruteForce(spec);
    assertEquals(
        expected.size(), space.size(), () -> "seed " + seed + ": " + spec.design().exclude());
    assertEquals(expected, points(space), () -> "seed " + seed);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void inclusionExclusionAndSplittingAgree(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed ^ 0x5DEECE66DL);
    SweepSpec spec = randomGridSpec(rnd, 1 + rnd.nextInt(16));
    Grid grid = Grid.of(spec.parameters());
    GridRules rules =
        new GridRules(
            grid, Exclusions.of(spec.design().exclude(), spec.parameterNames()).onGrid(grid));
    long expected = bruteForce(spec).size();
    assertEquals(expected, rules.allowedByInclusionExclusion(grid.size()), () -> "seed " + seed);
    assertEquals(expected, rules.allowedBySplitting(), () -> "seed " + seed);
  }

  @ParameterizedTest
  @ValueSource(ints = {21, 60, 200})
  void manyRulesOnAHugeGridAreCountedExactly(int ruleCount) {
    // 40 parameters x 3 levels (3^40 ~ 1.2e19 > Long.MAX, so 39 of them), rules fixing 1-3 random
    // levels each.
    SplittableRandom rnd = new SplittableRandom(ruleCount);
    SweepSpec.Builder b = sweep();
    int dims = 39;
    for (int d = 0; d < dims; d++) {
      b.range("p" + d, 0, 2, 1);
    }
    List<Map<String, Object>> rules = new ArrayList<>();
    for (int r = 0; r < ruleCount; r++) {
      Map<String, Object> rule = new LinkedHashMap<>();
      int fixed = 1 + rnd.nextInt(3);
      while (rule.size() < fixed) {
        rule.put("p" + rnd.nextInt(dims), (long) rnd.nextInt(3));
      }
      rules.add(rule);
    }
    Design design = Design.grid();
    for (Map<String, Object> rule : rules) {
      design = design.excluding(rule);
    }
    SweepSpec spec = b.design(design).build();
    Grid grid = Grid.of(spec.parameters());
    GridRules gridRules =
        new GridRules(grid, Exclusions.of(rules, spec.parameterNames()).onGrid(grid));
    long size = DesignSpace.of(spec).size();
    assertEquals(gridRules.allowedBySplitting(), size);
    // Cross-check by independent sampling: the fraction of allowed points estimates size / grid
    // size.
    int hits = 0;
    int trials = 20_000;
    int[] digits = new int[dims];
    Exclusions byValue = Exclusions.of(rules, spec.parameterNames());
    for (int t = 0; t < trials; t++) {
      grid.decode(rnd.nextLong(grid.size()), digits);
      if (!byValue.matches(grid.point(digits))) {
        hits++;
      }
    }
    double expected = (double) size / grid.size();
    double sd = Math.sqrt(expected * (1 - expected) / trials);
    assertEquals(expected, (double) hits / trials, 5 * sd + 1e-9);
  }

  @ParameterizedTest
  @ValueSource(ints = {25, 100})
  void manyRulesOnOneParameterAreCounted(int ruleCount) {
    SweepSpec.Builder b = sweep().range("a", 0, ruleCount + 9, 1).values("b", "x", "y");
    for (int r = 0; r < ruleCount; r++) {
      b.exclude("a", (long) r);
    }
    assertEquals(20, DesignSpace.of(b.build()).size());
  }

  @Test
  void entangledRulesBeyondTheLimitGiveAClearError() {
    // 60 binary parameters, 400 rules each fixing 8 random ones: too many cases to memoise.
    SplittableRandom rnd = new SplittableRandom(1);
    SweepSpec.Builder b = sweep();
    for (int d = 0; d < 60; d++) {
      b.values("p" + d, true, false);
    }
    for (int r = 0; r < 400; r++) {
      Object[] pairs = new Object[16];
      List<Integer> dims = new ArrayList<>();
      while (dims.size() < 8) {
        int d = rnd.nextInt(60);
        if (!dims.contains(d)) {
          dims.add(d);
        }
      }
      for (int k = 0; k < 8; k++) {
        pairs[2 * k] = "p" + dims.get(k);
        pairs[2 * k + 1] = rnd.nextBoolean();
      }
      b.exclude(pairs);
    }
    SweepSpec spec = b.build();
    SpecException e = assertThrows(SpecException.class, () -> DesignSpace.of(spec));
    assertEquals("design.exclude", e.keyPath());
    assertTrue(
        e.problem().startsWith("400 exclusion rules are too entangled to count"), e.problem());
  }

  /**
   * A grid of 1-4 parameters with 1-4 levels each (integers, floats with integral values, or
   * strings), and rules fixing 1-3 of them, sometimes to a value that is no level, numbers given as
   * Long or Double at random.
   */
  static SweepSpec randomGridSpec(SplittableRandom rnd, int ruleCount) {
    SweepSpec.Builder b = sweep();
    int dims = 1 + rnd.nextInt(4);
    List<Parameter> params = new ArrayList<>();
    for (int d = 0; d < dims; d++) {
      int levels = 1 + rnd.nextInt(4);
      Parameter p =
          switch (rnd.nextInt(3)) {
            case 0 -> new Parameter.IntRange("p" + d, 0, levels - 1, 1);
            case 1 -> new Parameter.Linspace("p" + d, 0, levels - 1, levels);
            default ->
                new Parameter.Values(
                    "p" + d,
                    Stream.of("a", "b", "c", "d").limit(levels).map(s -> (Object) s).toList());
          };
      params.add(p);
      b.parameter(p);
    }
    Design design = Design.grid();
    for (int r = 0; r < ruleCount; r++) {
      Map<String, Object> rule = new LinkedHashMap<>();
      int fixed = 1 + rnd.nextInt(Math.min(3, dims));
      while (rule.size() < fixed) {
        Parameter p = params.get(rnd.nextInt(dims));
        int level = rnd.nextInt(p.size() + 1); // one past the end: no such level
        Object value;
        if (p instanceof Parameter.Values) {
          value = level < p.size() ? p.level(level) : "zz";
        } else {
          value = rnd.nextBoolean() ? (Object) (long) level : (Object) (double) level;
        }
        rule.put(p.name(), value);
      }
      design = design.excluding(rule);
    }
    return b.design(design).build();
  }

  static List<List<Object>> bruteForce(SweepSpec spec) {
    Grid grid = Grid.of(spec.parameters());
    Exclusions rules = Exclusions.of(spec.design().exclude(), spec.parameterNames());
    List<List<Object>> out = new ArrayList<>();
    int[] digits = new int[grid.dimensions()];
    for (long i = 0; i < grid.size(); i++) {
      grid.decode(i, digits);
      Object[] point = grid.point(digits);
      if (!rules.matches(point)) {
        out.add(List.of(point));
      }
    }
    return out;
  }
}
