package org.sweeplab.space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sweeplab.space.Specs.points;
import static org.sweeplab.space.Specs.sweep;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.math3.random.SobolSequenceGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sweeplab.results.DesignLayout;
import org.sweeplab.spec.Design;
import org.sweeplab.spec.SpecException;
import org.sweeplab.spec.SpecLoader;
import org.sweeplab.spec.SpecWriter;
import org.sweeplab.spec.SweepSpec;

/** The saltelli and morris designs: sizes, cells, coinciding points, spec round trip and errors. */
class SensitivityDesignTest {

  @ParameterizedTest
  @CsvSource({"16, false, 3, 80", "16, true, 3, 128", "8, false, 1, 24", "8, true, 5, 96"})
  void saltelliHasNTimesKPlusTwoOrTwoKPlusTwoCells(int n, boolean second, int k, long points) {
    SweepSpec.Builder b =
        sweep()
            .design(
                Design.saltelli(n, second ? Design.Order.SECOND : Design.Order.FIRST_AND_TOTAL));
    for (int i = 0; i < k; i++) {
      b.uniform("x" + i, 0, 1);
    }
    SweepSpec spec = b.replicates(2).build();
    RunPlan plan = RunPlan.of(spec);
    DesignLayout layout = plan.layout().orElseThrow();
    assertEquals(points, layout.cells().length);
    // Cells that coincide (Sobol coordinates are dyadic, so A_j and B_j' share values at small N;
    // with k = 1, AB^1
    // is B) run once: the variations are the distinct cells.
    Set<List<Object>> distinct = new HashSet<>();
    new SaltelliCells(spec.parameters(), n, second)
        .iterator()
        .forEachRemaining(p -> distinct.add(List.of(p)));
    assertEquals(distinct.size(), plan.variationCount());
    assertEquals(distinct.size() * 2L, plan.runCount());
    assertEquals(points, ((BlockSpace) DesignSpace.of(spec)).cellCount());
    assertEquals(n, layout.rows());
    assertEquals(second, layout.hasSecondOrder());
  }

  @Test
  void cellsAreTheBlocksOfSaltelliFromTheSobolSequenceAfterNElements() {
    SweepSpec spec =
        sweep()
            .uniform("a", 0, 10)
            .uniform("b", 0, 1)
            .design(Design.saltelli(4, Design.Order.SECOND))
            .build();
    List<List<Object>> pts = points(DesignSpace.of(spec));
    SobolSequenceGenerator g = new SobolSequenceGenerator(4);
    g.skipTo(4);
    double[] u = g.nextVector(); // row 0: A = (u0, u1), B = (u2, u3)
    assertEquals(List.of(u[0] * 10, u[1]), pts.get(0)); // A
    assertEquals(List.of(u[2] * 10, u[1]), pts.get(1)); // AB^1
    assertEquals(List.of(u[0] * 10, u[3]), pts.get(2)); // AB^2
    // BA^1 = B with column 1 from A = (A_a, B_b); BA^2 = (B_a, A_b) = AB^1, so it is not a new
    // variation.
    DesignLayout layout = RunPlan.of(spec).layout().orElseThrow();
    assertEquals(layout.cell(0, 2), layout.cell(0, 3));
    assertEquals(layout.cell(0, 1), layout.cell(0, 4));
    assertEquals(List.of(u[2] * 10, u[3]), pts.get(layout.cell(0, 5))); // B
  }

  @Test
  void coincidingCellsOfDiscreteParametersRunOnceAndTheLayoutPointsAtThem() {
    SweepSpec spec =
        sweep()
            .values("m", "a", "b")
            .uniform("x", 0, 1)
            .design(Design.saltelli(64, Design.Order.FIRST_AND_TOTAL))
            .build();
    RunPlan plan = RunPlan.of(spec);
    assertTrue(plan.variationCount() < 64 * 4, "distinct points " + plan.variationCount());
    Set<String> keys = new HashSet<>();
    plan.variations().forEachRemaining(v -> assertTrue(keys.add(v.key()), "a key twice: " + v));
    DesignLayout layout = plan.layout().orElseThrow();
    List<List<Object>> pts = points(DesignSpace.of(spec));
    // Whenever A_j and B_j take the same level of m, AB^m_j is A_j itself.
    int same = 0;
    for (int row = 0; row < 64; row++) {
      if (pts.get(layout.cell(row, 0)).get(0).equals(pts.get(layout.cell(row, 3)).get(0))) {
        assertEquals(layout.cell(row, 0), layout.cell(row, 1));
        same++;
      }
    }
    assertTrue(same > 10 && same < 54, "rows where m agrees: " + same);
  }

