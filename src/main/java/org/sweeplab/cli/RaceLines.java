package org.sweeplab.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.sweeplab.analysis.RaceResult;
import org.sweeplab.race.RaceOutcome;

/** The lines {@code run} and {@code resume} print after a race. */
final class RaceLines {
  private RaceLines() {}

  static void print(RaceOutcome o, PrintWriter out) {
    RaceResult r = o.race();
    out.printf(
        Locale.ROOT,
        "  race: %d rounds, %d of %d variations left (%s), best %s; %,d runs of the full"
            + " design's %,d (%.0f%%)%n",
        r.rounds().size(),
        r.survivors().size(),
        r.variations().size(),
        o.stopReason().isEmpty() ? "ended: " + r.end().label().replace('_', ' ') : o.stopReason(),
        r.best().isEmpty() ? "not known yet" : r.best(),
        r.runs(),
        r.fullDesignRuns(),
        100.0 * r.runs() / Math.max(1, r.fullDesignRuns()));
    out.flush();
  }
}
