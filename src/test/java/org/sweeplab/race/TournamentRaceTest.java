package org.sweeplab.race;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sweeplab.analysis.Ranking;
import org.sweeplab.analysis.RankingResult;
import org.sweeplab.analysis.Runs;
import org.sweeplab.spec.SpecLoader;
import org.sweeplab.spec.SweepSpec;
import org.sweeplab.sweep.Sweep;

/**
 * The tournament example raced (the README's command: {@code --set replicates=20 --set
 * execution.racing.metric=score}) ends with the same best rank group as the full design of 20
 * replicates ranked by the report's ranking at the same alpha (of the variations that ranking can
 * test), with fewer than 40% of its runs.
 */
class TournamentRaceTest {
  @TempDir Path tmp;

  @Test
  void theRaceEndsWithTheFullDesignsBestRankGroup() {
    Path file = Path.of("data/examples/tournament.yaml");
    SweepSpec raced =
        SpecLoader.load(file, List.of("replicates=20", "execution.racing.metric=score"));
    SweepSpec full = SpecLoader.load(file, List.of("replicates=20"));
    RaceOutcome race = Race.of(Sweep.of(raced).output(tmp.resolve("raced"))).run();
    Sweep.of(full).output(tmp.resolve("full")).run();

    RankingResult ranking =
        Ranking.withDefaults().withConfidence(0.95).rank(Runs.read(tmp.resolve("full")), "score");
    // The full design's best rank group, of the variations it could test: the best and those with a
    // Holm-adjusted
    // p. A variation with fewer than 2 ok runs of 20 (extreme difficulty at 100 ticks fails 90% of
    // its runs) has no
    // test, so the ranking leaves it in group 1 by default; the race dropped it when a round gave
    // it no ok run.
    TreeSet<String> bestGroup = new TreeSet<>();
    TreeSet<String> untested = new TreeSet<>();
    for (RankingResult.Entry e : ranking.entries()) {
      if (e.rankGroup() == 1 && (e.best() || !Double.isNaN(e.pHolm()))) {
        bestGroup.add(e.label());
      } else if (e.rankGroup() == 1) {
        untested.add(e.label());
      }
    }
    assertTrue(race.race().finished(), race.stopReason());
    assertEquals(bestGroup, new TreeSet<>(race.race().survivors()));
    assertEquals(ranking.best().label(), race.race().best());
    for (String u : untested) {
      assertTrue(race.race().roundOut().containsKey(u), u + " left the race");
    }
    assertTrue(
        race.race().runs() < 0.4 * race.race().fullDesignRuns(), race.race().runs() + " runs");
    System.out.printf(
        java.util.Locale.ROOT,
        "tournament race: %d rounds, %d survivors %s, %d of %d runs%n",
        race.race().rounds().size(),
        race.race().survivors().size(),
        race.race().survivors(),
        race.race().runs(),
        race.race().fullDesignRuns());
  }
}
