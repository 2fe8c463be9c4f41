package org.sweeplab.space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sweeplab.space.Specs.first;
import static org.sweeplab.space.Specs.points;
import static org.sweeplab.space.Specs.sweep;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sweeplab.spec.Design;
import org.sweeplab.spec.SpecException;
import org.sweeplab.spec.SweepSpec;

class GridDesignTest {

  @Test
  void lastParameterVariesFastest() {
    DesignSpace space = DesignSpace.of(sweep().values("a", "x", "y").range("b", 1, 3, 1).build());
    assertEquals(List.of("a", "b"), space.names());
    assertEquals(6, space.size());
    assertEquals(
        List.of(
            List.of("x", 1L),
            List.of("x", 2L),
            List.of("x", 3L),
            List.of("y", 1L),
            List.of("y", 2L),
            List.of("y", 3L)),
        points(space));
  }

  @Test
  void eachIteratorStartsAgain() {
    DesignSpace space = DesignSpace.of(sweep().values("a", 1, 2).values("b", true, false).build());
    assertEquals(points(space), points(space));
  }

  @Test
  void noParametersIsOnePoint() {
    DesignSpace space = DesignSpace.of(sweep().build());
    assertEquals(1, space.size());
    assertEquals(List.of(List.of()), points(space));
  }

  @Test
  void gridOverDistributionIsAnError() {
    SpecException e =
        assertThrows(
            SpecException.class,
            () -> DesignSpace.of(sweep().values("n", 1, 2).uniform("alpha", 0, 1).build()));
    assertEquals("design.type", e.keyPath());
    assertEquals(
        "parameter 'alpha' is a uniform distribution; a grid needs values — use design lhs/sobol/random,"
            + " or give values",
        e.problem());
  }

  @Test
  void gridLargerThanLongIsAnError() {
    SweepSpec.Builder b = sweep();
    for (int i = 0; i < 20; i++) {
      b.range("p" + i, 0, 9, 1);
    }
    SpecException e = assertThrows(SpecException.class, () -> DesignSpace.of(b.build()));
    assertTrue(
        e.getMessage().startsWith("parameters: the grid has more than 9.2e18 points (10 x 10 x"),
        e.getMessage());
  }

  @Test
  void trillionPointGridIsCountedAndStartedWithoutEnumeration() {
    DesignSpace space = DesignSpace.of(twelveByTen().build());
    assertEquals(1_000_000_000_000L, space.size());
    List<List<Object>> head = first(space, 2);
    assertEquals(List.of(0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L), head.get(0));
    assertEquals(List.of(0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 1L), head.get(1));
  }

  @Test
  void excludedBlocksAreJumpedNotWalked() {
    // p0 = 0 excludes the first 10^11 indices; finding the first point must not step through them.
    DesignSpace space =
        DesignSpace.of(twelveByTen().exclude("p0", 0).exclude("p0", 1, "p1", 0).build());
    assertEquals(1_000_000_000_000L - 100_000_000_000L - 10_000_000_000L, space.size());
    assertEquals(List.of(1L, 1L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L), first(space, 1).get(0));
  }

  @Test
  void exclusionsDropMatchingPoints() {
    DesignSpace space =
        DesignSpace.of(
            sweep()
                .values("a", 1, 2, 3)
                .values("b", "x", "y")
                .exclude("a", 2)
                .exclude("a", 3, "b", "y")
                .exclude("a", 1, "b", "x")
                .build());
    assertEquals(List.of(List.of(1L, "y"), List.of(3L, "x")), points(space));
    assertEquals(2, space.size());
  }

  @ParameterizedTest
  @CsvSource({"long rule, float levels", "float rule, long levels"})
  void numericRulesMatchAcrossIntegerAndFloat(String rule, String levels) {
    SweepSpec.Builder b = sweep();
    if (levels.startsWith("float")) {
      b.range("alpha", 0.0, 20.0, 5.0);
    } else {
      b.range("alpha", 0, 20, 5);
    }
    b.exclude("alpha", rule.startsWith("long") ? (Object) 10L : (Object) 10.0);
    DesignSpace space = DesignSpace.of(b.build());
    assertEquals(4, space.size());
    for (List<Object> p : points(space)) {
      assertNotEquals(10.0, ((Number) p.get(0)).doubleValue(), p.toString());
    }
  }

  @Test
  void ruleWithAValueThatIsNoLevelMatchesNothing() {
    DesignSpace space =
        DesignSpace.of(
            sweep()
                .values("a", 1, 2)
                .values("b", "x", "y")
                .exclude("a", 3)
                .exclude("a", "1")
                .exclude("b", "x", "a", 2.5)
                .build());
    assertEquals(4, space.size());
    assertEquals(4, points(space).size());
  }

  @Test
  void everythingExcludedIsEmpty() {
    DesignSpace space =
        DesignSpace.of(sweep().values("a", 1, 2).exclude("a", 1).exclude("a", 2).build());
    assertEquals(0, space.size());
    Iterator<Object[]> it = space.iterator();
    assertFalse(it.hasNext());
    assertThrows(java.util.NoSuchElementException.class, it::next);
  }

  @Test
  void ruleNamingAnUnknownParameterSuggestsOne() {
    SpecException e =
        assertThrows(
            SpecException.class,
            () ->
                DesignSpace.of(
                    sweep().values("alpha", 1, 2).values("beta", 1).exclude("alpah", 1).build()));
    assertEquals("design.exclude", e.keyPath());
    assertEquals(
        "rule 1 names 'alpah', which is not a parameter (did you mean 'alpha'?); parameters are"
            + " [alpha, beta]",
        e.problem());
  }

  @Test
  void ruleWithAListValueExcludesEachValue() {
    // The spec model expands {a: [1, 2]} into the rules {a: 1} and {a: 2}.
    SweepSpec spec =
        sweep()
            .values("a", 1, 2, 3)
            .values("b", "x", "y")
            .design(Design.grid().excluding(Map.of("a", List.of(1L, 2L))))
            .build();
    assertEquals(2, DesignSpace.of(spec).size());
  }

  @Test
  void emptyRuleIsAnError() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> sweep().values("a", 1, 2).design(Design.grid().excluding(Map.of())).build());
    assertEquals(
        "an empty exclusion rule would drop every point; name at least one parameter and its value",
        e.getMessage());
  }

  static SweepSpec.Builder twelveByTen() {
    SweepSpec.Builder b = sweep().maxRuns(Long.MAX_VALUE);
    for (int i = 0; i < 12; i++) {
      b.range("p" + i, 0, 9, 1);
    }
    return b;
  }
}
