package org.sweeplab.analysis;

import java.util.Locale;
import java.util.SplittableRandom;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A seeded synthetic sweep with planted structure, in the results.csv layout: 4 difficulties x 4
 * tick budgets x 4 algorithms x 2 logging levels = 128 variations, 20 replicates each, seeds shared
 * across variations.
 *
 * <ul>
 *   <li>Failure region: {@code difficulty = extreme AND tick_budget ≤ 100} fails with probability
 *       0.95.
 *   <li>Best variation: {@code easy-400-a3-off} scores 4 more than its design would give.
 *   <li>No-effect parameter: {@code logging} does not move the latent score, but with {@code
 *       logging = on} every run whose noise is below -0.8 fails, so the surviving ok runs score
 *       higher: a selection effect.
 *   <li>Error cluster: {@code algo = a2} fails with probability 0.15 with "Solver diverged at
 *       iteration N (residual X), checkpoint PATH sha HASH", numbers, paths and hashes varying.
 * </ul>
 */
final class PlantedSweep {
  static final String[] DIFFICULTY = {"easy", "medium", "hard", "extreme"};
  static final int[] TICKS = {50, 100, 200, 400};
  static final String[] ALGO = {"a1", "a2", "a3", "a4"};
  static final String[] LOGGING = {"off", "on"};

  private PlantedSweep() {}

  static Table generate(long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    StringColumn runId = StringColumn.create("run_id");
    StringColumn variation = StringColumn.create("variation_id");
    IntColumn replicate = IntColumn.create("replicate");
    LongColumn seeds = LongColumn.create("seed");
    StringColumn difficulty = StringColumn.create("difficulty");
    IntColumn ticks = IntColumn.create("tick_budget");
    StringColumn algo = StringColumn.create("algo");
    StringColumn logging = StringColumn.create("logging");
    StringColumn status = StringColumn.create("status");
    DoubleColumn score = DoubleColumn.create("score");
    DoubleColumn cost = DoubleColumn.create("cost");
    LongColumn duration = LongColumn.create("duration_ms");
    StringColumn errorType = StringColumn.create("error_type");
    StringColumn errorMessage = StringColumn.create("error_message");
    for (int d = 0; d < 4; d++) {
      for (int t = 0; t < 4; t++) {
        for (int a = 0; a < 4; a++) {
          for (int l = 0; l < 2; l++) {
            String v = DIFFICULTY[d] + "-" + TICKS[t] + "-" + ALGO[a] + "-" + LOGGING[l];
            for (int r = 1; r <= 20; r++) {
              double noise = gaussian(rng);
              double latent =
                  10
                      - 0.5 * d
                      + 0.002 * TICKS[t]
                      + (a == 2 ? 1 : 0)
                      + noise
                      + (d == 0 && t == 3 && a == 2 && l == 0 ? 4 : 0);
              String st = "ok";
              String type = "";
              String msg = "";
              if (d == 3 && t <= 1 && rng.nextDouble() < 0.95) {
                st = "timeout";
                type = "BudgetExceededException";
                msg = "Tick budget " + TICKS[t] + " exhausted";
              } else if (l == 1 && noise < -0.8) {
                st = "failed";
                type = "IllegalStateException";
                msg = "Agent stalled in state " + rng.nextInt(1000);
              } else if (a == 1 && rng.nextDouble() < 0.15) {
                st = "failed";
                type = "ArithmeticException";
                msg =
                    String.format(
                        Locale.ROOT,
                        "Solver diverged at iteration %d (residual %.3e), checkpoint"
                            + " /tmp/sweeps/run-%05d/ckpt.bin sha %08x%04x",
                        rng.nextInt(10000),
                        rng.nextDouble() * 1e6,
                        rng.nextInt(100000),
                        rng.nextInt(),
                        rng.nextInt(65536));
              }
              runId.append(v + "-" + r);
              variation.append(v);
              replicate.append(r);
              seeds.append(1000 + r);
              difficulty.append(DIFFICULTY[d]);
              ticks.append(TICKS[t]);
              algo.append(ALGO[a]);
              logging.append(LOGGING[l]);
              status.append(st);
              score.append("ok".equals(st) ? latent : Double.NaN);
              cost.append(TICKS[t] / 100.0 * (1 + 0.1 * a));
              duration.append(TICKS[t]);
              errorType.append(type);
              errorMessage.append(msg);
            }
          }
        }
      }
    }
    return Table.create(
        "planted.csv",
        runId,
        variation,
        replicate,
        seeds,
        difficulty,
        ticks,
        algo,
        logging,
        status,
        score,
        cost,
        duration,
        errorType,
        errorMessage);
  }

  private static double gaussian(SplittableRandom rng) {
    double u = rng.nextDouble();
    double v = rng.nextDouble();
    return Math.sqrt(-2 * Math.log1p(-u)) * Math.cos(2 * Math.PI * v);
  }
}
