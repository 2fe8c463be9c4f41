package org.sweeplab.race;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sweeplab.analysis.RaceResult;
import org.sweeplab.analysis.RaceRound;
import org.sweeplab.analysis.Runs;
import org.sweeplab.results.ColumnRole;
import org.sweeplab.results.ResultColumn;
import org.sweeplab.run.Backend;
import org.sweeplab.run.Progress;
import org.sweeplab.run.RunRecord;
import org.sweeplab.run.SweepListener;
import org.sweeplab.sim.examples.ArmsSimulation;
import org.sweeplab.space.RunPlan;
import org.sweeplab.spec.Execution;
import org.sweeplab.spec.Racing;
import org.sweeplab.spec.SweepSpec;
import org.sweeplab.sweep.Sweep;

/** A race run in a folder: its decisions, its files, its determinism, and its resume. */
class RaceTest {
  @TempDir Path tmp;

  /**
   * 12 arms, 5 to 30 replicates in steps of 5: a race of a few hundred runs in at most 6 rounds.
   */
  static SweepSpec arms(int parallel) {
    SweepSpec s =
        SweepSpec.builder("arms-race")
            .simulation("arms")
            .range("arm", 1, 12, 1)
            .replicates(30)
            .seed(7)
            .build();
    Execution e =
        s.execution().withMaxParallel(parallel).withRacing(Racing.of("score", 30).withStep(5));
    return s.withExecution(e);
  }

  @Test
  void aFolderRaceDecidesAsThePolicyDoesOnTheSameRuns() throws Exception {
    RaceOutcome o = Race.of(Sweep.of(arms(2)).output(tmp.resolve("a"))).run();
    RaceResult memory =
        InMemoryRace.run(
            RunPlan.of(arms(2)), new ArmsSimulation(), Race.policy(arms(2).execution().racing()));
    assertTrue(o.race().finished());
    assertEquals("", o.stopReason());
    assertEquals(eliminations(memory), eliminations(o.race()));
    assertEquals(memory.survivors(), o.race().survivors());
    assertTrue(o.race().rounds().size() > 2, "a race of several rounds: " + o.race().toTable());
    // Only the runs the race needs ran, all ok.
    assertEquals(o.race().runs(), o.sweep().planned());
    assertEquals(0, o.sweep().missing());
    assertTrue(o.allOk());
    assertTrue(o.race().runs() < o.race().fullDesignRuns());
  }

