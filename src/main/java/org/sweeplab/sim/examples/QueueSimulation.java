package org.sweeplab.sim.examples;

import java.util.Locale;
import java.util.random.RandomGenerator;
import org.sweeplab.sim.Metrics;
import org.sweeplab.sim.RunContext;
import org.sweeplab.sim.Simulation;

/**
 * An M/M/c queue: Poisson arrivals at {@code arrival_rate}, exponential service at {@code
 * service_rate} per server, {@code servers} servers, first come first served; {@code customers}
 * customers (default 20,000) of which the first {@code warmup} (default 10%) are discarded.
 *
 * <p>Reports the simulated {@code mean_wait} (time in queue), {@code p_wait} (share that waited),
 * the utilisation {@code rho}, and the exact Erlang C values {@code erlang_c_wait} and {@code
 * erlang_c_p_wait}, so the statistics can be checked against the truth. An unstable queue (rho >=
 * 1) fails.
 */
public final class QueueSimulation implements Simulation {

  @Override
  public Metrics run(RunContext ctx) {
    double lambda = ctx.getDouble("arrival_rate");
    double mu = ctx.getDouble("service_rate");
    int c = ctx.getInt("servers");
    int n = ctx.params().containsKey("customers") ? ctx.getInt("customers") : 20_000;
    int warmup = ctx.params().containsKey("warmup") ? ctx.getInt("warmup") : n / 10;
    if (!(lambda > 0) || !(mu > 0) || c < 1 || n < 1 || warmup < 0 || warmup >= n) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "mmc: need arrival_rate > 0, service_rate > 0, servers >= 1, 0 <= warmup < customers; got %s, %s, %d,"
                  + " %d, %d",
              lambda,
              mu,
              c,
              warmup,
              n));
    }
    double rho = lambda / (c * mu);
    if (rho >= 1) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "unstable queue: rho = %.4f >= 1 (arrival_rate %s, %d servers at %s)",
              rho,
              lambda,
              c,
              mu));
    }
    RandomGenerator rng = ctx.random();
    double[] free = new double[c];
    double t = 0;
    double waitSum = 0;
    long waited = 0;
    for (int i = 0; i < n; i++) {
      if ((i & 4095) == 0) {
        ctx.checkCancelled();
      }
      t += exp(rng, lambda);
      int k = 0;
      for (int j = 1; j < c; j++) {
        if (free[j] < free[k]) {
          k = j;
        }
      }
      double start = Math.max(t, free[k]);
      free[k] = start + exp(rng, mu);
      if (i >= warmup) {
        double w = start - t;
        waitSum += w;
        if (w > 0) {
          waited++;
        }
      }
    }
    int kept = n - warmup;
    double pWait = erlangC(c, lambda / mu);
    return Metrics.of(
        "mean_wait",
        waitSum / kept,
        "p_wait",
        (double) waited / kept,
        "rho",
        rho,
        "erlang_c_wait",
        pWait / (c * mu - lambda),
        "erlang_c_p_wait",
        pWait);
  }

  /** The Erlang C probability of waiting, with offered load {@code a = lambda / mu}. */
  static double erlangC(int c, double a) {
    double term = 1;
    double sum = 1;
    for (int k = 1; k < c; k++) {
      term *= a / k;
      sum += term;
    }
    double top = term * a / c / (1 - a / c);
    return top / (sum + top);
  }

  private static double exp(RandomGenerator rng, double rate) {
    return -Math.log(1 - rng.nextDouble()) / rate;
  }
}
