package org.sweeplab.sim.examples;

import java.util.SplittableRandom;
import org.sweeplab.sim.Metrics;
import org.sweeplab.sim.RunContext;
import org.sweeplab.sim.Simulation;
import org.sweeplab.space.Seeds;

/**
 * Arms with known normal outcomes, the truth against which racing is checked: {@code arm} k (from
 * 1) draws {@code score ~ Normal(mean_k, sd)} with {@code mean_1 = gap * sd} and {@code mean_k =
 * -(k - 2) * spacing * sd} for k >= 2, so arm 1 is the best, {@code gap} standard deviations ahead
 * of arm 2, and the others fall behind in steps of {@code spacing}. Defaults: gap 0.5, spacing 0.1,
 * sd 1.
 *
 * <p>Also reports {@code true_mean}. The noise is {@code sqrt(correlation) z_shared + sqrt(1 -
 * correlation) z_own}: {@code z_shared} comes from the run's seed alone, so under {@code seeding:
 * common} arms with the same replicate share it (correlation 0, the default, makes every arm's
 * outcomes independent under either seeding).
 */
public final class ArmsSimulation implements Simulation {

  @Override
  public Metrics run(RunContext ctx) {
    long arm = ctx.getLong("arm");
    if (arm < 1) {
      throw new IllegalArgumentException("arms: arm must be >= 1 (arm 1 is the best), got " + arm);
    }
    double gap = optional(ctx, "gap", 0.5);
    double spacing = optional(ctx, "spacing", 0.1);
    double sd = optional(ctx, "sd", 1.0);
    double correlation = optional(ctx, "correlation", 0.0);
    if (!(sd > 0) || !(correlation >= 0 && correlation <= 1)) {
      throw new IllegalArgumentException(
          "arms: need sd > 0 and 0 <= correlation <= 1, got sd "
              + sd
              + " and correlation "
              + correlation);
    }
    double mean = trueMean(arm, gap, spacing, sd);
    double shared = ctx.random().nextGaussian();
    double own =
        new SplittableRandom(Seeds.mix(ctx.seed() ^ (0x9E3779B97F4A7C15L * arm))).nextGaussian();
    double z = Math.sqrt(correlation) * shared + Math.sqrt(1 - correlation) * own;
    return Metrics.builder().put("score", mean + sd * z).put("true_mean", mean).build();
  }

  /**
   * The mean of arm {@code arm}: {@code gap * sd} for arm 1, {@code -(arm - 2) * spacing * sd}
   * after it.
   */
  public static double trueMean(long arm, double gap, double spacing, double sd) {
    return arm == 1 ? gap * sd : -(arm - 2) * spacing * sd;
  }

  private static double optional(RunContext ctx, String name, double dflt) {
    return ctx.params().containsKey(name) ? ctx.getDouble(name) : dflt;
  }
}
