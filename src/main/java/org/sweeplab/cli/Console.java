package org.sweeplab.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.sweeplab.race.Race;
import org.sweeplab.race.RaceBackend;
import org.sweeplab.race.RaceOutcome;
import org.sweeplab.run.RunStatus;
import org.sweeplab.sweep.Sweep;
import org.sweeplab.sweep.SweepExecution;
import org.sweeplab.sweep.SweepResult;

/** Runs a sweep for the terminal: progress on stderr, Ctrl-C handling, and a closing summary. */
final class Console {
  private Console() {}

  static int execute(Sweep sweep, PrintWriter out, PrintWriter err, boolean quiet) {
    StderrProgress progress = quiet ? null : StderrProgress.create(err);
    SweepResult r;
    RaceOutcome race = null;
    Interrupts interrupts = null;
    try {
      if (Race.isRace(sweep.spec())) {
        // A race runs rounds: the stop goes to its backend, which ends the round in flight and
        // starts no other.
        RaceBackend backend = RaceBackend.wrap(sweep.backend());
        interrupts =
            Interrupts.install(backend::stop, sweep.spec().execution().interruptGrace(), err);
        race = Race.of(sweep.listener(progress)).run(backend);
        r = race.sweep();
      } else {
        SweepExecution execution = sweep.listener(progress).start();
        interrupts =
            Interrupts.install(execution::stop, sweep.spec().execution().interruptGrace(), err);
        r = execution.await();
      }
    } finally {
      if (progress != null) {
        progress.close();
      }
      if (interrupts != null) {
        interrupts.uninstall();
      }
    }
    print(r, out, interrupts.interrupted());
    if (race != null) {
      RaceLines.print(race, out);
    }
    for (String w : r.warnings()) {
      err.println("warning: " + w);
    }
    err.flush();
    return (race != null ? race.allOk() : r.allOk()) ? ErrorHandler.OK : ErrorHandler.FAILURE;
  }

  static void print(SweepResult r, PrintWriter out, boolean interrupted) {
    var session = r.session();
    out.printf(
        Locale.ROOT,
        "%,d runs in %.1f s (%,.0f runs/s) this session; %,d of %,d planned runs done%n",
        session.done(),
        session.elapsed().toMillis() / 1000.0,
        session.runsPerSecond(),
        r.planned() - r.missing(),
        r.planned());
    StringBuilder sb = new StringBuilder("  ");
    for (RunStatus s : RunStatus.values()) {
      if (r.count(s) > 0 || s == RunStatus.OK || s == RunStatus.FAILED) {
        sb.append(s.label())
            .append(' ')
            .append(String.format(Locale.ROOT, "%,d", r.count(s)))
            .append("  ");
      }
    }
    out.println(sb.toString().stripTrailing());
    if (!Double.isNaN(r.totalCost())) {
      out.println("  total cost " + money(r.totalCost()));
    }
    out.println("  output: " + r.outputDir() + " (results.csv, runs.jsonl, summary.json)");
    long toResume = r.missing() + r.count(RunStatus.CANCELLED);
    if (toResume > 0 && (interrupted || r.missing() > 0)) {
      out.printf(
          Locale.ROOT,
          "%s %,d runs not done%s; continue with: sweeplab resume %s%n",
          interrupted ? "Interrupted:" : "Stopped early:",
          toResume,
          r.count(RunStatus.CANCELLED) > 0
              ? " (" + r.count(RunStatus.CANCELLED) + " cancelled)"
              : "",
          r.outputDir());
    }
    if (r.count(RunStatus.SKIPPED) > 0) {
      out.printf(
          Locale.ROOT,
          "%,d runs skipped by the budget (see costs.json); to run them, raise the budget:"
              + " sweeplab resume %s --set budget.total=N%n",
          r.count(RunStatus.SKIPPED),
          r.outputDir());
    }
    long notOk = r.planned() - r.missing() - r.count(RunStatus.OK);
    if (notOk > 0) {
      out.printf(
          Locale.ROOT,
          "%,d runs did not end ok; see error_type and error_message in results.csv%n",
          notOk);
    }
    out.flush();
  }

  static String money(double v) {
    return String.format(Locale.ROOT, "%.4f", v);
  }
}
