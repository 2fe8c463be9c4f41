package org.sweeplab.space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sweeplab.space.Specs.points;
import static org.sweeplab.space.Specs.sweep;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sweeplab.spec.Design;
import org.sweeplab.spec.SpecException;
import org.sweeplab.spec.SweepSpec;

class RandomDesignTest {

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 7, 8, 9, 100, 1000, 4097})
  void feistelPermutationIsABijection(long n) {
    FeistelPermutation p = new FeistelPermutation(n, 42 + n);
    boolean[] seen = new boolean[(int) n];
    for (long i = 0; i < n; i++) {
      long y = p.apply(i);
      assertTrue(y >= 0 && y < n, () -> "image " + y);
      assertTrue(!seen[(int) y], () -> "image " + y + " twice");
      seen[(int) y] = true;
    }
  }

  @Test
  void feistelPermutationCoversTheWholeLongRange() {
    FeistelPermutation p = new FeistelPermutation(Long.MAX_VALUE, 7);
    Set<Long> images = new HashSet<>();
    for (long i = 0; i < 1000; i++) {
      long y = p.apply(Long.MAX_VALUE - 1 - i);
      assertTrue(y >= 0, () -> "image " + y);
      images.add(y);
    }
    assertEquals(1000, images.size());
  }

  @Test
  void samplesAreDistinctGridPoints() {
    SweepSpec spec =
        sweep()
            .values("a", "x", "y", "z")
            .range("b", 1, 10, 1)
            .values("c", true, false)
            .design(Design.random(25))
            .seed(3)
            .build();
    DesignSpace space = DesignSpace.of(spec);
    List<List<Object>> grid = points(DesignSpace.of(spec.withDesign(Design.grid())));
    List<List<Object>> sample = points(space);
    assertEquals(25, space.size());
    assertEquals(25, sample.size());
    assertEquals(25, new HashSet<>(sample).size());
    assertTrue(grid.containsAll(sample));
  }

  @Test
  void samplingTheWholeGridGivesAPermutationOfIt() {
    SweepSpec spec =
        sweep().values("a", "x", "y", "z").range("b", 1, 10, 1).design(Design.random(30)).build();
    List<List<Object>> grid = points(DesignSpace.of(spec.withDesign(Design.grid())));
    List<List<Object>> sample = points(DesignSpace.of(spec));
    assertNotEquals(grid, sample);
    assertEquals(new HashSet<>(grid), new HashSet<>(sample));
    assertEquals(30, sample.size());
  }

  @Test
  void excludedPointsAreNeverSampled() {
    SweepSpec spec =
        sweep()
            .values("a", 1, 2, 3)
            .values("b", 1, 2, 3)
            .exclude("a", 1)
            .exclude("b", 2)
            .design(Design.random(4))
            .build();
    List<List<Object>> sample = points(DesignSpace.of(spec));
    assertEquals(
        Set.of(List.of(2L, 1L), List.of(2L, 3L), List.of(3L, 1L), List.of(3L, 3L)),
        new HashSet<>(sample));
  }

  @Test
  void moreSamplesThanPointsIsAnError() {
    SpecException e =
        assertThrows(
            SpecException.class,
            () ->
                DesignSpace.of(
                    sweep()
                        .values("a", 1, 2, 3)
                        .values("b", 1, 2)
                        .design(Design.random(7))
                        .build()));
    assertEquals("design.samples", e.keyPath());
    assertEquals(
        "7 random samples without replacement, but the grid has only 6 points; use samples <= 6, or"
            + " design 'grid' to run them all",
        e.problem());
  }

  @Test
  void moreSamplesThanPointsLeftAfterExclusionsIsAnError() {
    SpecException e =
        assertThrows(
            SpecException.class,
            () ->
                DesignSpace.of(
                    sweep()
                        .values("a", 1, 2, 3)
                        .values("b", 1, 2)
                        .exclude("a", 1)
                        .design(Design.random(5))
                        .build()));
    assertEquals(
        "5 random samples without replacement, but the grid has only 4 points after exclusions (6"
            + " before); use samples <= 4, or design 'grid' to run them all",
        e.problem());
  }

  @Test
  void thousandSamplesOfATrillionPointGrid() {
    DesignSpace space =
        DesignSpace.of(GridDesignTest.twelveByTen().design(Design.random(1000)).build());
    List<List<Object>> sample = points(space);
    assertEquals(1000, sample.size());
    assertEquals(1000, new HashSet<>(sample).size());
    int[] firstDigitCounts = new int[10];
    for (List<Object> p : sample) {
      assertEquals(12, p.size());
      for (Object v : p) {
        long level = (Long) v;
        assertTrue(level >= 0 && level <= 9, p::toString);
      }
      firstDigitCounts[(int) (long) (Long) p.get(0)]++;
    }
    // Spread over the grid, not a contiguous block: every level of the slowest parameter shows up.
    for (int c : firstDigitCounts) {
      assertTrue(c > 50, () -> java.util.Arrays.toString(firstDigitCounts));
    }
  }

  @Test
  void sameSpecSamePointsAndAnotherSeedOthers() {
    SweepSpec spec =
        sweep().range("a", 0, 99, 1).range("b", 0, 99, 1).design(Design.random(50)).seed(1).build();
    assertEquals(points(DesignSpace.of(spec)), points(DesignSpace.of(spec)));
    assertNotEquals(points(DesignSpace.of(spec)), points(DesignSpace.of(spec.withSeed(2))));
  }

  @Test
  void withADistributionItIsMonteCarlo() {
    SweepSpec spec =
        sweep()
            .uniform("x", 2, 5)
            .values("k", "a", "b")
            .design(Design.random(2000))
            .seed(9)
            .build();
    DesignSpace space = DesignSpace.of(spec);
    List<List<Object>> sample = points(space);
    assertEquals(2000, space.size());
    assertEquals(sample, points(DesignSpace.of(spec)));
    assertNotEquals(sample, points(DesignSpace.of(spec.withSeed(10))));
    double sum = 0;
    int as = 0;
    for (List<Object> p : sample) {
      double x = (Double) p.get(0);
      assertTrue(x >= 2 && x < 5, p::toString);
      sum += x;
      as += "a".equals(p.get(1)) ? 1 : 0;
    }
    // Mean of U(2, 5) is 3.5 with sd sqrt(0.75); over 2000 draws 5 sd of the mean is 0.097.
    assertEquals(3.5, sum / 2000, 0.097);
    assertEquals(1000, as, 5 * Math.sqrt(500));
  }

  @Test
  void monteCarloPointsDependOnTheirIndexOnly() {
    SweepSpec spec =
        sweep().uniform("x", 0, 1).normal("y", 0, 1).design(Design.random(10)).seed(4).build();
    MonteCarlo mc = new MonteCarlo(spec.parameters(), 10, Designs.designSeed(spec));
    List<List<Object>> byIndex = new ArrayList<>();
    for (long i = 9; i >= 0; i--) {
      byIndex.add(0, List.of(mc.point(i)));
    }
    assertEquals(byIndex, points(DesignSpace.of(spec)));
  }

  @Test
  void monteCarloWithExclusionsCountsTheSurvivors() {
    SweepSpec spec =
        sweep()
            .uniform("x", 0, 1)
            .values("k", "a", "b", "c")
            .exclude("k", "b")
            .design(Design.random(300))
            .build();
    DesignSpace space = DesignSpace.of(spec);
    List<List<Object>> sample = points(space);
    assertEquals(sample.size(), space.size());
    assertTrue(sample.size() < 300 && sample.size() > 150, () -> "size " + sample.size());
    assertTrue(sample.stream().noneMatch(p -> p.get(1).equals("b")));
  }

  @Test
  void exclusionsOnSampledDesignsNeedSamplesWithinMaxRuns() {
    SpecException e =
        assertThrows(
            SpecException.class,
            () ->
                DesignSpace.of(
                    sweep()
                        .uniform("x", 0, 1)
                        .values("k", "a", "b")
                        .exclude("k", "b")
                        .maxRuns(100)
                        .design(Design.random(101))
                        .build()));
    assertEquals(
        "101 samples with exclusion rules: the points left are counted one by one, so samples must be at"
            + " most execution.max_runs (100); lower samples or raise max_runs",
        e.problem());
  }
}
