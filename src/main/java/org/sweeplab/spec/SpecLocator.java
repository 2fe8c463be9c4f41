package org.sweeplab.spec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Puts the file, line and column on an error found after loading (at {@code plan}: an unknown
 * parameter of a built-in simulation, an unknown placeholder of a pipeline stage), by finding its
 * key path in the spec file.
 */
public final class SpecLocator {
  private SpecLocator() {}

  /**
   * {@code e} with {@code file} as its source and, when its key path is found in the file, the line
   * and column of that key; each problem of a {@link SpecErrors} is located in turn. Problems
   * already placed are kept.
   */
  public static SpecException locate(SpecException e, Path file) {
    if (e instanceof SpecErrors many) {
      List<SpecException> out = new ArrayList<>();
      for (SpecException one : many.errors()) {
        out.add(locate(one, file));
      }
      return SpecErrors.of(out);
    }
    if (e.source() != null || e.line() > 0 || e.keyPath() == null || e.keyPath().isEmpty()) {
      return e.withSource(file.toString());
    }
    Node at;
    try {
      Node root =
          new NodeReader(file.toString())
              .compose(Files.readString(file, StandardCharsets.UTF_8), null, "");
      at = find(root, e.keyPath());
    } catch (IOException | RuntimeException notFound) {
      at = null;
    }
    if (at == null || at.getStartMark() == null) {
      return e.withSource(file.toString());
    }
    SpecException placed =
        new SpecException(
            file.toString(),
            at.getStartMark().getLine() + 1,
            at.getStartMark().getColumn() + 1,
            e.keyPath(),
            e.problem());
    placed.initCause(e.getCause());
    return placed;
  }

  /**
   * The key node at a path such as {@code parameters.a.b} or {@code
   * simulation.pipeline[1].command}.
   */
  static Node find(Node node, String path) {
    if (path.isEmpty()) {
      return node;
    }
    if (path.startsWith("[") && node instanceof SequenceNode s) {
      int close = path.indexOf(']');
      int i = Integer.parseInt(path.substring(1, close));
      String rest = path.substring(close + 1);
      return find(s.getValue().get(i), rest.startsWith(".") ? rest.substring(1) : rest);
    }
    if (!(node instanceof MappingNode m)) {
      return null;
    }
    // Keys may hold dots (parameter names): try the longest key that the path starts with.
    NodeTuple best = null;
    for (NodeTuple t : m.getValue()) {
      String k = NodeReader.keyText(t);
      boolean fits = path.equals(k) || path.startsWith(k + ".") || path.startsWith(k + "[");
      if (fits && (best == null || k.length() > NodeReader.keyText(best).length())) {
        best = t;
      }
    }
    if (best == null) {
      return null;
    }
    String rest = path.substring(NodeReader.keyText(best).length());
    if (rest.isEmpty()) {
      return best.getKeyNode();
    }
    Node inner = find(best.getValueNode(), rest.startsWith(".") ? rest.substring(1) : rest);
    return inner != null ? inner : best.getKeyNode();
  }
}
