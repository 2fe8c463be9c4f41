package org.sweeplab.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The one-way ANOVA from level moments, with the groups' rows interleaved and rows not in use
 * between them. Expected values: as {@link InferenceTest} (scipy 1.10.1, numpy 1.24.2, exact
 * rational arithmetic).
 */
class LevelMomentsTest {

  /** The groups, their rows interleaved round robin, with a row not in use (NaN) after each. */
  private static LevelMoments interleaved(double[]... groups) {
    List<double[]> rows = new ArrayList<>(); // {level, value, use}
    int longest = Stream.of(groups).mapToInt(g -> g.length).max().orElse(0);
    for (int i = 0; i < longest; i++) {
      for (int g = 0; g < groups.length; g++) {
        if (i < groups[g].length) {
          rows.add(new double[] {g, groups[g][i], 1});
          rows.add(new double[] {g, Double.NaN, 0});
        }
      }
    }
    int[] level = rows.stream().mapToInt(r -> (int) r[0]).toArray();
    double[] y = rows.stream().mapToDouble(r -> r[1]).toArray();
    boolean[] use = new boolean[rows.size()];
    for (int i = 0; i < use.length; i++) {
      use[i] = rows.get(i)[2] == 1;
    }
    return LevelMoments.of(level, groups.length, use, y);
  }

  static Stream<Arguments> references() {
    double[] a = {1000000000.0000001, 1000000000.0000004, 1000000000.0000002, 1000000000.0000003};
    double[] b = {1000000000.0000006, 1000000000.0000009, 1000000000.0000008, 1000000000.0000005};
    return Stream.of(
        // scipy 1.10.1: f_oneway(A, B, C); numpy 1.24.2: SSB / SST
        Arguments.of(
            new double[][] {InferenceTest.A, InferenceTest.B, InferenceTest.C},
            5.692558302656979,
            0.014470775611398472,
            0.4314976801361182),
        // exact rationals: (SSB / 1) / (SSW / 6) and SSB / SST; scipy 1.10.1: f.sf(F, 1, 6)
        Arguments.of(
            new double[][] {a, b}, 13.235294117647058, 0.010860356596431626, 0.6880733944954128));
  }

  @ParameterizedTest
  @MethodSource("references")
  void anovaFromMomentsMatchesTheReference(double[][] groups, double f, double p, double eta) {
    Inference.Overall r = Inference.anova(interleaved(groups));
    assertEquals(f, r.statistic(), 1e-9 * f);
    assertEquals(p, r.pValue(), 1e-10);
    assertEquals(eta, r.effect(), 1e-12);
    assertEquals(groups.length - 1, r.df1());
  }

  @ParameterizedTest
  @MethodSource("references")
  void levelMeansAreTheGroupsMeans(double[][] groups, double f, double p, double eta) {
    LevelMoments m = interleaved(groups);
    for (int g = 0; g < groups.length; g++) {
      assertEquals(groups[g].length, m.n[g]);
      // exact to the last bit of the mean: MetricAccumulator's two-pass mean of the group alone
      assertEquals(MetricAccumulator.wrap(groups[g]).mean(), m.mean[g], Math.ulp(m.mean[g]));
    }
  }

  /** Seeded random groups near 1e6: the moments' ANOVA equals the one of the copied groups. */
  @ParameterizedTest
  @MethodSource("seeds")
  void agreesWithTheAnovaOfCopiedGroups(long seed) {
    Random rng = new Random(seed);
    int levels = 2 + rng.nextInt(5);
    int rows = 50 + rng.nextInt(500);
    int[] level = new int[rows];
    double[] y = new double[rows];
    boolean[] use = new boolean[rows];
    List<List<Double>> groups = new ArrayList<>();
    for (int v = 0; v < levels; v++) {
      groups.add(new ArrayList<>());
    }
    for (int i = 0; i < rows; i++) {
      level[i] = rng.nextInt(levels);
      y[i] = 1e6 + level[i] * 0.1 + rng.nextGaussian();
      use[i] = rng.nextInt(10) > 0;
      if (use[i]) {
        groups.get(level[i]).add(y[i]);
      }
    }
    Inference.Overall expected =
        Inference.anova(
            groups.stream()
                .map(g -> g.stream().mapToDouble(Double::doubleValue).toArray())
                .toList());
    Inference.Overall actual = Inference.anova(LevelMoments.of(level, levels, use, y));
    assertEquals(expected.statistic(), actual.statistic(), 1e-9 * expected.statistic());
    assertEquals(expected.pValue(), actual.pValue(), 1e-12);
    assertEquals(expected.effect(), actual.effect(), 1e-12);
    assertEquals(expected.df2(), actual.df2());
  }

  static Stream<Long> seeds() {
    return Stream.of(1L, 2L, 3L, 42L, 2026L);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void aLevelWithoutRowsIsLeftOut(long seed) {
    int[] level = {0, 2, 0, 2, 0, 2};
    double[] y = {1, 4, 2, 5, 3, seed};
    boolean[] use = {true, true, true, true, true, false};
    LevelMoments m = LevelMoments.of(level, 3, use, y);
    assertEquals(0, m.n[1]);
    assertTrue(Double.isNaN(m.mean[1]));
    Inference.Overall r = Inference.anova(m);
    // two levels: {1, 2, 3} and {4, 5}; exact rationals: SSB = 7.5, SSW = 2.5, F = 7.5 / (2.5 / 3)
    assertEquals(1, r.df1());
    assertEquals(3, r.df2());
    assertEquals(9.0, r.statistic(), 1e-12);
    assertEquals(0.75, r.effect(), 1e-12);
  }
}