  @Test
  void resultsAndSummaryRecordTheRace() throws Exception {
    Path dir = tmp.resolve("files");
    RaceOutcome o = Race.of(Sweep.of(arms(2)).output(dir)).run();
    Runs runs = Runs.read(dir);
    List<String> cols = runs.columnNames();
    assertEquals("race_round_out", cols.get(cols.size() - 1));
    ResultColumn race = runs.schema().get(runs.schema().size() - 1);
    assertEquals(ColumnRole.RACE, race.role());
    assertFalse(runs.metrics().contains("race_round_out"));
    assertFalse(runs.parameters().contains("race_round_out"));
    Map<String, Integer> out = o.race().roundOut();
    assertFalse(out.isEmpty());
    List<String> lines = Files.readAllLines(dir.resolve("results.csv"));
    assertEquals(o.race().runs() + 1, lines.size());
    for (String l : lines.subList(1, lines.size())) {
      String id = l.split(",")[1];
      String last = l.substring(l.lastIndexOf(',') + 1);
      assertEquals(out.containsKey(id) ? String.valueOf(out.get(id)) : "", last, l);
    }
    JsonNode summary = new ObjectMapper().readTree(dir.resolve("summary.json").toFile());
    assertEquals("score", summary.at("/race/metric").asText());
    assertEquals(o.race().end().label(), summary.at("/race/end").asText());
    assertEquals(o.race().rounds().size(), summary.at("/race/rounds").size());
    assertEquals(o.race().runs(), summary.at("/race/runs").asLong());
    // Writing the race again (a resume of a finished race) leaves both files as they are.
    String csv = Files.readString(dir.resolve("results.csv"));
    RaceFiles.write(dir, o.race());
    assertEquals(csv, Files.readString(dir.resolve("results.csv")));
    String table = withoutDuration(dir);
    RaceOutcome again = Race.of(Sweep.resuming(dir)).run();
    assertEquals(eliminations(o.race()), eliminations(again.race()));
    assertEquals(0, again.sweep().session().done(), "a finished race runs nothing more");
    assertEquals(table, withoutDuration(dir));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 5})
  void theSameEliminationsAtAnyParallelism(int parallel) throws Exception {
    RaceOutcome one = Race.of(Sweep.of(arms(2)).output(tmp.resolve("ref"))).run();
    RaceOutcome other = Race.of(Sweep.of(arms(parallel)).output(tmp.resolve("p" + parallel))).run();
    assertEquals(eliminations(one.race()), eliminations(other.race()));
    assertEquals(withoutDuration(tmp.resolve("ref")), withoutDuration(tmp.resolve("p" + parallel)));
  }

  /**
   * A racing spec run as a plain sweep from Java is refused with what to call, not run in full
   * unasked.
   */
  @Test
  void aRacingSpecAsAPlainSweepSaysToRunTheRace() {
    Sweep plain = Sweep.of(arms(2)).output(tmp.resolve("plain"));
    IllegalArgumentException e =
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, plain::run);
    assertTrue(e.getMessage().contains("Race.of(sweep).run()"), e.getMessage());
    assertFalse(java.nio.file.Files.exists(tmp.resolve("plain")), "a refused sweep writes nothing");
  }

  @Test
  void aStoppedRaceResumesWhereItWasAndEndsAsAnUnstoppedOne() throws Exception {
    Path dir = tmp.resolve("stopped");
    AtomicInteger finished = new AtomicInteger();
    RaceBackend[] backend = new RaceBackend[1];
    Sweep sweep =
        Sweep.of(arms(2))
            .output(dir)
            .listener(
                new SweepListener() {
                  @Override
                  public void runFinished(RunRecord record, Progress progress) {
                    if (finished.incrementAndGet()
                        == 75) { // in round 2 (round 1 has 60 runs, round 2 up to 60 more)
                      backend[0].stop(Backend.StopMode.FINISH);
                    }
                  }
                });
    backend[0] = RaceBackend.wrap(sweep.backend());
    RaceOutcome stopped = Race.of(sweep).run(backend[0]);
    assertFalse(stopped.race().finished());
    assertEquals("stopped (interrupted)", stopped.stopReason());
    assertFalse(stopped.allOk());
    RaceOutcome resumed = Race.of(Sweep.resuming(dir)).run();
    RaceOutcome clean = Race.of(Sweep.of(arms(2)).output(tmp.resolve("clean"))).run();
    assertTrue(resumed.race().finished());
    assertEquals(eliminations(clean.race()), eliminations(resumed.race()));
    assertEquals(withoutDuration(tmp.resolve("clean")), withoutDuration(dir));
  }

  @Test
  void aPlainSweepOfTheSameSpecWritesNoRaceColumn() throws Exception {
    SweepSpec plain = arms(2).withExecution(arms(2).execution().withRacing(null));
    Sweep.of(plain).output(tmp.resolve("plain")).run();
    String header = Files.readAllLines(tmp.resolve("plain/results.csv")).get(0);
    assertFalse(header.contains("race_round_out"), header);
    assertFalse(Files.readString(tmp.resolve("plain/summary.json")).contains("\"race\""));
  }

  static List<List<String>> eliminations(RaceResult r) {
    List<List<String>> out = new ArrayList<>();
    for (RaceRound round : r.rounds()) {
      out.add(round.eliminated());
    }
    return out;
  }

  /** The table without its timing column, which is the one column that depends on the machine. */
  static String withoutDuration(Path dir) throws IOException {
    List<String> lines = Files.readAllLines(dir.resolve("results.csv"));
    int col = List.of(lines.get(0).split(",")).indexOf("duration_ms");
    StringBuilder sb = new StringBuilder();
    Set<Integer> skip = new HashSet<>(List.of(col));
    for (String l : lines) {
      String[] f = l.split(",", -1);
      for (int i = 0; i < f.length; i++) {
        if (!skip.contains(i)) {
          sb.append(f[i]).append(i + 1 < f.length ? "," : "");
        }
      }
      sb.append('\n');
    }
    return sb.toString();
  }
}
