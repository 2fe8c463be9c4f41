package org.sweeplab.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sweeplab.sim.Metrics;
import org.sweeplab.spec.SweepSpec;
import org.sweeplab.sweep.Sweep;
import org.sweeplab.sweep.SweepResult;

/** The interrupted cell says how to resume: the same cell, or the way that fits its simulation. */
class SweepInterruptedExceptionTest {
  @TempDir Path tmp;

  @Test
  void theAdviceFitsTheSimulation() {
    Path dir = tmp.resolve("s");
    Sweep sweep =
        Sweep.of(SweepSpec.builder("s").range("x", 1, 3, 1).build(), ctx -> Metrics.of("y", 1.0))
            .output(dir);
    SweepResult r = sweep.run();
    assertEquals(
        "sweep interrupted: 3 of 3 runs done; resume with the same cell (an unchanged sweep resumes"
            + " where it stopped) or Sweep.resuming(Path.of(\""
            + dir
            + "\")).simulation(...) with the same code",
        new SweepInterruptedException(r, sweep.spec().simulation()).getMessage());
    assertEquals(
        "sweep interrupted: 3 of 3 runs done; resume with the same cell (an unchanged sweep resumes"
            + " where it stopped) or `sweeplab resume "
            + dir
            + "`",
        new SweepInterruptedException(r, new org.sweeplab.spec.SimulationSpec.Named("bench"))
            .getMessage());
  }
}
