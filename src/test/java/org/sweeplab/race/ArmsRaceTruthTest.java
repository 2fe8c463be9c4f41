package org.sweeplab.race;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.sweeplab.analysis.RacePolicy;
import org.sweeplab.analysis.RaceResult;
import org.sweeplab.sim.examples.ArmsSimulation;
import org.sweeplab.space.RunPlan;
import org.sweeplab.spec.SweepSpec;

/**
 * The truth of racing on the built-in {@code arms} simulation: 20 arms with known means (arm 1
 * best, 0.5 sd ahead of arm 2; the rest 0.1 sd apart, {@link ArmsSimulation#trueMean}), sd 1, min 5
 * and max 50 replicates, alpha 0.05, Welch. Over many seeds, racing must name the true best in at
 * least 95% of races and use at most 40% of the runs of the full 50-replicate design. The seed
 * count is {@code -Dsweeplab.race.seeds} (default 12, about 20 s on a loaded 2-core machine);
 * {@code bench/racing/run.sh} runs 100.
 */
class ArmsRaceTruthTest {
  static final int ARMS = 20;
  static final int MAX = 50;

  static RaceResult race(long seed) throws Exception {
    SweepSpec spec =
        SweepSpec.builder("arms")
            .simulation("arms")
            .range("arm", 1, ARMS, 1)
            .replicates(MAX)
            .seed(seed)
            .build();
    RacePolicy policy = RacePolicy.on("score").withReplicates(5, MAX).withAlpha(0.05);
    return InMemoryRace.run(RunPlan.of(spec), new ArmsSimulation(), policy);
  }

  @Test
  void racingNamesTheTrueBestWithFewRuns() throws Exception {
    int seeds = Integer.getInteger("sweeplab.race.seeds", 12);
    int correct = 0;
    long runs = 0;
    long full = 0;
    for (long s = 1; s <= seeds; s++) {
      RaceResult r = race(s);
      if (r.best().equals("var-0001")) {
        correct++;
      }
      runs += r.runs();
      full += r.fullDesignRuns();
    }
    double named = (double) correct / seeds;
    double share = (double) runs / full;
    System.out.printf(
        Locale.ROOT,
        "arms race over %d seeds: true best named in %.1f%%, runs %.1f%% of the full"
            + " design (%d of %d)%n",
        seeds,
        100 * named,
        100 * share,
        runs,
        full);
    assertTrue(named >= 0.95, "true best named in " + named);
    assertTrue(share <= 0.40, "share of the full design's runs " + share);
  }
}
