package org.sweeplab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sweeplab.analysis.Runs;
import org.sweeplab.figures.AnalysisReport;
import org.sweeplab.run.RunStatus;
import org.sweeplab.sim.Metrics;
import org.sweeplab.sim.Simulation;
import org.sweeplab.spec.SpecLoader;
import org.sweeplab.spec.SweepSpec;
import org.sweeplab.sweep.Sweep;
import org.sweeplab.sweep.SweepResult;

/** The facade's entry points, used as a notebook of another kernel would: one import. */
class SweeplabTest {
  @TempDir Path tmp;

  @Test
  void aNotebookThroughTheFacade() {
    Simulation sim =
        ctx ->
            Metrics.of(
                "score",
                (ctx.getString("strategy").equals("b") ? 2 : 1) + ctx.random().nextGaussian());
    SweepSpec spec =
        Sweeplab.spec("facade").values("strategy", "a", "b").replicates(6).seed(3).build();
    Path dir = tmp.resolve("facade");
    SweepResult r = Sweeplab.run(Sweeplab.sweep(spec, sim).output(dir));
    assertEquals(12, r.count(RunStatus.OK));
    assertEquals(Sweep.of(spec, sim).spec(), Sweeplab.sweep(spec, sim).spec());
    assertEquals(12, Sweeplab.resuming(dir).simulation(sim).run().count(RunStatus.OK));

    Runs runs = Sweeplab.read(dir);
    assertEquals(Runs.read(dir).table().toString(), runs.table().toString());
    assertEquals(
        org.sweeplab.analysis.Analysis.of(runs).withMetric("score").run().ranking().table().print(),
        Sweeplab.analysis(runs).withMetric("score").run().ranking().table().print());
    AnalysisReport.Written w = Sweeplab.report(runs).withMetric("score").write(dir.resolve("a"));
    assertTrue(Files.isRegularFile(w.report()));
  }

  @Test
  void aSpecFileWithOverrides() {
    Path file = Path.of("data/examples/tournament.yaml");
    assertEquals(
        SpecLoader.load(file, java.util.List.of("replicates=2")),
        Sweeplab.load(file, "replicates=2"));
    assertEquals(
        Sweep.of(SpecLoader.load(file)).spec(), Sweeplab.sweep(Sweeplab.load(file)).spec());
  }
}