  @Test
  void morrisHasRTimesKPlusOnePointsOnTheLevelsAndMovesOneFactorPerStep() {
    SweepSpec spec =
        sweep()
            .uniform("x", 0, 1)
            .uniform("y", 0, 1)
            .uniform("z", 0, 1)
            .design(Design.morris(5, 4))
            .build();
    RunPlan plan = RunPlan.of(spec);
    DesignLayout layout = plan.layout().orElseThrow();
    assertEquals(5, layout.rows());
    assertEquals(4, layout.width());
    List<List<Object>> pts = points(DesignSpace.of(spec));
    Set<Double> levels = Set.of(0.125, 0.375, 0.625, 0.875);
    for (int t = 0; t < 5; t++) {
      Set<Integer> moved = new HashSet<>();
      for (int s = 0; s < 3; s++) {
        List<Object> from = pts.get(layout.cell(t, s));
        List<Object> to = pts.get(layout.cell(t, s + 1));
        int f = layout.stepFactor()[t * 3 + s];
        moved.add(f);
        for (int j = 0; j < 3; j++) {
          assertTrue(levels.contains((Double) to.get(j)), to.toString());
          double d = (Double) to.get(j) - (Double) from.get(j);
          assertEquals(j == f ? layout.stepDelta()[t * 3 + s] : 0, d, 1e-12);
        }
      }
      assertEquals(Set.of(0, 1, 2), moved);
    }
  }

  @Test
  void theSameSeedGivesTheSameMorrisTrajectoriesAndAnotherSeedOthers() {
    SweepSpec a =
        sweep().uniform("x", 0, 1).uniform("y", 0, 1).design(Design.morris(6, 4)).seed(3).build();
    SweepSpec b =
        sweep().uniform("x", 0, 1).uniform("y", 0, 1).design(Design.morris(6, 4)).seed(4).build();
    assertEquals(points(DesignSpace.of(a)), points(DesignSpace.of(a)));
    assertTrue(!points(DesignSpace.of(a)).equals(points(DesignSpace.of(b))));
  }

  @Test
  void theYamlFormRoundTripsThroughTheWriter() {
    SweepSpec s =
        SpecLoader.parse(
            "name: s\nsimulation: ishigami\nparameters:\n  x: {type: uniform, low: 0,"
                + " high: 1}\ndesign: {type: saltelli, samples: 32, second_order: true}\n",
            "s.yaml");
    assertEquals(Design.saltelli(32, Design.Order.SECOND), s.design());
    assertEquals(s, SpecLoader.parse(SpecWriter.toYaml(s), "again.yaml"));
    SweepSpec m =
        SpecLoader.parse(
            "name: s\nsimulation: ishigami\nparameters:\n  x: {type: uniform, low: 0,"
                + " high: 1}\ndesign: {type: morris, trajectories: 7}\n",
            "m.yaml");
    assertEquals(Design.morris(7, 4), m.design());
    assertEquals(m, SpecLoader.parse(SpecWriter.toYaml(m), "again.yaml"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{type: morris, trajectories: 5, levels: 3}|design.levels|design 'morris' needs an even number of levels (the"
            + " step is half of them), got 3; use 4",
        "{type: morris, samples: 5}|design.samples|design 'morris' counts trajectories, not samples; write"
            + " trajectories: 20",
        "{type: lhs, samples: 5, second_order: true}|design.second_order|design 'lhs' does not take second_order; it"
            + " is an option of design 'saltelli'",
        "{type: saltelli, samples: 5, levels: 4}|design.levels|design 'saltelli' does not take levels; it is an"
            + " option of design 'morris'",
        "{type: saltelli, samples: 4, exclude: [{x: 0.5}]}|design.exclude|design 'saltelli' does not take exclusion"
            + " rules: dropping points would break its blocks; restrict the parameter ranges instead"
      })
  void badSensitivityDesignsAreOneLineErrors(String design, String key, String problem) {
    SpecException e =
        assertThrows(
            SpecException.class,
            () ->
                SpecLoader.parse(
                    "name: s\nsimulation: ishigami\n"
                        + "parameters:\n  x: {type: uniform, low: 0, high: 1}\ndesign: "
                        + design
                        + "\n",
                    "s.yaml"));
    assertEquals(key, e.keyPath());
    assertEquals(problem, e.problem());
  }
}
