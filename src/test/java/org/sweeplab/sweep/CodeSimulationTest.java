package org.sweeplab.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sweeplab.run.RunStatus;
import org.sweeplab.sim.Metrics;
import org.sweeplab.sim.Simulation;
import org.sweeplab.spec.SimulationSpec;
import org.sweeplab.spec.SpecLoader;
import org.sweeplab.spec.SpecWriter;
import org.sweeplab.spec.SweepSpec;
import org.sweeplab.store.OutputFolder;

/**
 * A sweep whose simulation is given in code (a notebook's lambda): no placeholder name, sweep.yaml
 * records the code, a resume without it says what to pass, and running the same cell again resumes.
 */
class CodeSimulationTest {
  @TempDir Path tmp;

  private final AtomicInteger calls = new AtomicInteger();
  private final Simulation sim =
      ctx -> {
        calls.incrementAndGet();
        return Metrics.of("y", ctx.getLong("x") * 2 + ctx.random().nextDouble());
      };

  private static SweepSpec spec(int replicates) {
    return SweepSpec.builder("code").range("x", 1, 3, 1).replicates(replicates).seed(5).build();
  }

  @Test
  void aSpecBuiltWithoutASimulationRunsCodeAndRecordsIt() throws IOException {
    SweepSpec spec = spec(2);
    assertEquals(new SimulationSpec.InCode("lambda"), spec.simulation());
    Path dir = tmp.resolve("out");
    SweepResult r = Sweep.of(spec, sim).output(dir).run();
    assertEquals(6, r.count(RunStatus.OK));
    String yaml = Files.readString(dir.resolve(OutputFolder.SPEC));
    assertTrue(yaml.contains("simulation:\n  in_code: lambda\n"), yaml);
    assertEquals(spec, SpecLoader.load(dir.resolve(OutputFolder.SPEC)));
  }

  @Test
  void aPlaceholderNameBecomesTheLabelOfTheCodeAndKeepsTheConfigHash() throws IOException {
    SweepSpec named = SweepSpec.builder("code").simulation("mine").range("x", 1, 3, 1).build();
    Sweep sweep = Sweep.of(named).simulation(sim);
    assertEquals(new SimulationSpec.InCode("mine"), sweep.spec().simulation());
    assertEquals(SpecWriter.configHash(named), SpecWriter.configHash(sweep.spec()));
    Path dir = tmp.resolve("out");
    sweep.output(dir).run();
    assertTrue(Files.readString(dir.resolve(OutputFolder.SPEC)).contains("in_code: mine"));
    // Before this change the folder held the name: "unknown simulation 'mine'". Now it asks for
    // the code, and resumes with it.
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Sweep.resuming(dir).run());
    assertEquals(
        "sweep 'code' in "
            + dir
            + " ran a simulation given in code (mine), which sweep.yaml cannot hold; resume it"
            + " from Java with Sweep.resuming(Path.of(\""
            + dir
            + "\")).simulation(...), passing the same code",
        e.getMessage());
    calls.set(0);
    SweepResult resumed = Sweep.resuming(dir).simulation(sim).run();
    assertEquals(3, resumed.count(RunStatus.OK));
    assertEquals(0, calls.get(), "a complete folder runs nothing again");
  }

  @Test
  void codeThatIsNotPassedIsAskedFor() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Sweep.of(spec(1)).output(tmp.resolve("none")).run());
    assertEquals(
        "sweep 'code' has a simulation given in code (lambda) but no code was passed; run it from"
            + " Java with Sweep.of(spec, simulation)",
        e.getMessage());
  }

  @Test
  void aFolderWrittenWithThePlaceholderNameResumesWithTheCode() throws IOException {
    Path dir = tmp.resolve("old");
    Sweep.of(spec(2), sim).output(dir).run();
    // The sweep.yaml of an earlier version: the placeholder name instead of in_code.
    Path yaml = dir.resolve(OutputFolder.SPEC);
    Files.writeString(
        yaml,
        Files.readString(yaml).replace("simulation:\n  in_code: lambda\n", "simulation: lambda\n"));
    assertEquals(new SimulationSpec.Named("lambda"), SpecLoader.load(yaml).simulation());
    Path journal = dir.resolve(OutputFolder.JOURNAL);
    Files.write(journal, Files.readAllLines(journal).subList(0, 4));
    calls.set(0);
    assertEquals(6, Sweep.of(spec(2), sim).output(dir).run().count(RunStatus.OK));
    assertEquals(2, calls.get(), "the finished runs stand");
    assertTrue(Files.readString(yaml).contains("in_code: lambda"));
  }

  @Test
  void runningTheSameCellAgainResumesWhatIsMissing() throws IOException {
    Path dir = tmp.resolve("again");
    Sweep.of(spec(4), sim).output(dir).run();
    // An interrupted cell: the journal holds 7 of the 12 runs.
    Path journal = dir.resolve(OutputFolder.JOURNAL);
    List<String> lines = Files.readAllLines(journal);
    assertEquals(12, lines.size());
    Files.write(journal, lines.subList(0, 7));
    calls.set(0);
    SweepResult again = Sweep.of(spec(4), sim).output(dir).run();
    assertEquals(12, again.count(RunStatus.OK));
    assertEquals(5, calls.get(), "only the missing runs run");
    calls.set(0);
    Sweep.of(spec(4), sim).output(dir).run();
    assertEquals(0, calls.get(), "a complete sweep returns its result at once");
  }

  @Test
  void aChangedSpecIsRefusedWithTheChoices() {
    Path dir = tmp.resolve("changed");
    Sweep.of(spec(2), sim).output(dir).run();
    IllegalArgumentException more =
        assertThrows(
            IllegalArgumentException.class, () -> Sweep.of(spec(3), sim).output(dir).run());
    assertEquals(
        "output folder "
            + dir
            + " holds runs of sweep 'code' made with another spec (changed: replicates); start it"
            + " again with .ifExists(ExistingOutput.REPLACE), add what is missing to it with"
            + " .ifExists(ExistingOutput.RESUME), or choose a new folder with .output(...)",
        more.getMessage());
    // Another seed changes every run: resuming is not offered.
    SweepSpec reseeded = spec(2).withSeed(6).withExecution(spec(2).execution().withMaxParallel(1));
    IllegalArgumentException seed =
        assertThrows(
            IllegalArgumentException.class, () -> Sweep.of(reseeded, sim).output(dir).run());
    assertEquals(
        "output folder "
            + dir
            + " holds runs of sweep 'code' made with another spec (changed: seed, execution);"
            + " start it again with .ifExists(ExistingOutput.REPLACE), or choose a new folder with"
            + " .output(...)",
        seed.getMessage());
    // The choices do what they say.
    assertEquals(
        9,
        Sweep.of(spec(3), sim)
            .output(dir)
            .ifExists(ExistingOutput.RESUME)
            .run()
            .count(RunStatus.OK));
    assertEquals(
        6,
        Sweep.of(reseeded, sim)
            .output(dir)
            .ifExists(ExistingOutput.REPLACE)
            .run()
            .count(RunStatus.OK));
  }

  @Test
  void theCommandLinesChoiceStillRefusesAFolderWithRuns() {
    Path dir = tmp.resolve("cli");
    Sweep.of(spec(1), sim).output(dir).run();
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Sweep.of(spec(1), sim).output(dir).ifExists(ExistingOutput.FAIL).run());
    assertTrue(e.getMessage().contains("continue it with `sweeplab resume " + dir + "`"));
  }
}
