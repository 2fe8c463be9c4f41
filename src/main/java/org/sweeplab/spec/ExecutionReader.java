package org.sweeplab.spec;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads the {@code execution} and {@code budget} sections of a spec (retries, rate limits,
 * backends, budgets).
 */
final class ExecutionReader {
  private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h)");
  private static final Pattern RATE = Pattern.compile("(\\d+)\\s*/\\s*(s|sec|second|m|min|minute)");

  private final NodeReader r;

  ExecutionReader(NodeReader r) {
    this.r = r;
  }

  Execution execution(Node node) {
    MappingNode m =
        r.mapping(node, "execution", "a map with " + String.join(", ", SpecSchema.EXECUTION));
    r.checkKeys(m, "execution", SpecSchema.EXECUTION);
    Execution e = Execution.defaults();
    Node n = NodeReader.get(m, "max_parallel");
    if (n != null) {
      int v =
          (int)
              r.integer(
                  n,
                  "execution.max_parallel",
                  0,
                  Integer.MAX_VALUE,
                  "an integer >= 0 (0 = all cores)");
      e = e.withMaxParallel(v);
    }
    n = NodeReader.get(m, "timeout_per_run");
    if (n != null) {
      e = e.withTimeoutPerRun(duration(n, "execution.timeout_per_run"));
    }
    n = NodeReader.get(m, "fail_fast");
    if (n != null) {
      e =
          e.withFailurePolicy(
              r.bool(n, "execution.fail_fast") ? FailurePolicy.FAIL_FAST : FailurePolicy.CONTINUE);
    }
    n = NodeReader.get(m, "max_runs");
    if (n != null) {
      e = e.withMaxRuns(r.integer(n, "execution.max_runs", 1, Long.MAX_VALUE, "an integer >= 1"));
    }
    n = NodeReader.get(m, "retries");
    if (n != null && !NodeReader.isNull(n)) {
      e = e.withRetries(retries(n));
    }
    n = NodeReader.get(m, "rate_limit");
    if (n != null && !NodeReader.isNull(n)) {
      e = e.withRateLimit(rateLimit(n));
    }
    n = NodeReader.get(m, "interrupt_grace");
    if (n != null && !NodeReader.isNull(n)) {
      e = e.withInterruptGrace(duration(n, "execution.interrupt_grace", true));
    }
    n = NodeReader.get(m, "backend");
    if (n != null) {
      String b = r.string(n, "execution.backend");
      try {
        e = e.withBackend(BackendKind.fromLabel(b));
      } catch (IllegalArgumentException ex) {
        throw r.fail(n, "execution.backend", ex.getMessage());
      }
    }
    n = NodeReader.get(m, "spark");
    if (n != null) {
      e = e.withSpark(spark(n));
    }
    n = NodeReader.get(m, "shard");
    if (n != null) {
      String text = r.string(n, "execution.shard");
      try {
        e = e.withShard(Shard.parse(text));
      } catch (IllegalArgumentException ex) {
        throw r.fail(n, "execution.shard", ex.getMessage());
      }
    }
    return e;
  }

  private Retries retries(Node node) {
    String path = "execution.retries";
    MappingNode m = r.mapping(node, path, "a map with " + String.join(", ", SpecSchema.RETRIES));
    r.checkKeys(m, path, SpecSchema.RETRIES);
    Node n = NodeReader.get(m, "max_attempts");
    int attempts =
        n == null ? 3 : (int) r.integer(n, path + ".max_attempts", 1, 1_000_000, "an integer >= 1");
    n = NodeReader.get(m, "initial_delay");
    Duration initial =
        n == null ? Defaults.RETRY_INITIAL_DELAY : duration(n, path + ".initial_delay", true);
    n = NodeReader.get(m, "max_delay");
    Duration max =
        n == null
            ? Defaults.RETRY_MAX_DELAY.compareTo(initial) < 0 ? initial : Defaults.RETRY_MAX_DELAY
            : duration(n, path + ".max_delay", true);
    n = NodeReader.get(m, "multiplier");
    double mult =
        n == null ? Defaults.RETRY_MULTIPLIER : r.number(n, path + ".multiplier").doubleValue();
    return r.wrap(m, path, () -> new Retries(attempts, initial, max, mult));
  }

  private RateLimit rateLimit(Node node) {
    String path = "execution.rate_limit";
    if (node instanceof ScalarNode) {
      String text = r.string(node, path);
      Matcher mt = RATE.matcher(text.trim());
      if (!mt.matches()) {
        throw r.fail(
            node,
            path,
            "'"
                + text
                + "' is not a rate; write runs per second or minute, e.g. 500/s or"
                + " 30/min, or a map {runs: 500, per: second}");
      }
      long runs;
      try {
        runs = Long.parseLong(mt.group(1));
      } catch (NumberFormatException e) {
        throw r.fail(node, path, "the rate '" + text + "' is too large");
      }
      RateLimit.Per per = mt.group(2).startsWith("s") ? RateLimit.Per.SECOND : RateLimit.Per.MINUTE;
      return r.wrap(node, path, () -> new RateLimit(runs, per));
    }
    MappingNode m = r.mapping(node, path, "a rate such as 500/s, or a map with runs and per");
    r.checkKeys(m, path, SpecSchema.RATE_LIMIT);
    Node waitNode = NodeReader.get(m, "max_wait");
    Duration maxWait =
        waitNode == null
            ? Defaults.RATE_LIMIT_MAX_WAIT
            : duration(waitNode, path + ".max_wait", true);
    Node runsNode = NodeReader.get(m, "runs");
    if (runsNode == null && waitNode != null && NodeReader.get(m, "per") == null) {
      return r.wrap(m, path, () -> RateLimit.maxWaitOnly(maxWait));
    }
    long runs =
        r.integer(
            r.require(m, path, "runs", "the number of run starts allowed per period"),
            path + ".runs",
            1,
            Long.MAX_VALUE,
            "an integer >= 1");
    Node perNode = NodeReader.get(m, "per");
    RateLimit.Per per =
        perNode == null
            ? RateLimit.Per.SECOND
            : RateLimit.Per.valueOf(
                r.oneOf(perNode, path + ".per", SpecSchema.RATE_PERIODS, "period")
                    .toUpperCase(Locale.ROOT));
    return r.wrap(m, path, () -> new RateLimit(runs, per, maxWait));
  }

  BudgetSpec budget(Node node) {
    MappingNode m = r.mapping(node, "budget", "a map with " + String.join(", ", SpecSchema.BUDGET));
    r.checkKeys(m, "budget", SpecSchema.BUDGET);
    double total = amount(m, "total");
    double perRun = amount(m, "per_run");
    Node n = NodeReader.get(m, "unit");
    String unit = n == null || NodeReader.isNull(n) ? "" : r.string(n, "budget.unit");
    double estimate = amount(m, "estimate_per_run");
    n = NodeReader.get(m, "in_flight");
    BudgetSpec.InFlight inFlight =
        n == null
            ? BudgetSpec.InFlight.FINISH
            : BudgetSpec.InFlight.valueOf(
                r.oneOf(n, "budget.in_flight", SpecSchema.IN_FLIGHT, "in-flight policy")
                    .toUpperCase(Locale.ROOT));
    n = NodeReader.get(m, "estimate_by");
    BudgetSpec.CostTable table = n == null || NodeReader.isNull(n) ? null : costTable(n);
    return r.wrap(
        m, "budget", () -> new BudgetSpec(total, perRun, unit, estimate, inFlight, table));
  }

  private double amount(MappingNode m, String key) {
    Node n = NodeReader.get(m, key);
    return n == null || NodeReader.isNull(n)
        ? Double.NaN
        : r.number(n, "budget." + key).doubleValue();
  }

  private BudgetSpec.CostTable costTable(Node node) {
    String path = "budget.estimate_by";
    MappingNode m = r.mapping(node, path, "a map {parameter: NAME, costs: {VALUE: COST, ...}}");
    r.checkKeys(m, path, SpecSchema.ESTIMATE_BY);
    String param =
        r.string(
            r.require(m, path, "parameter", "the parameter whose value sets the cost"),
            path + ".parameter");
    Node costsNode =
        r.require(m, path, "costs", "a map from values of the parameter to the cost of one run");
    Map<String, Double> costs = new LinkedHashMap<>();
    for (NodeTuple t :
        r.mapping(costsNode, path + ".costs", "a map from values to costs").getValue()) {
      String key = BudgetSpec.CostTable.key(r.scalar(t.getKeyNode(), path + ".costs"));
      costs.put(key, r.number(t.getValueNode(), path + ".costs." + key).doubleValue());
    }
    return r.wrap(m, path, () -> new BudgetSpec.CostTable(param, costs));
  }

  private SparkSettings spark(Node node) {
    MappingNode m =
        r.mapping(node, "execution.spark", "a map with " + String.join(", ", SpecSchema.SPARK));
    r.checkKeys(m, "execution.spark", SpecSchema.SPARK);
    SparkSettings s = SparkSettings.defaults();
    Node n = NodeReader.get(m, "master");
    if (n != null && !NodeReader.isNull(n)) {
      String master = r.string(n, "execution.spark.master");
      if (master.isBlank()) {
        throw r.fail(
            n,
            "execution.spark.master",
            "the master is blank; give local[4], spark://host:7077 or yarn");
      }
      s = s.withMaster(master);
    }
    n = NodeReader.get(m, "partitions");
    if (n != null) {
      s =
          s.withPartitions(
              (int)
                  r.integer(
                      n,
                      "execution.spark.partitions",
                      0,
                      Integer.MAX_VALUE,
                      "an integer >= 0 (0 = Spark's default parallelism)"));
    }
    n = NodeReader.get(m, "conf");
    if (n != null) {
      MappingNode c =
          r.mapping(
              n,
              "execution.spark.conf",
              "a map of Spark settings, e.g. {spark.executor.memory: 4g}");
      for (org.yaml.snakeyaml.nodes.NodeTuple t : c.getValue()) {
        String key = NodeReader.keyText(t);
        Object v = r.scalar(t.getValueNode(), "execution.spark.conf." + key);
        if (v == null) {
          throw r.fail(t.getValueNode(), "execution.spark.conf." + key, "the setting has no value");
        }
        s = s.withConf(key, v.toString());
      }
    }
    return s;
  }

  private Duration duration(Node node, String path) {
    return duration(node, path, false);
  }

  private Duration duration(Node node, String path, boolean zeroAllowed) {
    BigDecimal seconds;
    if (node instanceof ScalarNode s && !s.getTag().equals(org.yaml.snakeyaml.nodes.Tag.STR)) {
      Number n = r.number(node, path);
      seconds =
          n instanceof Long l
              ? BigDecimal.valueOf(l)
              : new BigDecimal(Double.toString(n.doubleValue()));
    } else {
      String text = r.string(node, path);
      Matcher mt = DURATION.matcher(text.trim());
      if (!mt.matches()) {
        throw r.fail(
            node,
            path,
            "'"
                + text
                + "' is not a duration; write seconds as a number (30, 2.5) or a"
                + " number with a unit: 500ms, 30s, 2m, 1h");
      }
      BigDecimal v = new BigDecimal(mt.group(1));
      switch (mt.group(2)) {
        case "ms":
          seconds = v.movePointLeft(3);
          break;
        case "m":
          seconds = v.multiply(BigDecimal.valueOf(60));
          break;
        case "h":
          seconds = v.multiply(BigDecimal.valueOf(3600));
          break;
        default:
          seconds = v;
      }
    }
    if (seconds.signum() < 0 || seconds.signum() == 0 && !zeroAllowed) {
      throw r.fail(
          node,
          path,
          (zeroAllowed ? "the duration must be >= 0" : "the timeout must be positive")
              + ", got "
              + NodeReader.describe(node));
    }
    try {
      BigDecimal whole = seconds.setScale(0, RoundingMode.FLOOR);
      long nanos =
          seconds
              .subtract(whole)
              .movePointRight(9)
              .setScale(0, RoundingMode.HALF_UP)
              .longValueExact();
      return Duration.ofSeconds(whole.longValueExact(), nanos);
    } catch (ArithmeticException e) {
      throw r.fail(node, path, "the duration " + NodeReader.describe(node) + " is too long");
    }
  }
}
