package org.sweeplab.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sweeplab.sim.Metrics;
import org.sweeplab.sim.Simulation;
import org.sweeplab.spec.SpecLoader;
import org.sweeplab.spec.SweepSpec;
import org.sweeplab.store.SensitivityDesigns;
import org.sweeplab.store.TestCsv;

/**
 * The sensitivity designs resume like every design: a sweep cut short (its journal truncated, as a
 * kill leaves it) and resumed runs only the missing runs and ends byte-identical to an
 * uninterrupted one, also with a discrete parameter whose coinciding cells run once.
 */
class SensitivityResumeTest {
  @org.junit.jupiter.api.io.TempDir Path tmp;

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{type: saltelli, samples: 32, second_order: true}",
        "{type: morris, trajectories: 12}"
      })
  void aCutShortSweepResumesToTheSameResults(String design) throws Exception {
    SweepSpec spec =
        SpecLoader.parse(
            "name: s\nsimulation: f\nparameters:\n  x: {type: uniform, low: 0, high: 1}\n"
                + "  m: [a, b, c]\n  k: {type: normal, mean: 0, sd: 1}\ndesign: "
                + design
                + "\nreplicates: 2\nseed: 9\n"
                + "execution: {max_parallel: 2}\n",
            "s.yaml");
    AtomicInteger calls = new AtomicInteger();
    Simulation f =
        ctx -> {
          calls.incrementAndGet();
          double m = ctx.getString("m").charAt(0) - 'a';
          return Metrics.of(
              "y", ctx.getDouble("x") * m + ctx.getDouble("k") + ctx.random().nextDouble());
        };
    Path full = tmp.resolve("full");
    Sweep.of(spec).simulation(f).output(full).run();
    int all = calls.getAndSet(0);
    assertEquals(Sweep.of(spec).plan().runCount(), all);

    Path cut = tmp.resolve("cut");
    Sweep.of(spec).simulation(f).output(cut).run();
    calls.set(0);
    List<String> journal = Files.readAllLines(cut.resolve("runs.jsonl"));
    Files.write(cut.resolve("runs.jsonl"), journal.subList(0, journal.size() / 3));
    Files.delete(cut.resolve("results.csv"));
    Files.delete(cut.resolve("summary.json"));
    Sweep.of(spec).simulation(f).output(cut).ifExists(ExistingOutput.RESUME).run();
    assertEquals(journal.size() - journal.size() / 3, calls.get(), "only the cut runs ran again");
    assertEquals(
        TestCsv.withoutColumn(full.resolve("results.csv"), "duration_ms"),
        TestCsv.withoutColumn(cut.resolve("results.csv"), "duration_ms"));
    assertTrue(SensitivityDesigns.layout(cut).isPresent());
  }
}
