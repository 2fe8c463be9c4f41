package org.sweeplab.spec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Converts a checked node tree into a {@link SweepSpec}, one method per section. Every error is a
 * {@link SpecException} at the node concerned.
 */
final class SpecReader {
  private static final Pattern BYTES =
      Pattern.compile("(\\d+)\\s*(b|kb|kib|mb|mib|gb|gib)?", Pattern.CASE_INSENSITIVE);
  private static final Pattern CLASS_NAME =
      Pattern.compile("[\\p{L}_$][\\p{L}\\p{N}_$]*(\\.[\\p{L}_$][\\p{L}\\p{N}_$]*)*");

  private final NodeReader r;
  private final java.nio.file.Path specDir;

  SpecReader(NodeReader r) {
    this(r, null);
  }

  /**
   * A reader that resolves {@code base_file} against {@code specDir} (null: the current folder).
   */
  SpecReader(NodeReader r, java.nio.file.Path specDir) {
    this.r = r;
    this.specDir = specDir;
  }

  SweepSpec read(Node root) {
    if (root == null) {
      throw r.fail(null, "", "the spec is empty; it needs at least 'name' and 'simulation'");
    }
    MappingNode top = r.mapping(root, "", "a map of keys (name, simulation, parameters, ...)");
    // Every section is read even when an earlier one failed, so that one attempt reports all the
    // problems.
    r.collectProblems();
    r.checkKeys(top, "", SpecSchema.TOP);

    String name =
        r.attempt(
            () -> {
              Node nameNode = r.require(top, "", "name", "the sweep's name, e.g. name: my-sweep");
              String n = r.string(nameNode, "name");
              r.wrap(
                  nameNode,
                  "name",
                  () -> {
                    SweepSpec.checkName(n);
                    return null;
                  });
              return n;
            },
            null);
    Node descNode = NodeReader.get(top, "description");
    String description =
        descNode == null ? "" : r.attempt(() -> r.string(descNode, "description"), "");
    SimulationSpec simulation =
        r.attempt(
            () ->
                simulation(
                    r.require(
                        top,
                        "",
                        "simulation",
                        "what each run executes, e.g. simulation: my-model or simulation: {command: [python, sim.py]}"),
                    "simulation"),
            null);
    Map<String, Object> base = r.attempt(() -> base(top), Map.of());
    Node paramsNode = NodeReader.get(top, "parameters");
    List<Parameter> parameters =
        paramsNode == null ? List.of() : r.attempt(() -> parameters(paramsNode), null);
    boolean parametersRead = parameters != null && !r.hasProblems();
    Design design =
        !parametersRead
            ? Design.grid()
            : r.attempt(
                () -> design(NodeReader.get(top, "design"), parameters, paramsNode, base),
                Design.grid());

    Node repNode = NodeReader.get(top, "replicates");
    int givenReplicates =
        repNode == null
            ? Defaults.REPLICATES
            : r.attempt(
                () ->
                    (int) r.integer(repNode, "replicates", 1, Integer.MAX_VALUE, "an integer >= 1"),
                1);
    Node seedNode = NodeReader.get(top, "seed");
    long seed = seedNode == null ? Defaults.SEED : r.attempt(() -> r.integer(seedNode, "seed"), 0L);
    Node seedingNode = NodeReader.get(top, "seeding");
    Seeding seeding =
        seedingNode == null
            ? Seeding.INDEPENDENT
            : r.attempt(
                () ->
                    Seeding.valueOf(
                        r.oneOf(seedingNode, "seeding", SpecSchema.SEEDINGS, "seeding")
                            .toUpperCase(Locale.ROOT)),
                null);
    Node execNode = NodeReader.get(top, "execution");
    Execution read =
        execNode == null
            ? Execution.defaults()
            : r.attempt(() -> new ExecutionReader(r).execution(execNode), null);
    Node racingNode =
        execNode == null
            ? null
            : NodeReader.get(r.mapping(execNode, "execution", "a map"), "racing");
    Racing racing =
        read == null || racingNode == null || NodeReader.isNull(racingNode)
            ? null
            : r.attempt(
                () ->
                    new RacingReader(r)
                        .racing(racingNode, repNode, givenReplicates, !read.shard().isAll()),
                null);
    Execution execution = racing == null ? read : read.withRacing(racing);
    int replicates = racing == null ? givenReplicates : racing.maxReplicates();
    Node budgetNode = NodeReader.get(top, "budget");
    BudgetSpec budget =
        budgetNode == null || NodeReader.isNull(budgetNode)
            ? null
            : r.attempt(() -> new ExecutionReader(r).budget(budgetNode), null);
    Node outNode = NodeReader.get(top, "output");
    String outputDir = outNode == null ? null : r.attempt(() -> output(outNode), null);
    RunRecords runRecords =
        outNode == null ? RunRecords.AUTO : r.attempt(() -> runRecords(outNode), null);
    Node listenersNode = NodeReader.get(top, "listeners");
    List<String> listeners =
        listenersNode == null ? List.of() : r.attempt(() -> listeners(listenersNode), null);
    List<OutputFormat> formats =
        outNode == null ? null : r.attempt(() -> outputFormats(outNode), null);
    Node metaNode = NodeReader.get(top, "metadata");
    Map<String, Object> meta =
        metaNode == null
            ? null
            : r.attempt(
                () -> {
                  r.mapping(metaNode, "metadata", "a map");
                  @SuppressWarnings("unchecked")
                  Map<String, Object> m = (Map<String, Object>) r.plain(metaNode, "metadata");
                  return m;
                },
                null);
    r.throwProblems();
    try {
      return r.wrap(
          root,
          "",
          () ->
              new SweepSpec(
                  name,
                  description,
                  simulation,
                  parameters,
                  design,
                  replicates,
                  seed,
                  seeding,
                  execution,
                  outputDir,
                  meta,
                  budget,
                  base,
                  runRecords,
                  listeners,
                  formats));
    } catch (SpecException e) {
      if (e.source() != null || e.keyPath() == null || !e.keyPath().startsWith("budget")) {
        throw e;
      }
      // The budget's estimate table is checked against the parameters by the model: point at the
      // table.
      throw r.fail(
          NodeReader.get(r.mapping(budgetNode, "budget", "a map"), "estimate_by"),
          e.keyPath(),
          e.problem());
    }
  }

