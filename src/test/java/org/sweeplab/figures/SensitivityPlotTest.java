package org.sweeplab.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.sweeplab.analysis.MorrisResult;
import org.sweeplab.analysis.Runs;
import org.sweeplab.analysis.Sensitivity;
import org.sweeplab.analysis.SobolResult;
import org.sweeplab.results.DesignLayout;
import org.sweeplab.sim.examples.IshigamiSimulation;
import org.sweeplab.space.RunPlan;
import org.sweeplab.space.Variation;
import org.sweeplab.spec.SpecLoader;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The sensitivity figures draw the result record: every marker and interval end is a value of the
 * record.
 */
class SensitivityPlotTest {

  private static Runs runs(RunPlan plan) {
    StringColumn id = StringColumn.create("variation_id");
    StringColumn status = StringColumn.create("status");
    DoubleColumn y = DoubleColumn.create("y");
    for (Iterator<Variation> it = plan.variations(); it.hasNext(); ) {
      Variation v = it.next();
      id.append(v.id());
      status.append("ok");
      y.append(
          IshigamiSimulation.value(
              ((Number) v.get("x1")).doubleValue(),
              ((Number) v.get("x2")).doubleValue(),
              ((Number) v.get("x3")).doubleValue()));
    }
    return Runs.of(Table.create("t", id, status, y));
  }

  private static RunPlan plan(String design) {
    return RunPlan.of(
        SpecLoader.parse(
            "name: i\nsimulation: ishigami\nparameters:\n"
                + "  x1: {type: uniform, low: -3.14159, high: 3.14159}\n  x2: {type: uniform, low: -3.14159, high: 3.14159}\n"
                + "  x3: {type: uniform, low: -3.14159, high: 3.14159}\ndesign: "
                + design
                + "\n",
            "i.yaml"));
  }

  @Test
  void theIndicesFigureShowsTheRecordsEstimatesAndIntervals() {
    RunPlan plan = plan("{type: saltelli, samples: 128}");
    DesignLayout layout = plan.layout().orElseThrow();
    SobolResult r = Sensitivity.sobol(runs(plan), "y", layout);
    CategoryChart chart = (CategoryChart) SensitivityPlot.withDefaults().indices(r).chart();
    for (SobolResult.Kind kind : List.of(SobolResult.Kind.S1, SobolResult.Kind.ST)) {
      CategorySeries marks = chart.getSeriesMap().get(kind.name());
      CategorySeries bars = chart.getSeriesMap().get(kind.name() + " interval");
      List<?> ys = (List<?>) marks.getYData();
      List<?> mids = (List<?>) bars.getYData();
      List<?> halves = (List<?>) bars.getExtraValues();
      for (int i = 0; i < 3; i++) {
        SobolResult.Index index = r.index("x" + (i + 1), kind);
        assertEquals(index.estimate(), ((Number) ys.get(i)).doubleValue(), 0);
        double mid = ((Number) mids.get(i)).doubleValue();
        double half = ((Number) halves.get(i)).doubleValue();
        assertEquals(index.low(), mid - half, 1e-12);
        assertEquals(index.high(), mid + half, 1e-12);
      }
    }
    XYChart convergence = (XYChart) SensitivityPlot.withDefaults().convergence(r).chart();
    XYSeries st3 = convergence.getSeriesMap().get("ST x3");
    assertEquals(r.convergence().size(), st3.getXData().length);
    for (int s = 0; s < r.convergence().size(); s++) {
      assertEquals(r.convergence().get(s).rows(), st3.getXData()[s], 0);
      assertEquals(
          r.convergence().get(s).indices().stream()
              .filter(i -> i.label().equals("ST x3"))
              .findFirst()
              .orElseThrow()
              .estimate(),
          st3.getYData()[s],
          0);
    }
  }

  @Test
  void theMorrisFigureShowsMuStarAndSigmaOfTheRecord() {
    RunPlan plan = plan("{type: morris, trajectories: 10}");
    MorrisResult r = Sensitivity.morris(runs(plan), "y", plan.layout().orElseThrow());
    XYChart chart = (XYChart) SensitivityPlot.withDefaults().muStarSigma(r).chart();
    for (MorrisResult.Row row : r.rows()) {
      XYSeries s = chart.getSeriesMap().get(row.parameter());
      assertEquals(row.muStar(), s.getXData()[0], 0);
      assertEquals(row.sigma(), s.getYData()[0], 0);
    }
  }
}
