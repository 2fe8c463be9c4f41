package org.sweeplab.analysis;

import java.util.Locale;

/** The Race section of the report: the rule, how the race ended, and its rounds. */
final class RaceSection {
  private RaceSection() {}

  static ReportModel.Section section(RaceResult race) {
    RacePolicy p = race.policy();
    String rule =
        String.format(
            Locale.ROOT,
            "The runs come from a race on %s (%s is better): round 1 gave every"
                + " variation %d replicates, each later round %d more to each survivor, up to %d. After each round the runs so"
                + " far were ranked as in Ranking (%s, Holm-adjusted against the best, %s; paired by seed when the runs share"
                + " seeds), and the survivors distinguishable from the best, or without an ok run, left the race.",
            p.metric(),
            p.direction() == Direction.HIGHER_IS_BETTER ? "higher" : "lower",
            p.minReplicates(),
            p.step(),
            p.maxReplicates(),
            p.testKind() == TestKind.PARAMETRIC ? "Welch's t" : "Mann-Whitney U",
            Ranking.alpha(p.alpha()));
    String end =
        switch (race.end()) {
          case ONE_LEFT -> "one variation was left";
          case MAX_REPLICATES -> "the survivors reached " + p.maxReplicates() + " replicates";
          case UNFINISHED ->
              "it has not ended: round "
                  + (race.rounds().size() + 1)
                  + " is not complete (stopped, or"
                  + " still running; `sweeplab resume` continues it)";
        };
    String how =
        String.format(
            Locale.ROOT,
            "It ran %d rounds and ended because %s. %d of %d variations are left%s;"
                + " the race needs %,d runs, %.0f%% of the %,d of the full design. `race_round_out` in results.csv says in"
                + " which round each variation left; every round's intervals are in `race.csv`.",
            race.rounds().size(),
            end,
            race.survivors().size(),
            race.variations().size(),
            race.survivors().size() <= 12 ? " (" + String.join(", ", race.survivors()) + ")" : "",
            race.runs(),
            100.0 * race.runs() / Math.max(1, race.fullDesignRuns()),
            race.fullDesignRuns());
    return new ReportModel.Section(
        "Race",
        2,
        java.util.List.of(
            new ReportModel.Text(rule),
            new ReportModel.Text(how),
            new ReportModel.TableBlock(race.resultTable())));
  }
}
