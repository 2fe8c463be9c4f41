package org.sweeplab.race;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.sweeplab.analysis.AnalysisException;
import org.sweeplab.analysis.Direction;
import org.sweeplab.analysis.RacePolicy;
import org.sweeplab.analysis.RaceResult;
import org.sweeplab.analysis.Runs;
import org.sweeplab.analysis.TestKind;
import org.sweeplab.results.ResultsContract;
import org.sweeplab.run.Backend;
import org.sweeplab.run.Progress;
import org.sweeplab.run.RunStatus;
import org.sweeplab.space.RunPlan;
import org.sweeplab.space.Variation;
import org.sweeplab.spec.Racing;
import org.sweeplab.spec.SweepSpec;
import org.sweeplab.sweep.ExistingOutput;
import org.sweeplab.sweep.Sweep;
import org.sweeplab.sweep.SweepResult;

/**
 * Runs a sweep as a race ({@code execution.racing}): a layer over {@link Sweep} that runs one round
 * at a time through the sweep's own machinery (journal, resume, budget, results) and lets {@link
 * RacePolicy} decide, after each complete round, which variations leave. Immutable:
 *
 * <pre>{@code
 * RaceOutcome o = Race.of(Sweep.of(spec).output(dir)).run();
 * o.race().survivors();      // the best's rank group
 * }</pre>
 *
 * <p>Every decision is recomputed from the folder's runs ({@link RacePolicy#replay}), so a race
 * killed at any moment resumes where it was ({@code sweeplab resume DIR}), and the same spec and
 * seed give the same eliminations at any parallelism. After each round {@code results.csv} and
 * {@code summary.json} record the race ({@link RaceFiles}).
 */
public final class Race {
  private final Sweep sweep;

  private Race(Sweep sweep) {
    this.sweep = Objects.requireNonNull(sweep, "sweep");
  }

  /**
   * @param sweep a sweep whose spec has {@code execution.racing}
   * @throws IllegalArgumentException when it has none, or is a shard of the plan
   */
  public static Race of(Sweep sweep) {
    SweepSpec spec = sweep.spec();
    if (spec.execution().racing() == null) {
      throw new IllegalArgumentException(
          "sweep '"
              + spec.name()
              + "' has no execution.racing; add e.g."
              + " execution: {racing: {metric: score}} or run it as a plain sweep");
    }
    if (!spec.execution().shard().isAll()) {
      throw new IllegalArgumentException(
          "execution.racing: a race decides after each round over every variation, so"
              + " it cannot run as shard "
              + spec.execution().shard()
              + "; run it without --shard");
    }
    return new Race(sweep);
  }

  /**
   * @return whether the spec asks for a race
   */
  public static boolean isRace(SweepSpec spec) {
    return spec.execution().racing() != null;
  }

  /** The rule of a spec's race, as the analysis applies it. */
  public static RacePolicy policy(Racing r) {
    return RacePolicy.on(r.metric())
        .withDirection(
            r.direction() == Racing.Direction.HIGHER
                ? Direction.HIGHER_IS_BETTER
                : Direction.LOWER_IS_BETTER)
        .withTestKind(r.test() == Racing.Test.WELCH ? TestKind.PARAMETRIC : TestKind.RANK)
        .withAlpha(r.alpha())
        .withReplicates(r.minReplicates(), r.maxReplicates())
        .withStep(r.step());
  }

  /** Runs the race on the sweep's backend. */
  public RaceOutcome run() {
    return run(sweep.backend());
  }

