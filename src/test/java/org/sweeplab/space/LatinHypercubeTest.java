package org.sweeplab.space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sweeplab.space.Specs.points;
import static org.sweeplab.space.Specs.sweep;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.sweeplab.spec.Design;
import org.sweeplab.spec.SpecException;
import org.sweeplab.spec.SweepSpec;

class LatinHypercubeTest {

  @ParameterizedTest
  @CsvSource({"1, 0", "2, 1", "10, 2", "97, 3", "1000, 4", "4096, 5"})
  void everyStratumIsHitOnceInEveryDimension(int n, long seed) {
    SweepSpec spec =
        sweep()
            .uniform("a", 0, 1)
            .uniform("b", 0, 1)
            .uniform("c", 0, 1)
            .design(Design.lhs(n))
            .seed(seed)
            .build();
    List<List<Object>> pts = points(DesignSpace.of(spec));
    assertEquals(n, pts.size());
    for (int j = 0; j < 3; j++) {
      int[] hits = new int[n];
      for (List<Object> p : pts) {
        double u = (Double) p.get(j);
        assertTrue(u >= 0 && u < 1, p::toString);
        hits[(int) Math.floor(u * n)]++;
      }
      for (int s = 0; s < n; s++) {
        assertEquals(1, hits[s], "dimension " + j + " stratum " + s);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.0, 0.5, 0.9999999999999999})
  void jitterNeverLeavesItsStratum(double jitter) {
    for (long n : new long[] {1, 3, 7, 10, 1000, 999_983}) {
      for (long s : new long[] {0, n / 2, n - 1}) {
        double u = LatinHypercube.inStratum(s, jitter, n);
        assertEquals(s, (long) Math.floor(u * n), () -> "stratum " + s + " of " + n);
        assertTrue(u < 1);
      }
    }
  }

  @Test
  void discreteParametersTakeEveryLevelEquallyOften() {
    SweepSpec spec =
        sweep().uniform("x", 0, 1).values("k", "a", "b", "c", "d").design(Design.lhs(100)).build();
    List<List<Object>> pts = points(DesignSpace.of(spec));
    for (String level : List.of("a", "b", "c", "d")) {
      assertEquals(25, pts.stream().filter(p -> p.get(1).equals(level)).count(), level);
    }
  }

  @Test
  void sameSpecSamePointsAndAnotherSeedOthers() {
    SweepSpec spec =
        sweep().uniform("x", 0, 1).normal("y", 10, 2).design(Design.lhs(20)).seed(5).build();
    assertEquals(points(DesignSpace.of(spec)), points(DesignSpace.of(spec)));
    assertNotEquals(points(DesignSpace.of(spec)), points(DesignSpace.of(spec.withSeed(6))));
  }

  @Test
  void onlyListsIsAnError() {
    SpecException e =
        assertThrows(
            SpecException.class,
            () ->
                DesignSpace.of(
                    sweep().values("a", 1, 2).range("b", 0, 5, 1).design(Design.lhs(4)).build()));
    assertEquals("design.type", e.keyPath());
    assertEquals(
        "design 'lhs' needs at least one distribution parameter; with only values use 'grid' or 'random'",
        e.problem());
  }

  @Test
  void exclusionsDropPointsAndTheSizeIsExact() {
    SweepSpec spec =
        sweep()
            .uniform("x", 0, 1)
            .values("k", "a", "b")
            .exclude("k", "a")
            .design(Design.lhs(40))
            .build();
    DesignSpace space = DesignSpace.of(spec);
    List<List<Object>> pts = points(space);
    assertEquals(20, space.size());
    assertEquals(20, pts.size());
    assertTrue(pts.stream().allMatch(p -> p.get(1).equals("b")));
  }
}
