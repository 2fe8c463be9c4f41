package org.sweeplab.sim.examples;

import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;
import org.sweeplab.sim.Metrics;
import org.sweeplab.sim.RunContext;
import org.sweeplab.sim.Simulation;

/**
 * A small game-AI tournament, like a game-balance sweep: an agent with a {@code strategy} plays one
 * match against a scripted opponent of some {@code difficulty}, in a {@code world}, within {@code
 * tick_budget} ticks.
 *
 * <p>Reports {@code score} (0–100), {@code win}, {@code ticks_used} and a cost (compute units:
 * ticks times the strategy's cost per tick). Harsh settings fail the way real engines do: at {@code
 * extreme} difficulty with a tight budget the agent usually stalls and the run throws; {@code mcts}
 * in the {@code maze} world sometimes exhausts its search tree. Missing parameters take defaults
 * (greedy, normal, arena, 500).
 */
public final class TournamentSimulation implements Simulation {
  static final List<String> STRATEGIES = List.of("random", "greedy", "minimax", "mcts");
  static final List<String> DIFFICULTIES = List.of("easy", "normal", "hard", "extreme");
  static final List<String> WORLDS = List.of("arena", "forest", "maze");

  private static final double[] SKILL = {20, 48, 58, 64};
  private static final double[] COST_PER_TICK = {0.00001, 0.00002, 0.0001, 0.0004};
  private static final double[] PENALTY = {-10, 0, 12, 24};
  private static final double[] WORLD_SHIFT = {0, -3, -6};

  @Override
  public Metrics run(RunContext ctx) {
    int s = index("strategy", str(ctx, "strategy", "greedy"), STRATEGIES);
    int d = index("difficulty", str(ctx, "difficulty", "normal"), DIFFICULTIES);
    int w = index("world", str(ctx, "world", "arena"), WORLDS);
    long budget = ctx.params().containsKey("tick_budget") ? ctx.getLong("tick_budget") : 500;
    if (budget < 1) {
      throw new IllegalArgumentException("tick_budget must be >= 1, got " + budget);
    }
    RandomGenerator rng = ctx.random();

    // Planning depth grows with the tick budget, with diminishing returns.
    double depth = Math.log1p(budget / 50.0);
    double mean = SKILL[s] + 6 * depth - PENALTY[d] + WORLD_SHIFT[w] + (s == 3 && w == 2 ? -8 : 0);
    double score = clamp(mean + rng.nextGaussian() * 9, 0, 100);
    long ticks =
        Math.max(1, Math.min(budget, Math.round(budget * (0.55 + 0.45 * rng.nextDouble()))));

    if (d == 3 && budget <= 100 && rng.nextDouble() < 0.9) {
      throw new IllegalStateException(
          String.format(
              Locale.ROOT,
              "agent stalled: no legal move found after %d ticks (world %s, seed %d)",
              ticks,
              WORLDS.get(w),
              ctx.seed()));
    }
    if (s == 3 && w == 2 && rng.nextDouble() < 0.25) {
      throw new IllegalStateException(
          String.format(
              Locale.ROOT,
              "search tree exhausted at node %d of %d",
              rng.nextInt(1_000_000),
              1_000_000));
    }
    double opponent = 50 + rng.nextGaussian() * 5;
    return Metrics.builder()
        .put("score", round(score))
        .put("win", score > opponent)
        .put("ticks_used", ticks)
        .cost(round(ticks * COST_PER_TICK[s]))
        .build();
  }

  private static String str(RunContext ctx, String name, String dflt) {
    return ctx.params().containsKey(name) ? ctx.getString(name) : dflt;
  }

  private static int index(String param, String value, List<String> valid) {
    int i = valid.indexOf(value);
    if (i < 0) {
      throw new IllegalArgumentException(
          "tournament: unknown " + param + " '" + value + "'; valid are " + valid);
    }
    return i;
  }

  private static double clamp(double v, double lo, double hi) {
    return Math.max(lo, Math.min(hi, v));
  }

  private static double round(double v) {
    return Math.round(v * 1e6) / 1e6;
  }
}