  // ---------------------------------------------------------------- base scenario, listeners, run
  // records

  /**
   * {@code base_file} (read first) with {@code base} merged over it; empty when neither is given.
   */
  private Map<String, Object> base(MappingNode top) {
    Map<String, Object> out = Map.of();
    Node fileNode = NodeReader.get(top, "base_file");
    if (fileNode != null) {
      out = BaseFile.read(r, fileNode, specDir);
    }
    Node baseNode = NodeReader.get(top, "base");
    if (baseNode != null) {
      r.mapping(
          baseNode, "base", "a map (the base scenario every run's parameters are merged into)");
      @SuppressWarnings("unchecked")
      Map<String, Object> b = (Map<String, Object>) r.plain(baseNode, "base");
      out = Scenarios.overlay(out, b);
    }
    return out;
  }

  private List<String> listeners(Node node) {
    List<Node> items =
        r.sequence(node, "listeners", "a list of {class: com.example.Monitor}").getValue();
    List<String> out = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      String path = "listeners[" + i + "]";
      MappingNode m = r.mapping(items.get(i), path, "a map {class: com.example.Monitor}");
      r.checkKeys(m, path, SpecSchema.LISTENER);
      Node cls = r.require(m, path, "class", "the listener's fully qualified class name");
      String name = r.string(cls, path + ".class");
      if (!CLASS_NAME.matcher(name).matches()) {
        throw r.fail(
            cls,
            path + ".class",
            "'"
                + name
                + "' is not a Java class name; write the fully qualified"
                + " name, e.g. com.example.Monitor");
      }
      out.add(name);
    }
    return out;
  }

  private RunRecords runRecords(Node node) {
    MappingNode m = r.mapping(node, "output", "a map with " + String.join(", ", SpecSchema.OUTPUT));
    Node rr = NodeReader.get(m, "run_records");
    if (rr == null) {
      return RunRecords.AUTO;
    }
    return r.bool(rr, "output.run_records") ? RunRecords.ON : RunRecords.OFF;
  }

  // ---------------------------------------------------------------- simulation

  private SimulationSpec simulation(Node node, String path) {
    if (node instanceof ScalarNode) {
      String name = r.string(node, path);
      return r.wrap(node, path, () -> new SimulationSpec.Named(name));
    }
    MappingNode m =
        r.mapping(
            node,
            path,
            "a simulation name or a map with one of "
                + String.join(", ", SpecSchema.SIMULATION_KINDS));
    r.checkKeys(m, path, SpecSchema.SIMULATION);
    NodeTuple stageTuple = NodeReader.tuple(m, "stage");
    if (stageTuple != null && !path.matches(".*pipeline\\[\\d+\\]")) {
      throw r.fail(
          stageTuple.getKeyNode(),
          NodeReader.join(path, "stage"),
          "'stage' names a stage of a pipeline;"
              + " it applies only inside simulation: {pipeline: [{stage: NAME, command: [...]}, ...]}");
    }
    List<String> kinds = new ArrayList<>();
    for (String k : SpecSchema.SIMULATION_KINDS) {
      if (NodeReader.tuple(m, k) != null) {
        kinds.add(k);
      }
    }
    NodeTuple inCode = NodeReader.tuple(m, SpecSchema.IN_CODE);
    if (inCode != null) {
      if (path.contains("pipeline[")) {
        throw r.fail(
            inCode.getKeyNode(),
            NodeReader.join(path, SpecSchema.IN_CODE),
            "a simulation given in code replaces the whole simulation; it cannot be a pipeline"
                + " stage");
      }
      kinds.add(SpecSchema.IN_CODE);
    }
    if (kinds.size() != 1) {
      throw r.fail(
          m,
          path,
          "a simulation needs exactly one of "
              + String.join(", ", SpecSchema.SIMULATION_KINDS)
              + (kinds.isEmpty() ? "; got none" : "; got " + String.join(" and ", kinds)));
    }
    String kind = kinds.get(0);
    if (!kind.equals("command")) {
      for (String opt : SpecSchema.COMMAND_OPTIONS) {
        NodeTuple t = NodeReader.tuple(m, opt);
        if (t != null) {
          throw r.fail(
              t.getKeyNode(),
              NodeReader.join(path, opt),
              "'" + opt + "' applies only to a command simulation, not to '" + kind + "'");
        }
      }
    }
    String kindPath = NodeReader.join(path, kind);
    Node value = r.require(m, path, kind, "");
    switch (kind) {
      case "name":
        {
          String name = r.string(value, kindPath);
          return r.wrap(value, kindPath, () -> new SimulationSpec.Named(name));
        }
      case "class":
        {
          String cls = r.string(value, kindPath);
          if (!CLASS_NAME.matcher(cls).matches()) {
            throw r.fail(
                value,
                kindPath,
                "'"
                    + cls
                    + "' is not a Java class name; write the fully qualified name,"
                    + " e.g. com.example.MyModel");
          }
          return new SimulationSpec.JavaClass(cls);
        }
      case "command":
        return command(m, value, path);
      case SpecSchema.IN_CODE:
        {
          String label = r.string(value, kindPath);
          return r.wrap(value, kindPath, () -> new SimulationSpec.InCode(label));
        }
      default:
        return pipeline(value, kindPath);
    }
  }

  private SimulationSpec command(MappingNode m, Node argvNode, String path) {
    String argvPath = NodeReader.join(path, "command");
    if (argvNode instanceof ScalarNode) {
      throw r.fail(
          argvNode,
          argvPath,
          "a command must be a list of arguments, e.g. command: [python, sim.py,"
              + " --n, \"{n}\"]; no shell is used, so each argument is its own item (got "
              + NodeReader.describe(argvNode)
              + ")");
    }
    SequenceNode seq = r.sequence(argvNode, argvPath, "a list of arguments");
    List<String> argv = new ArrayList<>();
    for (int i = 0; i < seq.getValue().size(); i++) {
      argv.add(
          r.text(seq.getValue().get(i), argvPath + "[" + i + "]", "a single argument (a string)"));
    }
    if (argv.isEmpty()) {
      throw r.fail(
          argvNode,
          argvPath,
          "the command is empty; give at least the program, e.g. [python, sim.py]");
    }
    Map<String, String> env = new LinkedHashMap<>();
    Node envNode = NodeReader.get(m, "env");
    if (envNode != null) {
      String envPath = NodeReader.join(path, "env");
      for (NodeTuple t :
          r.mapping(envNode, envPath, "a map of variable names to strings").getValue()) {
        String k = NodeReader.keyText(t);
        env.put(k, r.text(t.getValueNode(), NodeReader.join(envPath, k), "a string"));
      }
    }
    Node wdNode = NodeReader.get(m, "workdir");
    String workdir = wdNode == null ? null : r.string(wdNode, NodeReader.join(path, "workdir"));
    Node resultNode = NodeReader.get(m, "result");
    String result =
        resultNode == null ? "stdout" : r.string(resultNode, NodeReader.join(path, "result"));
    Node capNode = NodeReader.get(m, "log_cap");
    long logCap =
        capNode == null
            ? SimulationSpec.Command.DEFAULT_LOG_CAP
            : bytes(capNode, NodeReader.join(path, "log_cap"));
    Node codesNode = NodeReader.get(m, "transient_exit_codes");
    List<Integer> codes = List.of(75);
    if (codesNode != null) {
      String codesPath = NodeReader.join(path, "transient_exit_codes");
      List<Integer> cs = new ArrayList<>();
      List<Node> items = r.sequence(codesNode, codesPath, "a list of exit codes").getValue();
      for (int i = 0; i < items.size(); i++) {
        cs.add(
            (int)
                r.integer(
                    items.get(i), codesPath + "[" + i + "]", 0, 255, "an exit code from 0 to 255"));
      }
      codes = cs;
    }
    List<Integer> transientCodes = codes;
    return r.wrap(
        resultNode != null ? resultNode : m,
        resultNode != null ? NodeReader.join(path, "result") : path,
        () -> new SimulationSpec.Command(argv, env, workdir, result, logCap, transientCodes));
  }

  private long bytes(Node node, String path) {
    if (node instanceof ScalarNode s && s.getTag().equals(org.yaml.snakeyaml.nodes.Tag.INT)) {
      return r.integer(node, path, 1, Long.MAX_VALUE, "a positive number of bytes");
    }
    String text = r.string(node, path);
    Matcher mt = BYTES.matcher(text.trim());
    if (!mt.matches()) {
      throw r.fail(
          node,
          path,
          "'"
              + text
              + "' is not a size; write bytes as an integer or with a unit, e.g."
              + " 1048576, 512KB or 1MB (KB = 1024 bytes)");
    }
    String unit = mt.group(2) == null ? "b" : mt.group(2).toLowerCase(Locale.ROOT);
    int shift =
        unit.startsWith("k") ? 10 : unit.startsWith("m") ? 20 : unit.startsWith("g") ? 30 : 0;
    try {
      long n = Long.parseLong(mt.group(1));
      if (n < 1 || n > (Long.MAX_VALUE >> shift)) {
        throw new NumberFormatException();
      }
      return n << shift;
    } catch (NumberFormatException e) {
      throw r.fail(node, path, "size '" + text + "' must be positive and fit in 64 bits");
    }
  }

  private SimulationSpec pipeline(Node node, String path) {
    SequenceNode seq = r.sequence(node, path, "a list of stages, each a simulation name or map");
    if (seq.getValue().isEmpty()) {
      throw r.fail(node, path, "the pipeline has no stages; give at least one");
    }
    List<SimulationSpec> stages = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (int i = 0; i < seq.getValue().size(); i++) {
      Node item = seq.getValue().get(i);
      String stagePath = path + "[" + i + "]";
      stages.add(simulation(item, stagePath));
      Node stageNode = item instanceof MappingNode m ? NodeReader.get(m, "stage") : null;
      String name =
          stageNode == null
              ? SimulationSpec.Pipeline.defaultName(stages.get(i), i)
              : r.string(stageNode, stagePath + ".stage");
      if (stageNode != null) {
        r.wrap(
            stageNode,
            stagePath + ".stage",
            () -> new SimulationSpec.Pipeline(List.of(stages.get(0)), List.of(name)));
      }
      if (names.contains(name)) {
        throw r.fail(
            stageNode != null ? stageNode : item,
            stagePath + ".stage",
            "stage "
                + (i + 1)
                + " is named '"
                + name
                + "' like an earlier one; give each stage its own name with stage: NAME");
      }
      names.add(name);
    }
    return r.wrap(node, path, () -> new SimulationSpec.Pipeline(stages, names));
  }

  // ---------------------------------------------------------------- parameters

  private List<Parameter> parameters(Node node) {
    MappingNode m =
        r.mapping(node, "parameters", "a map from parameter names to their values or definitions");
    List<Parameter> out = new ArrayList<>();
    boolean failed = false;
    for (NodeTuple t : m.getValue()) {
      String name = NodeReader.keyText(t);
      String path = "parameters." + name;
      Parameter p =
          r.attempt(
              () -> {
                r.wrap(
                    t.getKeyNode(),
                    path,
                    () -> {
                      ReservedNames.check(name);
                      Parameter.checkName(name);
                      return null;
                    });
                return parameter(name, t.getValueNode(), path);
              },
              null);
      failed |= p == null;
      out.add(p);
    }
    return failed ? null : out;
  }

  private Parameter parameter(String name, Node node, String path) {
    if (node instanceof SequenceNode seq) {
      List<Object> values = scalars(seq, path, "values");
      return r.wrap(node, path, () -> new Parameter.Values(name, values));
    }
    if (node instanceof ScalarNode) {
      if (NodeReader.isNull(node)) {
        throw r.fail(
            node,
            path,
            "parameter '"
                + name
                + "' has no value; give a value, a list of values or a map"
                + " with a type, e.g. {type: range, start: 1, stop: 10}");
      }
      Object v = r.scalar(node, path);
      return r.wrap(node, path, () -> new Parameter.Values(name, List.of(v)));
    }
    MappingNode m = (MappingNode) node;
    NodeTuple typeTuple = NodeReader.tuple(m, "type");
    if (typeTuple == null || NodeReader.isNull(typeTuple.getValueNode())) {
      throw r.fail(
          m,
          path,
          "missing key 'type'; a parameter map needs a type, one of "
              + String.join(", ", SpecSchema.PARAMETER_TYPES));
    }
    String type =
        r.oneOf(
            typeTuple.getValueNode(), path + ".type", SpecSchema.PARAMETER_TYPES, "parameter type");
    List<String> keys = SpecSchema.PARAMETER_KEYS.get(type);
    r.checkKeys(m, path, keys);
    switch (type) {
      case "values":
        {
          List<Object> values = scalars(needList(m, path, "values"), path + ".values", "values");
          return r.wrap(m, path, () -> new Parameter.Values(name, values));
        }
      case "range":
        return range(name, m, path);
      case "linspace":
      case "logspace":
        {
          double start = number(m, path, "start", type).doubleValue();
          double stop = number(m, path, "stop", type).doubleValue();
          Node numNode =
              r.require(m, path, "num", type + " needs start, stop and num (the number of values)");
          int num =
              (int) r.integer(numNode, path + ".num", 1, Integer.MAX_VALUE, "an integer >= 1");
          return r.wrap(
              m,
              path,
              () ->
                  type.equals("linspace")
                      ? new Parameter.Linspace(name, start, stop, num)
                      : new Parameter.Logspace(name, start, stop, num));
        }
      case "uniform":
      case "loguniform":
        {
          double low = number(m, path, "low", type).doubleValue();
          double high = number(m, path, "high", type).doubleValue();
          return r.wrap(
              m,
              path,
              () ->
                  type.equals("uniform")
                      ? new Parameter.Uniform(name, low, high)
                      : new Parameter.LogUniform(name, low, high));
        }
      case "normal":
        {
          double mean = number(m, path, "mean", type).doubleValue();
          double sd = number(m, path, "sd", type).doubleValue();
          return r.wrap(m, path, () -> new Parameter.Normal(name, mean, sd));
        }
      case "intuniform":
        {
          long low =
              r.integer(r.require(m, path, "low", "intuniform needs low and high"), path + ".low");
          long high =
              r.integer(
                  r.require(m, path, "high", "intuniform needs low and high"), path + ".high");
          return r.wrap(m, path, () -> new Parameter.IntUniform(name, low, high));
        }
      default:
        return choice(name, m, path);
    }
  }

  private Parameter range(String name, MappingNode m, String path) {
    Number start = number(m, path, "start", "range");
    Number stop = number(m, path, "stop", "range");
    Node stepNode = NodeReader.get(m, "step");
    Number step = stepNode == null ? Long.valueOf(1) : r.number(stepNode, path + ".step");
    double dStep = step.doubleValue();
    boolean badStep = dStep == 0 || (stop.doubleValue() - start.doubleValue()) * dStep < 0;
    Node at = badStep ? (stepNode != null ? stepNode : m) : m;
    String atPath = badStep ? path + ".step" : path;
    if (start instanceof Long a && stop instanceof Long b && step instanceof Long c) {
      return r.wrap(at, atPath, () -> new Parameter.IntRange(name, a, b, c));
    }
    return r.wrap(
        at,
        atPath,
        () -> new Parameter.FloatRange(name, start.doubleValue(), stop.doubleValue(), dStep));
  }

  private Parameter choice(String name, MappingNode m, String path) {
    List<Object> values = scalars(needList(m, path, "values"), path + ".values", "values");
    Node wNode = NodeReader.get(m, "weights");
    List<Double> weights;
    if (wNode == null) {
      weights = Collections.nCopies(values.size(), 1.0);
    } else {
      List<Node> items =
          r.sequence(wNode, path + ".weights", "a list of numbers, one per value").getValue();
      weights = new ArrayList<>();
      for (int i = 0; i < items.size(); i++) {
        weights.add(r.number(items.get(i), path + ".weights[" + i + "]").doubleValue());
      }
    }
    return r.wrap(
        wNode != null ? wNode : m,
        wNode != null ? path + ".weights" : path,
        () -> new Parameter.Choice(name, values, weights));
  }

  private SequenceNode needList(MappingNode m, String path, String key) {
    Node n = r.require(m, path, key, "give a list, e.g. " + key + ": [a, b]");
    return r.sequence(n, path + "." + key, "a list of values");
  }

  private Number number(MappingNode m, String path, String key, String type) {
    List<String> needed = new ArrayList<>(SpecSchema.PARAMETER_KEYS.get(type));
    needed.remove("type");
    Node n = r.require(m, path, key, type + " needs " + String.join(", ", needed));
    return r.number(n, path + "." + key);
  }

  /** The items of a list of single values; an empty list is an error. */
  private List<Object> scalars(SequenceNode seq, String path, String what) {
    if (seq.getValue().isEmpty()) {
      throw r.fail(seq, path, "the list of " + what + " is empty; give at least one value");
    }
    List<Object> out = new ArrayList<>();
    for (int i = 0; i < seq.getValue().size(); i++) {
      out.add(r.scalar(seq.getValue().get(i), path + "[" + i + "]"));
    }
    return out;
  }

  // ---------------------------------------------------------------- design

  private Design design(
      Node node, List<Parameter> parameters, Node paramsNode, Map<String, Object> base) {
    Design design;
    if (node == null) {
      design = Design.grid();
    } else if (node instanceof ScalarNode) {
      Design.Type type = designType(node, "design");
      if (type == Design.Type.MORRIS) {
        throw r.fail(
            node,
            "design",
            "design 'morris' needs trajectories; write design: {type: morris,"
                + " trajectories: 20, levels: 4}");
      }
      if (type.isSampled()) {
        throw r.fail(
            node,
            "design",
            "design '"
                + type.label()
                + "' needs a number of samples; write design:"
                + " {type: "
                + type.label()
                + ", samples: 100}");
      }
      if (type == Design.Type.LIST) {
        throw r.fail(
            node,
            "design",
            "design 'list' needs points; write design: {type: list, points: [{x: 1}," + " ...]}");
      }
      design = Design.grid();
    } else {
      design =
          designMap(
              r.mapping(
                  node,
                  "design",
                  "a design name ("
                      + String.join(", ", SpecSchema.DESIGN_TYPES)
                      + ") or a map with type, samples, points and exclude"),
              parameters,
              !base.isEmpty());
    }
    if (design.type() == Design.Type.GRID) {
      for (Parameter p : parameters) {
        if (!p.isDiscrete()) {
          Node pn = NodeReader.get((MappingNode) paramsNode, p.name());
          throw r.fail(
              pn,
              "parameters." + p.name(),
              "parameter '"
                  + p.name()
                  + "' is a "
                  + p.kind()
                  + " distribution, which a grid cannot enumerate; use design random, lhs or sobol with samples,"
                  + " or give a list of values");
        }
      }
    }
    return design;
  }

  private Design.Type designType(Node node, String path) {
    String t = r.oneOf(node, path, SpecSchema.DESIGN_TYPES, "design");
    return Design.Type.valueOf(t.toUpperCase(Locale.ROOT));
  }

  private Design designMap(MappingNode m, List<Parameter> parameters, boolean hasBase) {
    r.checkKeys(m, "design", SpecSchema.DESIGN);
    Node typeNode = NodeReader.get(m, "type");
    Design.Type type = typeNode == null ? Design.Type.GRID : designType(typeNode, "design.type");
    Node samplesNode = NodeReader.get(m, "samples");
    long samples = 0;
    Design.Order order = Design.Order.FIRST_AND_TOTAL;
    int levels = 0;
    Node orderNode = NodeReader.get(m, "second_order");
    Node trajectoriesNode = NodeReader.get(m, "trajectories");
    Node levelsNode = NodeReader.get(m, "levels");
    if (orderNode != null && type != Design.Type.SALTELLI) {
      throw r.fail(
          orderNode,
          "design.second_order",
          "design '"
              + type.label()
              + "' does not take second_order;"
              + " it is an option of design 'saltelli'");
    }
    if (type != Design.Type.MORRIS) {
      Node bad = trajectoriesNode != null ? trajectoriesNode : levelsNode;
      if (bad != null) {
        throw r.fail(
            bad,
            trajectoriesNode != null ? "design.trajectories" : "design.levels",
            "design '"
                + type.label()
                + "' does not take "
                + (trajectoriesNode != null ? "trajectories" : "levels")
                + "; it is an option of design 'morris'");
      }
    }
    if (type == Design.Type.SALTELLI && orderNode != null) {
      order =
          r.bool(orderNode, "design.second_order")
              ? Design.Order.SECOND
              : Design.Order.FIRST_AND_TOTAL;
    }
    if (type == Design.Type.MORRIS) {
      if (samplesNode != null) {
        throw r.fail(
            samplesNode,
            "design.samples",
            "design 'morris' counts trajectories, not samples; write" + " trajectories: 20");
      }
      if (trajectoriesNode == null) {
        throw r.fail(
            m,
            "design.trajectories",
            "design 'morris' needs trajectories, e.g. {type: morris,"
                + " trajectories: 20, levels: 4}");
      }
      samples =
          r.integer(
              trajectoriesNode, "design.trajectories", 1, Integer.MAX_VALUE, "an integer >= 1");
      levels =
          levelsNode == null
              ? 4
              : (int)
                  r.integer(levelsNode, "design.levels", 2, 1000, "an even integer from 2 to 1000");
      if (levels % 2 != 0) {
        throw r.fail(
            levelsNode,
            "design.levels",
            "design 'morris' needs an even number of levels (the step is half"
                + " of them), got "
                + levels
                + "; use "
                + (levels + 1));
      }
    } else if (type.isSampled()) {
      if (samplesNode == null) {
        throw r.fail(
            m,
            "design.samples",
            "design '"
                + type.label()
                + "' needs samples, the number of points,"
                + " e.g. samples: 100");
      }
      samples = r.integer(samplesNode, "design.samples", 1, Long.MAX_VALUE, "an integer >= 1");
    } else if (samplesNode != null) {
      throw r.fail(
          samplesNode,
          "design.samples",
          "design '"
              + type.label()
              + "' does not take samples; samples"
              + " apply to random, lhs, sobol and saltelli");
    }
    List<String> names = new ArrayList<>();
    for (Parameter p : parameters) {
      names.add(p.name());
    }
    Node pointsNode = NodeReader.get(m, "points");
    List<Map<String, Object>> points = new ArrayList<>();
    if (pointsNode != null) {
      if (type != Design.Type.LIST) {
        throw r.fail(
            pointsNode,
            "design.points",
            "design '" + type.label() + "' does not take points; use" + " type: list");
      }
      List<Node> items =
          r.sequence(pointsNode, "design.points", "a list of points, each a map").getValue();
      for (int i = 0; i < items.size(); i++) {
        points.add(point(items.get(i), "design.points[" + i + "]", names, hasBase));
      }
    }
    if (type == Design.Type.LIST && points.isEmpty()) {
      throw r.fail(
          pointsNode != null ? pointsNode : m,
          "design.points",
          "design 'list' needs at least one point," + " e.g. points: [{x: 1, y: a}]");
    }
    Node excludeNode = NodeReader.get(m, "exclude");
    List<Map<String, Object>> exclude = new ArrayList<>();
    if (excludeNode != null) {
      List<Node> items =
          r.sequence(excludeNode, "design.exclude", "a list of rules, each a map").getValue();
      for (int i = 0; i < items.size(); i++) {
        exclude.add(assignment(items.get(i), "design.exclude[" + i + "]", names, true));
      }
    }
    if (type.isSensitivity() && excludeNode != null) {
      throw r.fail(
          excludeNode,
          "design.exclude",
          "design '"
              + type.label()
              + "' does not take exclusion rules:"
              + " dropping points would break its blocks; restrict the parameter ranges instead");
    }
    long n = samples;
    Design.Order o = order;
    int lv = levels;
    return r.wrap(m, "design", () -> new Design(type, n, points, exclude, o, lv));
  }

  /**
   * A map from parameter names to single values (or, when {@code lists}, to lists of single
   * values).
   */
  private Map<String, Object> assignment(
      Node node, String path, List<String> names, boolean lists) {
    MappingNode m = r.mapping(node, path, "a map from parameter names to values");
    if (m.getValue().isEmpty()) {
      throw r.fail(
          node,
          path,
          lists
              ? "an empty rule would exclude every point; name at least one parameter"
              : "an empty point; give a value for each parameter");
    }
    Map<String, Object> out = new LinkedHashMap<>();
    for (NodeTuple t : m.getValue()) {
      String k = NodeReader.keyText(t);
      String kp = NodeReader.join(path, k);
      if (!names.contains(k)) {
        throw r.fail(
            t.getKeyNode(),
            kp,
            "'"
                + k
                + "' is not a parameter"
                + Suggestions.hint(k, names)
                + "; parameters are "
                + String.join(", ", names));
      }
      Node v = t.getValueNode();
      if (lists && v instanceof SequenceNode seq) {
        out.put(k, scalars(seq, kp, "values"));
      } else {
        out.put(k, r.scalar(v, kp));
      }
    }
    return out;
  }

  /**
   * One point of a list design: a map from parameter names to single values. A nested map is an
   * override of the scenario ({@code state_overrides: {hope: 0.6}} is the dotted key {@code
   * state_overrides.hope}); such dotted keys, and with a base scenario any key, need not be
   * declared under {@code parameters}.
   */
  private Map<String, Object> point(Node node, String path, List<String> names, boolean hasBase) {
    MappingNode m = r.mapping(node, path, "a map from parameter names to values");
    if (m.getValue().isEmpty()) {
      throw r.fail(node, path, "an empty point; give a value for each parameter");
    }
    Map<String, Object> out = new LinkedHashMap<>();
    flatten(m, "", path, names, hasBase, out);
    return out;
  }

  private void flatten(
      MappingNode m,
      String prefix,
      String path,
      List<String> names,
      boolean hasBase,
      Map<String, Object> out) {
    for (NodeTuple t : m.getValue()) {
      String k = prefix + NodeReader.keyText(t);
      String kp = NodeReader.join(path, NodeReader.keyText(t));
      Node v = t.getValueNode();
      if (v instanceof MappingNode nested && !names.contains(k)) {
        if (nested.getValue().isEmpty()) {
          throw r.fail(
              v, kp, "an empty override map; give at least one key, e.g. " + k + ": {KEY: VALUE}");
        }
        flatten(nested, k + ".", kp, names, hasBase, out);
        continue;
      }
      if (!names.contains(k) && !names.isEmpty() && !hasBase && k.indexOf('.') < 0) {
        throw r.fail(
            t.getKeyNode(),
            kp,
            "'"
                + k
                + "' is not a parameter"
                + Suggestions.hint(k, names)
                + "; parameters are "
                + String.join(", ", names)
                + " (a nested map or a dotted key overrides a key of"
                + " the scenario without being declared)");
      }
      out.put(k, r.scalar(v, kp));
    }
  }

  // ---------------------------------------------------------------- execution and output

  private String output(Node node) {
    MappingNode m = r.mapping(node, "output", "a map with " + String.join(", ", SpecSchema.OUTPUT));
    r.checkKeys(m, "output", SpecSchema.OUTPUT);
    Node dir = NodeReader.get(m, "dir");
    return dir == null ? null : r.string(dir, "output.dir");
  }

  /** {@code output.formats}: a list of csv and parquet, csv among them; null when absent. */
  private List<OutputFormat> outputFormats(Node node) {
    Node f = NodeReader.get((MappingNode) node, "formats");
    if (f == null) {
      return null;
    }
    if (f instanceof ScalarNode) {
      throw r.fail(
          f,
          "output.formats",
          "output.formats is a list, e.g. formats: [csv, parquet] (got "
              + NodeReader.describe(f)
              + ")");
    }
    SequenceNode seq =
        r.sequence(f, "output.formats", "a list of formats: " + OutputFormat.labels());
    List<OutputFormat> out = new ArrayList<>();
    for (int i = 0; i < seq.getValue().size(); i++) {
      String label =
          r.oneOf(
              seq.getValue().get(i),
              "output.formats[" + i + "]",
              SpecSchema.OUTPUT_FORMATS,
              "output format");
      out.add(OutputFormat.valueOf(label.toUpperCase(Locale.ROOT)));
    }
    if (!out.contains(OutputFormat.CSV)) {
      throw r.fail(
          f,
          "output.formats",
          "output.formats must include csv (resume, merge and analyze read"
              + " results.csv), e.g. formats: [csv, parquet]");
    }
    return out;
  }
}