  /**
   * Runs rounds until the race ends, is stopped (a {@link RaceBackend#stop} of this backend, the
   * budget, fail-fast), or a round cannot complete.
   *
   * @param exec the backend; give the same {@link RaceBackend} to whatever may stop the race
   */
  public RaceOutcome run(Backend exec) {
    RaceBackend backend = RaceBackend.wrap(exec);
    RacePolicy policy = policy(sweep.spec().execution().racing());
    List<String> ids = variationIds(sweep.plan());
    Path dir = sweep.outputDir();
    Sweep round = sweep;
    List<Progress> sessions = new ArrayList<>();
    SweepResult last;
    RaceResult state = null;
    while (true) {
      // Decided rounds are kept from one round to the next (their runs do not change); the first
      // round of this
      // session decides everything anew from the folder.
      RaceResult known = state;
      backend.stateFrom(() -> replay(dir, policy, ids, known, true));
      last = round.backend(backend).run();
      sessions.add(last.session());
      RaceResult before = backend.lastState();
      state = replay(dir, policy, ids, before, false);
      RaceFiles.write(dir, state);
      if (state.finished()
          || before == null
          || backend.stopped()
          || state.rounds().size() == before.rounds().size()) {
        break; // ended; or nothing ran (a complete folder); or the round could not complete
        // (stopped)
      }
      round = round.ifExists(ExistingOutput.RESUME);
    }
    return new RaceOutcome(raced(last, state, sessions), state, stopReason(state, last, backend));
  }

  private static String stopReason(RaceResult state, SweepResult last, RaceBackend backend) {
    if (state.finished()) {
      return "";
    }
    if (backend.stopped()) {
      return "stopped (interrupted)";
    }
    if (last.count(RunStatus.SKIPPED) > 0) {
      return "stopped by the budget";
    }
    return "stopped before round " + (state.rounds().size() + 1) + " was complete";
  }

  /** The sweep's counts over the runs the race needs, and every round's session in one. */
  private static SweepResult raced(SweepResult last, RaceResult state, List<Progress> sessions) {
    long finished = 0;
    for (long c : last.byStatus().values()) {
      finished += c;
    }
    long planned = state.runs();
    Map<RunStatus, Long> by = new EnumMap<>(last.byStatus());
    return new SweepResult(
        last.outputDir(),
        planned,
        by,
        Math.max(0, planned - finished),
        last.totalCost(),
        sum(sessions),
        last.warnings());
  }

  private static Progress sum(List<Progress> ps) {
    long total = 0,
        done = 0,
        ok = 0,
        failed = 0,
        timedOut = 0,
        cancelled = 0,
        skipped = 0,
        retries = 0,
        waits = 0;
    Duration elapsed = Duration.ZERO;
    Progress lastOne = ps.get(ps.size() - 1);
    for (Progress p : ps) {
      total += p.total();
      done += p.done();
      ok += p.ok();
      failed += p.failed();
      timedOut += p.timedOut();
      cancelled += p.cancelled();
      skipped += p.skipped();
      retries += p.retries();
      waits += p.rateWaits();
      elapsed = elapsed.plus(p.elapsed());
    }
    return new Progress(
        total,
        done,
        ok,
        failed,
        timedOut,
        cancelled,
        skipped,
        retries,
        waits,
        0,
        elapsed,
        lastOne.spend(),
        lastOne.budget(),
        lastOne.costedRuns());
  }

  /**
   * The race as the folder's results say, going on from {@code known} (null: from the start);
   * {@code lenient}: a table that cannot be read counts as no runs (before a round, the round's own
   * sweep then reports the problem), else the error is thrown.
   */
  static RaceResult replay(
      Path dir, RacePolicy policy, List<String> ids, RaceResult known, boolean lenient) {
    Path results = dir.resolve(ResultsContract.RESULTS_FILE);
    Runs runs = null;
    if (Files.isRegularFile(results)) {
      try {
        runs = Runs.read(dir);
      } catch (AnalysisException e) {
        if (!lenient && !e.getMessage().contains("no rows")) {
          throw e;
        }
      }
    }
    return known == null ? policy.replay(runs, ids) : policy.replay(runs, known);
  }

  private static List<String> variationIds(RunPlan plan) {
    List<String> ids = new ArrayList<>();
    Iterator<Variation> it = plan.variations();
    while (it.hasNext()) {
      ids.add(it.next().id());
    }
    return ids;
  }
}
