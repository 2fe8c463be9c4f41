package org.sweeplab.sim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sweeplab.sim.SimulationInfo.Metric;
import org.sweeplab.sim.SimulationInfo.Param;

/**
 * The declarations of the built-in simulations: their parameters with defaults, and their metrics.
 */
final class BuiltInSimulations {
  private BuiltInSimulations() {}

  /** By name, in the order {@code sweeplab simulations} lists them. */
  static final Map<String, SimulationInfo> INFO = info();

  private static Map<String, SimulationInfo> info() {
    Map<String, SimulationInfo> m = new LinkedHashMap<>();
    add(
        m,
        new SimulationInfo(
            "tournament",
            "one game-AI match of an agent against a scripted opponent",
            List.of(
                new Param(
                    "strategy", "string", "greedy", "the agent: random, greedy, minimax or mcts"),
                new Param(
                    "difficulty",
                    "string",
                    "normal",
                    "the opponent: easy, normal, hard or extreme"),
                new Param("world", "string", "arena", "the map: arena, forest or maze"),
                new Param(
                    "tick_budget", "integer", "500", "ticks the agent may think per match (>= 1)")),
            List.of(
                new Metric("score", "float", "the agent's score, 0-100"),
                new Metric("win", "boolean", "whether the agent beat the opponent"),
                new Metric("ticks_used", "integer", "ticks the agent used"),
                new Metric(
                    "cost", "float", "compute units: ticks times the strategy's cost per tick")),
            false));
    add(
        m,
        new SimulationInfo(
            "mmc",
            "an M/M/c queue, checked against Erlang C",
            List.of(
                new Param(
                    "arrival_rate", "float", null, "customers arriving per unit of time (lambda)"),
                new Param(
                    "service_rate",
                    "float",
                    null,
                    "customers one server serves per unit of time (mu)"),
                new Param("servers", "integer", null, "the number of servers (c)"),
                new Param("customers", "integer", "20000", "customers simulated"),
                new Param(
                    "warmup",
                    "integer",
                    "customers/10",
                    "customers left out of the statistics at the start")),
            List.of(
                new Metric("mean_wait", "float", "mean time in the queue"),
                new Metric("p_wait", "float", "share of customers who waited"),
                new Metric("rho", "float", "server utilisation lambda / (c mu)"),
                new Metric("erlang_c_wait", "float", "the mean wait by the Erlang C formula"),
                new Metric("erlang_c_p_wait", "float", "the probability of waiting by Erlang C")),
            false));
    add(
        m,
        new SimulationInfo(
            "bench",
            "a trivial run for benchmarks: folds its numeric parameters and seed",
            List.of(
                new Param(
                    "work_ms",
                    "float",
                    "0",
                    "milliseconds of CPU to burn first; other numbers are folded in")),
            List.of(new Metric("value", "float", "a number from the parameters and the seed")),
            true));
    add(
        m,
        new SimulationInfo(
            "forecast-simulate",
            "pipeline stage: draws an AR(1) series, kept as telemetry y",
            List.of(
                new Param("phi", "float", null, "the AR(1) coefficient, in (-1, 1)"),
                new Param("noise", "float", "1.0", "the innovations' standard deviation"),
                new Param("length", "integer", "200", "points in the series")),
            List.of(
                new Metric("series_rms", "float", "the series' root mean square"),
                new Metric("series_length", "integer", "points in the series")),
            false));
    add(
        m,
        new SimulationInfo(
            "forecast-model",
            "pipeline stage: forecasts the series by exponential smoothing",
            List.of(
                new Param("alpha", "float", null, "the smoothing weight, in (0, 1]"),
                new Param("phi", "float", null, "the AR(1) coefficient of the simulated series"),
                new Param("noise", "float", "1.0", "the innovations' standard deviation")),
            List.of(new Metric("mse", "float", "the one-step forecast's mean squared error")),
            false));
    add(
        m,
        new SimulationInfo(
            "forecast-score",
            "pipeline stage: scores the forecast against the series",
            List.of(),
            List.of(
                new Metric("rmse", "float", "root mean squared error"),
                new Metric("skill", "float", "1 - rmse / series_rms")),
            false));
    return java.util.Collections.unmodifiableMap(m);
  }

  private static void add(Map<String, SimulationInfo> m, SimulationInfo info) {
    m.put(info.name(), info);
  }
}
