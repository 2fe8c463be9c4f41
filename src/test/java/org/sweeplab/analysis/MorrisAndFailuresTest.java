package org.sweeplab.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sweeplab.sim.examples.IshigamiSimulation;
import org.sweeplab.sim.examples.SobolGSimulation;
import org.sweeplab.space.Variation;

/**
 * Morris measures on the g-function, and the failed-run policies.
 *
 * <p>Morris: elementary effects (Morris 1991, Technometrics 33:161), μ* (Campolongo, Cariboni &amp;
 * Saltelli 2007, Environ. Model. Softw. 22:1509). The g-function's factors matter in the order of
 * their a_i (Sobol' 1993: the effect of x_i on y is bounded by 1/(1 + a_i)), so μ* must rank x1
 * &gt; x2 &gt; x3 &gt; x4 &gt; the four with a = 99.
 */
class MorrisAndFailuresTest {

  private static double g(Variation v) {
    double[] x = new double[8];
    for (int i = 0; i < 8; i++) {
      x[i] = SensitivityFixtures.num(v, "x" + (i + 1));
    }
    return SobolGSimulation.value(x);
  }

  @Test
  void morrisRanksTheGFunctionsFactorsInTheOrderOfTheirA() {
    SensitivityFixtures.Evaluated e =
        SensitivityFixtures.evaluate(
            SensitivityFixtures.sobolG("{type: morris, trajectories: 40, levels: 4}"),
            MorrisAndFailuresTest::g);
    MorrisResult r = Sensitivity.morris(e.runs(), "y", e.layout());
    List<String> ranking = r.ranking();
    assertEquals(List.of("x1", "x2", "x3", "x4"), ranking.subList(0, 4), ranking.toString());
    for (MorrisResult.Row row : r.rows()) {
      assertEquals(40, row.effects());
      assertTrue(
          row.muStarLow() <= row.muStar() && row.muStar() <= row.muStarHigh(), row.toString());
      assertTrue(row.sigmaLow() <= row.sigma() && row.sigma() <= row.sigmaHigh(), row.toString());
      assertTrue(row.muStar() >= Math.abs(row.mu()) - 1e-12, row.toString());
    }
    // |4x - 2| is symmetric about 1/2 and the levels are too, so the signed effects of x1 cancel in
    // the mean.
    assertTrue(Math.abs(r.row("x1").mu()) < r.row("x1").muStar() / 2, r.row("x1").toString());
    assertEquals(11, r.toTable().columnCount());
  }

  @Test
  void morrisEffectsOfALinearModelAreItsSlopesInTheUnitScale() {
    // y = 3 x1 - 2 x2 on [0, 1]: every elementary effect of x1 is 3, of x2 is -2 (exact), so sigma
    // is 0.
    String yaml =
        "name: lin\nsimulation: bench\nparameters:\n  x1: {type: uniform, low: 0, high: 1}\n"
            + "  x2: {type: uniform, low: 0, high: 1}\ndesign: {type: morris, trajectories: 10, levels: 6}\n";
    SensitivityFixtures.Evaluated e =
        SensitivityFixtures.evaluate(
            yaml, v -> 3 * SensitivityFixtures.num(v, "x1") - 2 * SensitivityFixtures.num(v, "x2"));
    MorrisResult r = Sensitivity.morris(e.runs(), "y", e.layout());
    assertEquals(3, r.row("x1").mu(), 1e-12);
    assertEquals(-2, r.row("x2").mu(), 1e-12);
    assertEquals(2, r.row("x2").muStar(), 1e-12);
    assertEquals(0, r.row("x1").sigma(), 1e-12);
  }

  /** Ishigami with every run failing where x1 > 2.5 (about 10% of the cells). */
  private static SensitivityFixtures.Evaluated failing() {
    return SensitivityFixtures.evaluate(
        SensitivityFixtures.ishigami("{type: saltelli, samples: 256}"),
        v -> {
          double x1 = SensitivityFixtures.num(v, "x1");
          return x1 > 2.5
              ? Double.NaN
              : IshigamiSimulation.value(
                  x1, SensitivityFixtures.num(v, "x2"), SensitivityFixtures.num(v, "x3"));
        });
  }

  @Test
  void dropIncompleteBlocksSaysHowManyRowsWentAndUsesTheRest() {
    SensitivityFixtures.Evaluated e = failing();
    SobolResult r = Sensitivity.sobol(e.runs(), "y", e.layout());
    // A row fails when A_j or B_j has x1 > 2.5 (each cell takes x1 from A_j or B_j): about 1 - (1 -
    // 0.102)^2.
    int expected = 0;
    for (int row = 0; row < 256; row++) {
      boolean bad = false;
      for (int c = 0; c < e.layout().width(); c++) {
        bad |=
            e.runs().numeric("y")[e.layout().cell(row, c)]
                != e.runs().numeric("y")[e.layout().cell(row, c)];
      }
      expected += bad ? 1 : 0;
    }
    assertTrue(expected > 20 && expected < 80, "failing rows " + expected);
    assertEquals(expected, r.droppedRows());
    assertEquals(256 - expected, r.usedRows());
    assertTrue(
        r.warnings()
            .get(0)
            .startsWith(expected + " of 256 base rows have a cell without a value of y"),
        r.warnings().get(0));
    for (SobolResult.Index i : r.indices()) {
      assertTrue(!Double.isNaN(i.estimate()), i.label());
    }
  }

  @Test
  void successIndicatorAnalysesSuccessAndFindsThatOnlyX1DrivesIt() {
    SensitivityFixtures.Evaluated e = failing();
    SobolResult r =
        Sensitivity.withDefaults()
            .withFailedRuns(FailedRunPolicy.SUCCESS_INDICATOR)
            .sobolIndices(e.runs(), "y", e.layout());
    assertEquals("success", r.metric());
    assertEquals(0, r.droppedRows());
    assertTrue(r.index("x1", SobolResult.Kind.ST).estimate() > 0.9, r.toTable().toString());
    assertEquals(0, r.index("x2", SobolResult.Kind.ST).estimate(), 1e-12);
    assertEquals(0, r.index("x3", SobolResult.Kind.ST).estimate(), 1e-12);
  }

  @Test
  void failRefusesWithOneLineSayingHowMany() {
    SensitivityFixtures.Evaluated e = failing();
    AnalysisException ex =
        assertThrows(
            AnalysisException.class,
            () ->
                Sensitivity.withDefaults()
                    .withFailedRuns(FailedRunPolicy.FAIL)
                    .sobolIndices(e.runs(), "y", e.layout()));
    assertTrue(
        ex.getMessage()
            .matches(
                "\\d+ cells of the saltelli design have no value of y .* in \\d+ of 256 base"
                    + " rows; use the failed-run policy drop_incomplete_blocks or success_indicator"),
        ex.getMessage());
    assertTrue(!ex.getMessage().contains("\n"));
  }

  @Test
  void theWrongAnalysisForTheDesignIsAClearError() {
    SensitivityFixtures.Evaluated e = failing();
    AnalysisException ex =
        assertThrows(AnalysisException.class, () -> Sensitivity.morris(e.runs(), "y", e.layout()));
    assertEquals(
        "Morris measures need a morris design; this sweep's design is saltelli (use Sobol indices)",
        ex.getMessage());
  }
}
