package org.sweeplab.spec;

import java.util.Locale;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads {@code execution.racing}. Its {@code max_replicates} is the plan's replicates: when it is
 * left out it is {@code replicates}; when {@code replicates} is left out it is {@code
 * max_replicates}; when both are given they must agree, so a spec never says two things about how
 * many replicates a variation may get.
 */
final class RacingReader {
  private static final String PATH = "execution.racing";

  private final NodeReader r;

  RacingReader(NodeReader r) {
    this.r = r;
  }

  /**
   * @param node the racing map
   * @param replicatesNode the spec's {@code replicates} node, or null when left out
   * @param replicates the spec's replicates (the default when left out)
   * @param sharded whether {@code execution.shard} is set (a race decides over every variation, so
   *     it cannot be)
   */
  Racing racing(Node node, Node replicatesNode, int replicates, boolean sharded) {
    MappingNode m = r.mapping(node, PATH, "a map with " + String.join(", ", SpecSchema.RACING));
    r.checkKeys(m, PATH, SpecSchema.RACING);
    if (sharded) {
      throw r.fail(
          node,
          PATH,
          "a race decides after each round over every variation, so it cannot run as shards;"
              + " remove execution.shard (or execution.racing)");
    }
    String metric =
        r.string(
            r.require(m, PATH, "metric", "the metric the race compares, e.g. metric: score"),
            PATH + ".metric");
    Node n = NodeReader.get(m, "direction");
    Racing.Direction direction =
        n == null
            ? Racing.Direction.HIGHER
            : Racing.Direction.valueOf(
                r.oneOf(n, PATH + ".direction", SpecSchema.RACE_DIRECTIONS, "direction")
                    .toUpperCase(Locale.ROOT));
    n = NodeReader.get(m, "test");
    Racing.Test test =
        n == null
            ? Racing.Test.WELCH
            : Racing.Test.fromLabel(r.oneOf(n, PATH + ".test", SpecSchema.RACE_TESTS, "test"));
    Node maxNode = NodeReader.get(m, "max_replicates");
    int max = replicates;
    if (maxNode != null) {
      max =
          (int)
              r.integer(maxNode, PATH + ".max_replicates", 2, Integer.MAX_VALUE, "an integer >= 2");
      if (replicatesNode != null && max != replicates) {
        throw r.fail(
            maxNode,
            PATH + ".max_replicates",
            "is "
                + max
                + " but replicates is "
                + replicates
                + "; the"
                + " race runs up to replicates per variation, so leave one of them out or make them equal");
      }
    }
    n = NodeReader.get(m, "min_replicates");
    int min =
        n == null
            ? Math.min(Defaults.RACE_MIN_REPLICATES, max)
            : (int) r.integer(n, PATH + ".min_replicates", 2, Integer.MAX_VALUE, "an integer >= 2");
    if (min > max) {
      throw r.fail(
          n == null ? maxNode == null ? node : maxNode : n,
          PATH + ".min_replicates",
          "is "
              + min
              + " but the race runs at most "
              + max
              + " replicates per variation (max_replicates, or replicates);"
              + " make min_replicates <= max_replicates");
    }
    n = NodeReader.get(m, "step");
    int step =
        n == null
            ? Defaults.RACE_STEP
            : (int) r.integer(n, PATH + ".step", 1, Integer.MAX_VALUE, "an integer >= 1");
    n = NodeReader.get(m, "alpha");
    double alpha = Defaults.RACE_ALPHA;
    if (n != null) {
      alpha = r.number(n, PATH + ".alpha").doubleValue();
      if (!(alpha > 0 && alpha < 1)) {
        throw r.fail(
            n,
            PATH + ".alpha",
            "must be a significance level in (0, 1), e.g. 0.05; got " + NodeReader.describe(n));
      }
    }
    int maxReplicates = max;
    int minReplicates = min;
    double a = alpha;
    return r.wrap(
        m, PATH, () -> new Racing(metric, direction, minReplicates, maxReplicates, step, a, test));
  }
}
