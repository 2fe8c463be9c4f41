package org.sweeplab.spec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Applies {@code --set key=value} overrides to a spec's node tree before it is converted, so the
 * converted values get the same type checks and messages as values written in the file.
 *
 * <p>The key is a dotted path ({@code execution.max_parallel}); the value is parsed as a YAML flow
 * value, so {@code 3}, {@code true}, {@code [a, b]} and {@code {type: range, start: 1, stop: 5}}
 * all work. Each key on the path is checked against {@link SpecSchema}. Missing maps on the path
 * are created; a {@code design} or {@code simulation} written as a single name becomes a map
 * ({@code {type: NAME}} or {@code {name: NAME}}) so that one of its keys can be set. Under {@code
 * parameters}, the longest run of segments that names an existing parameter is taken as the name,
 * since parameter names may contain dots.
 */
final class Overrides {
  private Overrides() {}

  /**
   * Applies {@code overrides} in order (a later one wins) and returns the root, which is created
   * when the spec was empty.
   */
  static Node apply(NodeReader r, Node root, List<String> overrides) {
    if (overrides.isEmpty()) {
      return root;
    }
    if (root == null) {
      root = new MappingNode(Tag.MAP, new ArrayList<>(), DumperOptions.FlowStyle.BLOCK);
    }
    if (!(root instanceof MappingNode top)) {
      return root; // the reader reports that the spec is not a map
    }
    for (String text : overrides) {
      applyOne(r, top, text);
    }
    return root;
  }

  private static void applyOne(NodeReader r, MappingNode top, String text) {
    int eq = text == null ? -1 : text.indexOf('=');
    if (eq <= 0) {
      throw new SpecException(
          NodeReader.OVERRIDE_SOURCE,
          0,
          0,
          null,
          "override '"
              + text
              + "' is not of the form"
              + " key=value; write e.g. --set execution.max_parallel=4 or --set parameters.x=[1,2,3]");
    }
    String key = text.substring(0, eq).trim();
    List<String> segments = Arrays.asList(key.split("\\.", -1));
    if (segments.contains("")) {
      throw fail(
          key,
          text,
          "the key '"
              + key
              + "' has an empty part; write dotted keys such as"
              + " execution.max_parallel");
    }
    List<String> keys = resolveParameterName(top, segments);
    Node value = r.compose(text.substring(eq + 1), text, key);
    if (value == null) {
      value = new ScalarNode(Tag.NULL, "", null, null, DumperOptions.ScalarStyle.PLAIN);
      r.markOverride(value, text);
    }

    MappingNode cur = top;
    List<String> at = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      String k = keys.get(i);
      String here = String.join(".", at);
      List<String> valid = SpecSchema.keysUnder(at);
      if (valid != null && !valid.contains(k)) {
        if (valid.isEmpty()) {
          throw fail(
              key,
              text,
              "'" + here + "' takes a single value, not keys; write --set " + here + "=VALUE");
        }
        throw fail(
            key,
            text,
            "unknown key '"
                + k
                + "'"
                + (here.isEmpty() ? " at the top level" : " in '" + here + "'")
                + Suggestions.hint(k, valid)
                + "; valid keys are "
                + String.join(", ", valid));
      }
      NodeTuple t = NodeReader.tuple(cur, k);
      if (i == keys.size() - 1) {
        put(r, cur, t, k, value, text);
        return;
      }
      Node child = t == null ? null : t.getValueNode();
      MappingNode next;
      if (NodeReader.isNull(child)) {
        next = new MappingNode(Tag.MAP, new ArrayList<>(), DumperOptions.FlowStyle.BLOCK);
      } else if (child instanceof MappingNode m) {
        next = m;
      } else if (at.isEmpty()
          && child instanceof ScalarNode s
          && (k.equals("design") || k.equals("simulation"))) {
        // design: lhs  ->  design: {type: lhs};  simulation: model  ->  simulation: {name: model}
        next = new MappingNode(Tag.MAP, new ArrayList<>(), DumperOptions.FlowStyle.BLOCK);
        next.getValue().add(new NodeTuple(keyNode(k.equals("design") ? "type" : "name"), s));
      } else {
        String path = here.isEmpty() ? k : here + "." + k;
        throw fail(
            key,
            text,
            "'"
                + path
                + "' is "
                + NodeReader.describe(child)
                + ", not a map, so it has no key '"
                + keys.get(i + 1)
                + "'; set the whole value instead, e.g. --set "
                + path
                + "=...");
      }
      if (next != child) {
        r.markOverride(next, text);
        put(r, cur, t, k, next, text);
      }
      cur = next;
      at.add(k);
    }
  }

  /** Replaces the value of {@code existing}, or adds {@code key: value} at the end of {@code m}. */
  private static void put(
      NodeReader r, MappingNode m, NodeTuple existing, String key, Node value, String text) {
    List<NodeTuple> tuples = m.getValue();
    if (existing != null) {
      tuples.set(tuples.indexOf(existing), new NodeTuple(existing.getKeyNode(), value));
    } else {
      Node k = keyNode(key);
      r.markOverride(k, text);
      tuples.add(new NodeTuple(k, value));
    }
  }

  private static ScalarNode keyNode(String key) {
    return new ScalarNode(Tag.STR, key, null, null, DumperOptions.ScalarStyle.PLAIN);
  }

  /**
   * Joins the segments after {@code parameters} that form a parameter name: the longest prefix
   * naming an existing parameter; otherwise all of them, unless the last is a definition key
   * ({@code parameters.x.step}).
   */
  private static List<String> resolveParameterName(MappingNode top, List<String> segments) {
    if (segments.size() <= 2 || !segments.get(0).equals("parameters")) {
      return segments;
    }
    Node params = NodeReader.get(top, "parameters");
    List<String> existing = new ArrayList<>();
    if (params instanceof MappingNode pm) {
      for (NodeTuple t : pm.getValue()) {
        existing.add(NodeReader.keyText(t));
      }
    }
    for (int end = segments.size(); end >= 2; end--) {
      String name = String.join(".", segments.subList(1, end));
      if (existing.contains(name)) {
        List<String> out = new ArrayList<>(List.of("parameters", name));
        out.addAll(segments.subList(end, segments.size()));
        return out;
      }
    }
    String last = segments.get(segments.size() - 1);
    boolean definitionKey =
        SpecSchema.PARAMETER_KEYS.values().stream().anyMatch(ks -> ks.contains(last));
    if (definitionKey) {
      return List.of(
          "parameters", String.join(".", segments.subList(1, segments.size() - 1)), last);
    }
    return List.of("parameters", String.join(".", segments.subList(1, segments.size())));
  }

  private static SpecException fail(String key, String text, String problem) {
    return new SpecException(
        NodeReader.OVERRIDE_SOURCE, 0, 0, key, problem + " (in override '" + text + "')");
  }
}
