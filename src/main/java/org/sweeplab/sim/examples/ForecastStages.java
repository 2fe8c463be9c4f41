package org.sweeplab.sim.examples;

import java.util.random.RandomGenerator;
import org.sweeplab.sim.Metrics;
import org.sweeplab.sim.Simulation;

/**
 * The three stages of the built-in forecasting pipeline: {@code forecast-simulate} draws an AR(1)
 * series ({@code phi}, {@code noise}, {@code length}), {@code forecast-model} forecasts it by
 * exponential smoothing ({@code alpha}), and {@code forecast-score} scores the forecast. The series
 * is kept as telemetry.
 */
final class ForecastStages {
  private ForecastStages() {}

  static Simulation simulate() {
    return ctx -> {
      double phi = ctx.getDouble("phi");
      double noise = ctx.params().containsKey("noise") ? ctx.getDouble("noise") : 1.0;
      int length = ctx.params().containsKey("length") ? ctx.getInt("length") : 200;
      if (Math.abs(phi) >= 1) {
        throw new IllegalArgumentException(
            "phi must be in (-1, 1) for a stationary series, got " + phi);
      }
      RandomGenerator rng = ctx.random();
      double x = 0;
      double sumSq = 0;
      for (int t = 0; t < length; t++) {
        x = phi * x + noise * rng.nextGaussian();
        sumSq += x * x;
        ctx.telemetry(t, "y", x);
      }
      return Metrics.of("series_rms", Math.sqrt(sumSq / length), "series_length", (long) length);
    };
  }

  static Simulation model() {
    return ctx -> {
      double alpha = ctx.getDouble("alpha");
      if (!(alpha > 0 && alpha <= 1)) {
        throw new IllegalArgumentException("alpha must be in (0, 1], got " + alpha);
      }
      double phi = ctx.getDouble("phi");
      double noise = ctx.params().containsKey("noise") ? ctx.getDouble("noise") : 1.0;
      // Regenerate the simulated series from the run's seed (the same draws as the simulate stage),
      // then
      // forecast each point from the smoothed level of the points before it.
      RandomGenerator rng = new java.util.SplittableRandom(ctx.seed());
      long length = ((Number) ctx.upstream().get("series_length")).longValue();
      double x = 0;
      double level = 0;
      double err = 0;
      for (long t = 0; t < length; t++) {
        double next = phi * x + noise * rng.nextGaussian();
        err += (next - level) * (next - level);
        ctx.telemetry(t, "forecast", level);
        level = alpha * next + (1 - alpha) * level;
        x = next;
      }
      return Metrics.of("mse", err / length);
    };
  }

  static Simulation score() {
    return ctx -> {
      double mse = ((Number) ctx.upstream().get("mse")).doubleValue();
      double rms = ((Number) ctx.upstream().get("series_rms")).doubleValue();
      return Metrics.of("rmse", Math.sqrt(mse), "skill", 1 - Math.sqrt(mse) / rms);
    };
  }
}
