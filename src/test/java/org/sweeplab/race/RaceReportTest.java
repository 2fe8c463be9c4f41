package org.sweeplab.race;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.sweeplab.analysis.AnalysisOptions;
import org.sweeplab.analysis.AnalysisResult;
import org.sweeplab.analysis.RacePolicy;
import org.sweeplab.analysis.RaceRound;
import org.sweeplab.figures.AnalysisReport;
import org.sweeplab.figures.RacePlot;
import org.sweeplab.sweep.Sweep;

/**
 * The report of a raced folder: its Race section, race.csv and the two figures, all drawn from the
 * replayed race.
 */
class RaceReportTest {
  @TempDir Path tmp;

  @Test
  void theReportShowsTheRaceItReplaysFromTheFolder() throws Exception {
    Path dir = tmp.resolve("raced");
    RaceOutcome o = Race.of(Sweep.of(RaceTest.arms(2)).output(dir)).run();
    AnalysisOptions options = AnalysisOptions.of(dir);
    assertEquals(
        Race.policy(RaceTest.arms(2).execution().racing()).toString(), options.race().toString());

    AnalysisResult result = options.analysis(options.runs()).run();
    assertEquals(
        RaceTest.eliminations(o.race()),
        RaceTest.eliminations(result.race()),
        "the analysis replays the decisions the race made");
    assertEquals(o.race().survivors(), result.race().survivors());

    AnalysisReport.Written w = AnalysisReport.withDefaults().write(options);
    String report = Files.readString(w.report());
    assertTrue(report.contains("\n## Race\n"), report);
    assertTrue(report.contains(o.race().rounds().size() + " rounds"), report);
    List<String> csv = Files.readAllLines(w.directory().resolve("race.csv"));
    long standings = o.race().rounds().stream().mapToLong(r -> r.standings().size()).sum();
    assertEquals(standings + 1, csv.size());
    assertTrue(Files.isRegularFile(w.directory().resolve("figures/race.svg")));
    // The figure draws the result: each survivor's means per round are the race's means, at its
    // rounds' replicates.
    XYChart chart = (XYChart) RacePlot.withDefaults().plot(result.race()).chart();
    for (String s : o.race().survivors()) {
      XYSeries line = chart.getSeriesMap().get(s);
      List<Double> means = new ArrayList<>();
      List<Double> reps = new ArrayList<>();
      for (RaceRound r : o.race().rounds()) {
        for (RaceRound.Standing st : r.standings()) {
          if (st.variation().equals(s)) {
            means.add(st.mean());
            reps.add((double) r.replicates());
          }
        }
      }
      assertEquals(means, box(line.getYData()), s);
      assertEquals(reps, box(line.getXData()), s);
    }
    XYSeries alive =
        ((XYChart) RacePlot.withDefaults().plotAlive(result.race()).chart())
            .getSeriesMap()
            .get("alive");
    assertEquals((double) o.race().variations().size(), alive.getYData()[0]);
    assertTrue(Files.isRegularFile(w.directory().resolve("figures/race-alive.svg")));
  }

  @Test
  void aPlainFolderHasNoRace() throws Exception {
    Path dir = tmp.resolve("plain");
    Sweep.of(RaceTest.arms(2).withExecution(RaceTest.arms(2).execution().withRacing(null)))
        .output(dir)
        .run();
    assertEquals(null, AnalysisOptions.of(dir).race());
    AnalysisReport.Written w = AnalysisReport.withDefaults().write(AnalysisOptions.of(dir));
    assertFalse(Files.readString(w.report()).contains("## Race"));
    assertFalse(Files.exists(w.directory().resolve("race.csv")));
  }

  @Test
  void thePolicyOfTheSpecIsThePolicyOfTheAnalysisWithTheSameDefaults() {
    RacePolicy fromSpec = Race.policy(org.sweeplab.spec.Racing.of("score", 50));
    assertEquals(
        RacePolicy.on("score").toString(),
        fromSpec.toString(),
        "spec Defaults and RacePolicy agree");
  }

  private static List<Double> box(double[] v) {
    List<Double> out = new ArrayList<>();
    for (double d : v) {
      out.add(d);
    }
    return out;
  }
}
