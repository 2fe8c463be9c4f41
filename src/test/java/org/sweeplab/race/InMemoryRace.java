package org.sweeplab.race;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.sweeplab.analysis.RacePolicy;
import org.sweeplab.analysis.RaceResult;
import org.sweeplab.analysis.RaceRound;
import org.sweeplab.analysis.Runs;
import org.sweeplab.sim.Metrics;
import org.sweeplab.sim.RunContext;
import org.sweeplab.sim.Simulation;
import org.sweeplab.space.RunPlan;
import org.sweeplab.space.Variation;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A race without a folder, for the many-seed truth checks: the runs of each round are computed in
 * this thread with the plan's seeds, and each round is decided by {@link RacePolicy#decide}, the
 * rule the folder race replays, on the runs so far, so one race costs one ranking per round.
 */
final class InMemoryRace {
  private InMemoryRace() {}

  /** Runs a race of the plan's simulation to its end and returns it (never unfinished). */
  static RaceResult run(RunPlan plan, Simulation sim, RacePolicy policy) throws Exception {
    List<Variation> variations = plan.head((int) plan.variationCount());
    List<String> ids = variations.stream().map(Variation::id).toList();
    Map<String, Variation> byId = new HashMap<>();
    variations.forEach(v -> byId.put(v.id(), v));
    Map<String, List<Double>> values = new HashMap<>();
    Map<String, List<Long>> seeds = new HashMap<>();
    List<String> alive = ids;
    List<RaceRound> rounds = new ArrayList<>();
    for (int round = 1; ; round++) {
      int n = policy.replicatesAt(round);
      StringColumn id = StringColumn.create("variation_id");
      IntColumn rep = IntColumn.create("replicate");
      LongColumn seed = LongColumn.create("seed");
      StringColumn status = StringColumn.create("status");
      DoubleColumn metric = DoubleColumn.create(policy.metric());
      for (String v : ids) {
        List<Double> vs = values.computeIfAbsent(v, k -> new ArrayList<>());
        List<Long> ss = seeds.computeIfAbsent(v, k -> new ArrayList<>());
        while (alive.contains(v) && vs.size() < n) {
          int r = vs.size() + 1;
          long s = plan.seed(byId.get(v).key(), r);
          Metrics m = sim.run(context(byId.get(v), r, s));
          vs.add(((Number) m.values().get(policy.metric())).doubleValue());
          ss.add(s);
        }
        for (int r = 1; r <= vs.size(); r++) {
          id.append(v);
          rep.append(r);
          seed.append(ss.get(r - 1));
          status.append("ok");
          metric.append(vs.get(r - 1));
        }
      }
      Runs runs =
          Runs.of(Table.create("round", id, rep, seed, status, metric))
              .withMetrics(policy.metric());
      RaceRound decided = policy.decide(runs, round, alive);
      rounds.add(decided);
      alive = decided.survivors();
      if (alive.size() <= 1 || n >= policy.maxReplicates()) {
        return new RaceResult(
            policy,
            ids,
            rounds,
            alive,
            alive.size() <= 1 ? RaceResult.End.ONE_LEFT : RaceResult.End.MAX_REPLICATES,
            0);
      }
    }
  }

  private static RunContext context(Variation v, int replicate, long seed) {
    return new RunContext() {
      RandomGenerator random;

      @Override
      public String runId() {
        return v.id() + "-run-" + replicate;
      }

      @Override
      public String variationId() {
        return v.id();
      }

      @Override
      public String variationKey() {
        return v.key();
      }

      @Override
      public int replicate() {
        return replicate;
      }

      @Override
      public long seed() {
        return seed;
      }

      @Override
      public RandomGenerator random() {
        if (random == null) {
          random = new SplittableRandom(seed);
        }
        return random;
      }

      @Override
      public Map<String, Object> params() {
        return v.params();
      }

      @Override
      public java.nio.file.Path artifactDir() {
        throw new UnsupportedOperationException("an in-memory race keeps no artifacts");
      }

      @Override
      public void telemetry(long step, String name, double value) {}

      @Override
      public void charge(double amount) {}

      @Override
      public double cost() {
        return Double.NaN;
      }

      @Override
      public boolean isCancelled() {
        return false;
      }
    };
  }
}
