package org.sweeplab.spec;

import java.io.StringReader;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.Construct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads a YAML node tree with positions: composes text into nodes (never constructing objects),
 * refuses tags other than the core ones, finds duplicate keys, and converts nodes to values with
 * {@link SpecException}s that carry the source, line, column and key path.
 *
 * <p>Nodes that came from a {@code --set} override are remembered, so errors about them name the
 * override instead of a position in the file.
 */
final class NodeReader {
  /** The source label of errors in overrides. */
  static final String OVERRIDE_SOURCE = "--set";

  private static final Set<Tag> CORE_SCALAR_TAGS =
      Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL);
  private static final Resolver RESOLVER = new Resolver();

  private final String source;
  private final Map<Node, String> overrideOf = new IdentityHashMap<>();
  private final ScalarConstructor constructor = new ScalarConstructor();

  /**
   * Problems found so far while reading on past them (see {@link #attempt}); null when every
   * problem throws.
   */
  private List<SpecException> problems;

  NodeReader(String source) {
    this.source = source;
  }

  // ---------------------------------------------------------------- composing

  /**
   * The loader options: no global tag survives {@link #check}, so composing may accept them all.
   */
  private static LoaderOptions options() {
    LoaderOptions o = new LoaderOptions();
    o.setAllowDuplicateKeys(false);
    o.setAllowRecursiveKeys(false);
    o.setProcessComments(false);
    // Tags are refused by check() with a position and a clear message; nothing is ever constructed
    // from them.
    o.setTagInspector(tag -> true);
    return o;
  }

  /**
   * Composes {@code text} into a node tree and checks it; null for an empty document.
   *
   * @param override the override this text is the value of, or null for the spec file
   * @param path the key path of the text's root: "" for a file, the override's key for an override
   */
  Node compose(String text, String override, String path) {
    Node root;
    try {
      LoaderOptions o = options();
      DumperOptions d = new DumperOptions();
      root =
          new Yaml(new SafeConstructor(o), new Representer(d), d, o)
              .compose(new StringReader(text));
    } catch (MarkedYAMLException e) {
      String problem =
          "not valid YAML: "
              + e.getProblem()
              + (e.getContext() != null ? " (" + e.getContext() + ")" : "");
      if (override != null) {
        throw new SpecException(
            OVERRIDE_SOURCE, 0, 0, path, problem + " (in override '" + override + "')");
      }
      Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      throw new SpecException(
          source,
          m == null ? 0 : m.getLine() + 1,
          m == null ? 0 : m.getColumn() + 1,
          null,
          problem);
    } catch (YAMLException e) {
      String problem = "not valid YAML: " + e.getMessage();
      if (override != null) {
        throw new SpecException(
            OVERRIDE_SOURCE, 0, 0, path, problem + " (in override '" + override + "')");
      }
      throw new SpecException(source, 0, 0, null, problem);
    }
    if (root != null) {
      if (override != null) {
        markOverride(root, override);
      }
      check(root, path, Collections.newSetFromMap(new IdentityHashMap<>()));
      long expanded = expandedSize(root, new IdentityHashMap<>());
      if (expanded > MAX_SPEC_CHARS) {
        String problem =
            String.format(
                java.util.Locale.ROOT,
                "aliases expand this spec to about %,d characters,"
                    + " more than the 3 MiB a sweep.yaml may hold (the run writes the expanded spec to sweep.yaml and must"
                    + " read it back); use fewer or smaller aliases",
                expanded);
        throw new SpecException(override != null ? OVERRIDE_SOURCE : source, 0, 0, null, problem);
      }
    }
    return root;
  }

  /**
   * The most characters a spec may hold once its aliases are expanded: what sweeplab reads back
   * from a sweep.yaml (snakeyaml's default code point limit, 3 MiB).
   */
  public static final long MAX_SPEC_CHARS = 3L << 20;

  /**
   * About how many characters {@code node} takes once every alias is expanded (each scalar's text
   * plus a few for punctuation), computed once per node so that nested aliases cost no time; a
   * cycle counts as unbounded.
   */
  static long expandedSize(Node node, IdentityHashMap<Node, Long> memo) {
    Long known = memo.get(node);
    if (known != null) {
      return known;
    }
    memo.put(node, Long.MAX_VALUE); // a node reached again while being measured is a cycle
    long size = 4;
    if (node instanceof ScalarNode s) {
      size += s.getValue().length();
    } else if (node instanceof SequenceNode q) {
      for (Node c : q.getValue()) {
        size = saturatedAdd(size, expandedSize(c, memo));
      }
    } else if (node instanceof MappingNode m) {
      for (NodeTuple t : m.getValue()) {
        size =
            saturatedAdd(
                size,
                saturatedAdd(
                    expandedSize(t.getKeyNode(), memo), expandedSize(t.getValueNode(), memo)));
      }
    }
    memo.put(node, size);
    return size;
  }

  private static long saturatedAdd(long a, long b) {
    long r = a + b;
    return r < 0 ? Long.MAX_VALUE : r;
  }

  /** Remembers that {@code node} and everything below it came from {@code override}. */
  void markOverride(Node node, String override) {
    if (overrideOf.put(node, override) != null) {
      return;
    }
    if (node instanceof MappingNode m) {
      for (NodeTuple t : m.getValue()) {
        markOverride(t.getKeyNode(), override);
        markOverride(t.getValueNode(), override);
      }
    } else if (node instanceof SequenceNode s) {
      for (Node n : s.getValue()) {
        markOverride(n, override);
      }
    }
  }

  /**
   * Refuses tags other than str, int, float, bool, null, map and seq, and duplicate or non-scalar
   * keys. Scalars that YAML resolves implicitly to another type (a date such as {@code 2024-05-01},
   * the merge key {@code <<}) become strings.
   */
  private void check(Node node, String path, Set<Node> seen) {
    if (!seen.add(node)) {
      return;
    }
    if (node instanceof ScalarNode s) {
      if (!CORE_SCALAR_TAGS.contains(s.getTag())) {
        boolean implicit =
            s.getTag()
                .equals(
                    s.isPlain() ? RESOLVER.resolve(NodeId.scalar, s.getValue(), true) : Tag.STR);
        if (!implicit) {
          throw badTag(node, path);
        }
        s.setTag(Tag.STR);
      }
    } else if (node instanceof SequenceNode s) {
      if (!s.getTag().equals(Tag.SEQ)) {
        throw badTag(node, path);
      }
      List<Node> items = s.getValue();
      for (int i = 0; i < items.size(); i++) {
        check(items.get(i), path + "[" + i + "]", seen);
      }
    } else if (node instanceof MappingNode m) {
      if (!m.getTag().equals(Tag.MAP)) {
        throw badTag(node, path);
      }
      Map<String, Node> keys = new HashMap<>();
      for (NodeTuple t : m.getValue()) {
        if (!(t.getKeyNode() instanceof ScalarNode k)) {
          throw fail(
              t.getKeyNode(), path, "a key must be a plain name, not " + describe(t.getKeyNode()));
        }
        check(k, path, seen);
        String childPath = join(path, k.getValue());
        Node first = keys.putIfAbsent(k.getValue(), k);
        if (first != null) {
          throw fail(
              k,
              childPath,
              "duplicate key '"
                  + k.getValue()
                  + "': defined on line "
                  + line(first)
                  + " and again on line "
                  + line(k)
                  + "; each key may appear only once");
        }
        check(t.getValueNode(), childPath, seen);
      }
    }
  }

  private SpecException badTag(Node node, String path) {
    String tag = node.getTag().getValue();
    if (tag.startsWith(Tag.PREFIX)) {
      tag = "!!" + tag.substring(Tag.PREFIX.length());
    }
    return fail(
        node,
        path,
        "tag '"
            + tag
            + "' is not allowed; a spec holds only plain data (strings, numbers,"
            + " booleans, lists and maps), and no object is ever constructed from a tag");
  }

  private static int line(Node n) {
    return n.getStartMark() == null ? 0 : n.getStartMark().getLine() + 1;
  }

  // ---------------------------------------------------------------- errors

  /** An error at {@code node}: its position in the file, or the override it came from. */
  SpecException fail(Node node, String path, String problem) {
    String override = node == null ? null : overrideOf.get(node);
    if (override != null) {
      return new SpecException(
          OVERRIDE_SOURCE, 0, 0, path, problem + " (in override '" + override + "')");
    }
    Mark m = node == null ? null : node.getStartMark();
    return new SpecException(
        source, m == null ? 0 : m.getLine() + 1, m == null ? 0 : m.getColumn() + 1, path, problem);
  }

  /**
   * Runs {@code body}, turning an {@link IllegalArgumentException} from a model constructor into an
   * error here.
   */
  <T> T wrap(Node node, String path, java.util.function.Supplier<T> body) {
    try {
      return body.get();
    } catch (SpecException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw fail(node, path, e.getMessage());
    }
  }

  /**
   * How a node reads in a message: {@code 'abc' (a string)}, {@code 3 (an integer)}, {@code a
   * list}.
   */
  static String describe(Node node) {
    if (node instanceof SequenceNode) {
      return "a list";
    }
    if (node instanceof MappingNode) {
      return "a map";
    }
    ScalarNode s = (ScalarNode) node;
    Tag t = s.getTag();
    if (t.equals(Tag.INT)) {
      return s.getValue() + " (an integer)";
    }
    if (t.equals(Tag.FLOAT)) {
      return s.getValue() + " (a float)";
    }
    if (t.equals(Tag.BOOL)) {
      return s.getValue() + " (a boolean)";
    }
    if (t.equals(Tag.NULL)) {
      return "nothing (null)";
    }
    return "'" + s.getValue() + "' (a string)";
  }

  static String join(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  // ---------------------------------------------------------------- maps

  /** True for null and for a null scalar ({@code ~}, {@code null} or nothing). */
  static boolean isNull(Node node) {
    return node == null || node instanceof ScalarNode s && s.getTag().equals(Tag.NULL);
  }

  MappingNode mapping(Node node, String path, String expected) {
    if (node instanceof MappingNode m) {
      return m;
    }
    throw fail(node, path, "expected " + expected + ", got " + describe(node));
  }

  SequenceNode sequence(Node node, String path, String expected) {
    if (node instanceof SequenceNode s) {
      return s;
    }
    throw fail(node, path, "expected " + expected + ", got " + describe(node));
  }

  /**
   * Refuses keys of {@code m} that are not in {@code valid}, with a did-you-mean hint (a key of
   * another batch runner gets sweeplab's, see {@link ForeignKeys}) and the valid keys. While
   * collecting (inside {@link #attempt}), every unknown key is recorded and reading goes on without
   * it.
   */
  void checkKeys(MappingNode m, String path, Collection<String> valid) {
    for (NodeTuple t : m.getValue()) {
      String key = keyText(t);
      if (!valid.contains(key)) {
        String where = path.isEmpty() ? "at the top level" : "in '" + path + "'";
        String foreign = ForeignKeys.hint(path, key);
        SpecException e =
            fail(
                t.getKeyNode(),
                join(path, key),
                "unknown key '"
                    + key
                    + "' "
                    + where
                    + (foreign != null ? foreign : Suggestions.hint(key, valid))
                    + "; valid keys are "
                    + String.join(", ", valid));
        if (problems == null) {
          throw e;
        }
        problems.add(e);
      }
    }
  }

  /** From now on, {@link #attempt} records problems and reading goes on. */
  void collectProblems() {
    problems = new ArrayList<>();
  }

  /**
   * Runs {@code body}; when collecting and it fails with a {@link SpecException}, records it and
   * returns {@code fallback} so the rest of the spec is still read.
   */
  <T> T attempt(java.util.function.Supplier<T> body, T fallback) {
    if (problems == null) {
      return body.get();
    }
    try {
      return body.get();
    } catch (SpecException e) {
      problems.add(e);
      return fallback;
    }
  }

  /** True when a problem has been recorded. */
  boolean hasProblems() {
    return problems != null && !problems.isEmpty();
  }

  /** Throws every recorded problem at once ({@link SpecErrors}), if any. */
  void throwProblems() {
    if (hasProblems()) {
      throw SpecErrors.of(problems);
    }
  }

  static String keyText(NodeTuple t) {
    return ((ScalarNode) t.getKeyNode()).getValue();
  }

  /** The value node of {@code key}, or null when it is absent or null. */
  static Node get(MappingNode m, String key) {
    NodeTuple t = tuple(m, key);
    return t == null || isNull(t.getValueNode()) ? null : t.getValueNode();
  }

  static NodeTuple tuple(MappingNode m, String key) {
    for (NodeTuple t : m.getValue()) {
      if (keyText(t).equals(key)) {
        return t;
      }
    }
    return null;
  }

  /** The value node of {@code key}, which must be present. */
  Node require(MappingNode m, String path, String key, String what) {
    Node n = get(m, key);
    if (n == null) {
      throw fail(
          m, join(path, key), "missing key '" + key + "'" + (what.isEmpty() ? "" : ": " + what));
    }
    return n;
  }

  // ---------------------------------------------------------------- scalars

  String string(Node node, String path) {
    if (node instanceof ScalarNode s && s.getTag().equals(Tag.STR)) {
      return s.getValue();
    }
    throw fail(node, path, "expected a string, got " + describe(node));
  }

  /** The text of a scalar as written (numbers and booleans included), for argv and env entries. */
  String text(Node node, String path, String expected) {
    if (node instanceof ScalarNode s && !s.getTag().equals(Tag.NULL)) {
      return s.getValue();
    }
    throw fail(node, path, "expected " + expected + ", got " + describe(node));
  }

  long integer(Node node, String path) {
    Object v =
        node instanceof ScalarNode s && s.getTag().equals(Tag.INT) ? construct(s, path) : null;
    if (v instanceof Number n) {
      return n.longValue();
    }
    throw fail(node, path, "expected an integer, got " + describe(node));
  }

  /** An integer in {@code [min, max]}; {@code rule} says what is valid, e.g. "an integer >= 1". */
  long integer(Node node, String path, long min, long max, String rule) {
    long v = integer(node, path);
    if (v < min || v > max) {
      throw fail(node, path, "expected " + rule + ", got " + v);
    }
    return v;
  }

  /** A {@link Long} or a {@link Double}. */
  Number number(Node node, String path) {
    if (node instanceof ScalarNode s
        && (s.getTag().equals(Tag.INT) || s.getTag().equals(Tag.FLOAT))) {
      return (Number) construct(s, path);
    }
    throw fail(node, path, "expected a number, got " + describe(node));
  }

  boolean bool(Node node, String path) {
    if (node instanceof ScalarNode s && s.getTag().equals(Tag.BOOL)) {
      return (Boolean) construct(s, path);
    }
    throw fail(node, path, "expected true or false, got " + describe(node));
  }

  /** A parameter value: a {@link String}, {@link Long}, {@link Double} or {@link Boolean}. */
  Object scalar(Node node, String path) {
    if (node instanceof ScalarNode s && !s.getTag().equals(Tag.NULL)) {
      return construct(s, path);
    }
    throw fail(
        node, path, "expected a single value (a string, number or boolean), got " + describe(node));
  }

  /**
   * Plain Java data: {@link LinkedHashMap}, {@link ArrayList}, String, Long, Double, Boolean or
   * null.
   */
  Object plain(Node node, String path) {
    return plain(node, path, Collections.newSetFromMap(new IdentityHashMap<>()));
  }

  private Object plain(Node node, String path, Set<Node> open) {
    if (node instanceof ScalarNode s) {
      return s.getTag().equals(Tag.NULL) ? null : construct(s, path);
    }
    if (!open.add(node)) {
      throw fail(
          node,
          path,
          "an alias refers to a list or map that contains it; a spec cannot be recursive");
    }
    Object out;
    if (node instanceof SequenceNode s) {
      List<Object> list = new ArrayList<>();
      List<Node> items = s.getValue();
      for (int i = 0; i < items.size(); i++) {
        list.add(plain(items.get(i), path + "[" + i + "]", open));
      }
      out = list;
    } else {
      Map<String, Object> map = new LinkedHashMap<>();
      for (NodeTuple t : ((MappingNode) node).getValue()) {
        String k = keyText(t);
        map.put(k, plain(t.getValueNode(), join(path, k), open));
      }
      out = map;
    }
    open.remove(node);
    return out;
  }

  private Object construct(ScalarNode s, String path) {
    Tag tag = s.getTag();
    if (tag.equals(Tag.STR)) {
      return s.getValue();
    }
    Object v;
    try {
      v = constructor.construct(s);
    } catch (RuntimeException e) {
      throw fail(
          s,
          path,
          "'" + s.getValue() + "' is not a valid " + tag.getValue().substring(Tag.PREFIX.length()));
    }
    if (v instanceof BigInteger) {
      throw fail(
          s, path, "integer " + s.getValue() + " is out of range; integers must fit in 64 bits");
    }
    if (v instanceof Integer i) {
      return i.longValue();
    }
    if (v instanceof Float f) {
      return f.doubleValue();
    }
    return v;
  }

  /** Builds only core scalars (int, float, bool, null) with SnakeYAML's YAML 1.1 rules. */
  private static final class ScalarConstructor extends SafeConstructor {
    ScalarConstructor() {
      super(new LoaderOptions());
    }

    Object construct(ScalarNode node) {
      Construct c = yamlConstructors.get(node.getTag());
      if (c == null || !CORE_SCALAR_TAGS.contains(node.getTag())) {
        throw new IllegalStateException("not a core scalar: " + node.getTag());
      }
      return c.construct(node);
    }
  }

  /** A string that must be one of {@code valid}, with a did-you-mean hint. */
  String oneOf(Node node, String path, List<String> valid, String what) {
    String v = string(node, path);
    if (!valid.contains(v)) {
      throw fail(
          node,
          path,
          "unknown "
              + what
              + " '"
              + v
              + "'"
              + Suggestions.hint(v, valid)
              + "; valid values are "
              + String.join(", ", valid));
    }
    return v;
  }
}
