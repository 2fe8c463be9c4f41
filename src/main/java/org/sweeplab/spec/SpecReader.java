package org.sweeplab.spec;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
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
  private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h)");
  private static final Pattern RATE = Pattern.compile("(\\d+)\\s*/\\s*(s|sec|second|m|min|minute)");
  private static final Pattern BYTES = Pattern.compile("(\\d+)\\s*(b|kb|kib|mb|mib|gb|gib)?",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern CLASS_NAME = Pattern.compile(
      "[\\p{L}_$][\\p{L}\\p{N}_$]*(\\.[\\p{L}_$][\\p{L}\\p{N}_$]*)*");

  private final NodeReader r;

  SpecReader(NodeReader r) {
    this.r = r;
  }

  SweepSpec read(Node root) {
    if (root == null) {
      throw r.fail(null, "", "the spec is empty; it needs at least 'name' and 'simulation'");
    }
    MappingNode top = r.mapping(root, "", "a map of keys (name, simulation, parameters, ...)");
    r.checkKeys(top, "", SpecSchema.TOP);

    Node nameNode = r.require(top, "", "name", "the sweep's name, e.g. name: my-sweep");
    String name = r.string(nameNode, "name");
    r.wrap(nameNode, "name", () -> {
      SweepSpec.checkName(name);
      return null;
    });
    Node descNode = NodeReader.get(top, "description");
    String description = descNode == null ? "" : r.string(descNode, "description");
    SimulationSpec simulation = simulation(r.require(top, "", "simulation",
        "what each run executes, e.g. simulation: my-model or simulation: {command: [python, sim.py]}"),
        "simulation");
    Node paramsNode = NodeReader.get(top, "parameters");
    List<Parameter> parameters = paramsNode == null ? List.of() : parameters(paramsNode);
    Design design = design(NodeReader.get(top, "design"), parameters, paramsNode);

    Node repNode = NodeReader.get(top, "replicates");
    int replicates = repNode == null ? Defaults.REPLICATES
        : (int) r.integer(repNode, "replicates", 1, Integer.MAX_VALUE, "an integer >= 1");
    Node seedNode = NodeReader.get(top, "seed");
    long seed = seedNode == null ? Defaults.SEED : r.integer(seedNode, "seed");
    Node seedingNode = NodeReader.get(top, "seeding");
    Seeding seeding = seedingNode == null ? Seeding.INDEPENDENT
        : Seeding.valueOf(oneOf(seedingNode, "seeding", SpecSchema.SEEDINGS, "seeding").toUpperCase(Locale.ROOT));
    Node execNode = NodeReader.get(top, "execution");
    Execution execution = execNode == null ? Execution.defaults() : execution(execNode);
    Node budgetNode = NodeReader.get(top, "budget");
    BudgetSpec budget = budgetNode == null || NodeReader.isNull(budgetNode) ? null : budget(budgetNode);
    Node outNode = NodeReader.get(top, "output");
    String outputDir = outNode == null ? null : output(outNode);
    Node metaNode = NodeReader.get(top, "metadata");
    Map<String, Object> metadata = null;
    if (metaNode != null) {
      r.mapping(metaNode, "metadata", "a map");
      @SuppressWarnings("unchecked")
      Map<String, Object> m = (Map<String, Object>) r.plain(metaNode, "metadata");
      metadata = m;
    }
    Map<String, Object> meta = metadata;
    try {
      return r.wrap(root, "", () -> new SweepSpec(name, description, simulation, parameters, design, replicates,
          seed, seeding, execution, outputDir, meta, budget));
    } catch (SpecException e) {
      if (e.source() != null || e.keyPath() == null || !e.keyPath().startsWith("budget")) {
        throw e;
      }
      // The budget's estimate table is checked against the parameters by the model: point at the table.
      throw r.fail(NodeReader.get(r.mapping(budgetNode, "budget", "a map"), "estimate_by"), e.keyPath(),
          e.problem());
    }
  }

  /** A string that must be one of {@code valid}, with a did-you-mean hint. */
  private String oneOf(Node node, String path, List<String> valid, String what) {
    String v = r.string(node, path);
    if (!valid.contains(v)) {
      throw r.fail(node, path, "unknown " + what + " '" + v + "'" + Suggestions.hint(v, valid)
          + "; valid values are " + String.join(", ", valid));
    }
    return v;
  }

  // ---------------------------------------------------------------- simulation

  private SimulationSpec simulation(Node node, String path) {
    if (node instanceof ScalarNode) {
      String name = r.string(node, path);
      return r.wrap(node, path, () -> new SimulationSpec.Named(name));
    }
    MappingNode m = r.mapping(node, path,
        "a simulation name or a map with one of " + String.join(", ", SpecSchema.SIMULATION_KINDS));
    r.checkKeys(m, path, SpecSchema.SIMULATION);
    List<String> kinds = new ArrayList<>();
    for (String k : SpecSchema.SIMULATION_KINDS) {
      if (NodeReader.tuple(m, k) != null) {
        kinds.add(k);
      }
    }
    if (kinds.size() != 1) {
      throw r.fail(m, path, "a simulation needs exactly one of " + String.join(", ", SpecSchema.SIMULATION_KINDS)
          + (kinds.isEmpty() ? "; got none" : "; got " + String.join(" and ", kinds)));
    }
    String kind = kinds.get(0);
    if (!kind.equals("command")) {
      for (String opt : SpecSchema.COMMAND_OPTIONS) {
        NodeTuple t = NodeReader.tuple(m, opt);
        if (t != null) {
          throw r.fail(t.getKeyNode(), NodeReader.join(path, opt),
              "'" + opt + "' applies only to a command simulation, not to '" + kind + "'");
        }
      }
    }
    String kindPath = NodeReader.join(path, kind);
    Node value = r.require(m, path, kind, "");
    switch (kind) {
      case "name": {
        String name = r.string(value, kindPath);
        return r.wrap(value, kindPath, () -> new SimulationSpec.Named(name));
      }
      case "class": {
        String cls = r.string(value, kindPath);
        if (!CLASS_NAME.matcher(cls).matches()) {
          throw r.fail(value, kindPath, "'" + cls + "' is not a Java class name; write the fully qualified name,"
              + " e.g. com.example.MyModel");
        }
        return new SimulationSpec.JavaClass(cls);
      }
      case "command":
        return command(m, value, path);
      default:
        return pipeline(value, kindPath);
    }
  }

  private SimulationSpec command(MappingNode m, Node argvNode, String path) {
    String argvPath = NodeReader.join(path, "command");
    if (argvNode instanceof ScalarNode) {
      throw r.fail(argvNode, argvPath, "a command must be a list of arguments, e.g. command: [python, sim.py,"
          + " --n, \"{n}\"]; no shell is used, so each argument is its own item (got "
          + NodeReader.describe(argvNode) + ")");
    }
    SequenceNode seq = r.sequence(argvNode, argvPath, "a list of arguments");
    List<String> argv = new ArrayList<>();
    for (int i = 0; i < seq.getValue().size(); i++) {
      argv.add(r.text(seq.getValue().get(i), argvPath + "[" + i + "]", "a single argument (a string)"));
    }
    if (argv.isEmpty()) {
      throw r.fail(argvNode, argvPath, "the command is empty; give at least the program, e.g. [python, sim.py]");
    }
    Map<String, String> env = new LinkedHashMap<>();
    Node envNode = NodeReader.get(m, "env");
    if (envNode != null) {
      String envPath = NodeReader.join(path, "env");
      for (NodeTuple t : r.mapping(envNode, envPath, "a map of variable names to strings").getValue()) {
        String k = NodeReader.keyText(t);
        env.put(k, r.text(t.getValueNode(), NodeReader.join(envPath, k), "a string"));
      }
    }
    Node wdNode = NodeReader.get(m, "workdir");
    String workdir = wdNode == null ? null : r.string(wdNode, NodeReader.join(path, "workdir"));
    Node resultNode = NodeReader.get(m, "result");
    String result = resultNode == null ? "stdout" : r.string(resultNode, NodeReader.join(path, "result"));
    Node capNode = NodeReader.get(m, "log_cap");
    long logCap = capNode == null ? SimulationSpec.Command.DEFAULT_LOG_CAP
        : bytes(capNode, NodeReader.join(path, "log_cap"));
    Node codesNode = NodeReader.get(m, "transient_exit_codes");
    List<Integer> codes = List.of(75);
    if (codesNode != null) {
      String codesPath = NodeReader.join(path, "transient_exit_codes");
      List<Integer> cs = new ArrayList<>();
      List<Node> items = r.sequence(codesNode, codesPath, "a list of exit codes").getValue();
      for (int i = 0; i < items.size(); i++) {
        cs.add((int) r.integer(items.get(i), codesPath + "[" + i + "]", 0, 255, "an exit code from 0 to 255"));
      }
      codes = cs;
    }
    List<Integer> transientCodes = codes;
    return r.wrap(resultNode != null ? resultNode : m, resultNode != null ? NodeReader.join(path, "result") : path,
        () -> new SimulationSpec.Command(argv, env, workdir, result, logCap, transientCodes));
  }

  private long bytes(Node node, String path) {
    if (node instanceof ScalarNode s && s.getTag().equals(org.yaml.snakeyaml.nodes.Tag.INT)) {
      return r.integer(node, path, 1, Long.MAX_VALUE, "a positive number of bytes");
    }
    String text = r.string(node, path);
    Matcher mt = BYTES.matcher(text.trim());
    if (!mt.matches()) {
      throw r.fail(node, path, "'" + text + "' is not a size; write bytes as an integer or with a unit, e.g."
          + " 1048576, 512KB or 1MB (KB = 1024 bytes)");
    }
    String unit = mt.group(2) == null ? "b" : mt.group(2).toLowerCase(Locale.ROOT);
    int shift = unit.startsWith("k") ? 10 : unit.startsWith("m") ? 20 : unit.startsWith("g") ? 30 : 0;
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
    for (int i = 0; i < seq.getValue().size(); i++) {
      stages.add(simulation(seq.getValue().get(i), path + "[" + i + "]"));
    }
    return new SimulationSpec.Pipeline(stages);
  }

  // ---------------------------------------------------------------- parameters

  private List<Parameter> parameters(Node node) {
    MappingNode m = r.mapping(node, "parameters", "a map from parameter names to their values or definitions");
    List<Parameter> out = new ArrayList<>();
    for (NodeTuple t : m.getValue()) {
      String name = NodeReader.keyText(t);
      String path = "parameters." + name;
      r.wrap(t.getKeyNode(), path, () -> {
        Parameter.checkName(name);
        return null;
      });
      out.add(parameter(name, t.getValueNode(), path));
    }
    return out;
  }

  private Parameter parameter(String name, Node node, String path) {
    if (node instanceof SequenceNode seq) {
      List<Object> values = scalars(seq, path, "values");
      return r.wrap(node, path, () -> new Parameter.Values(name, values));
    }
    if (node instanceof ScalarNode) {
      if (NodeReader.isNull(node)) {
        throw r.fail(node, path, "parameter '" + name + "' has no value; give a value, a list of values or a map"
            + " with a type, e.g. {type: range, start: 1, stop: 10}");
      }
      Object v = r.scalar(node, path);
      return r.wrap(node, path, () -> new Parameter.Values(name, List.of(v)));
    }
    MappingNode m = (MappingNode) node;
    NodeTuple typeTuple = NodeReader.tuple(m, "type");
    if (typeTuple == null || NodeReader.isNull(typeTuple.getValueNode())) {
      throw r.fail(m, path, "missing key 'type'; a parameter map needs a type, one of "
          + String.join(", ", SpecSchema.PARAMETER_TYPES));
    }
    String type = oneOf(typeTuple.getValueNode(), path + ".type", SpecSchema.PARAMETER_TYPES, "parameter type");
    List<String> keys = SpecSchema.PARAMETER_KEYS.get(type);
    r.checkKeys(m, path, keys);
    switch (type) {
      case "values": {
        List<Object> values = scalars(needList(m, path, "values"), path + ".values", "values");
        return r.wrap(m, path, () -> new Parameter.Values(name, values));
      }
      case "range":
        return range(name, m, path);
      case "linspace":
      case "logspace": {
        double start = number(m, path, "start", type).doubleValue();
        double stop = number(m, path, "stop", type).doubleValue();
        Node numNode = r.require(m, path, "num", type + " needs start, stop and num (the number of values)");
        int num = (int) r.integer(numNode, path + ".num", 1, Integer.MAX_VALUE, "an integer >= 1");
        return r.wrap(m, path, () -> type.equals("linspace") ? new Parameter.Linspace(name, start, stop, num)
            : new Parameter.Logspace(name, start, stop, num));
      }
      case "uniform":
      case "loguniform": {
        double low = number(m, path, "low", type).doubleValue();
        double high = number(m, path, "high", type).doubleValue();
        return r.wrap(m, path, () -> type.equals("uniform") ? new Parameter.Uniform(name, low, high)
            : new Parameter.LogUniform(name, low, high));
      }
      case "normal": {
        double mean = number(m, path, "mean", type).doubleValue();
        double sd = number(m, path, "sd", type).doubleValue();
        return r.wrap(m, path, () -> new Parameter.Normal(name, mean, sd));
      }
      case "intuniform": {
        long low = r.integer(r.require(m, path, "low", "intuniform needs low and high"), path + ".low");
        long high = r.integer(r.require(m, path, "high", "intuniform needs low and high"), path + ".high");
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
    return r.wrap(at, atPath,
        () -> new Parameter.FloatRange(name, start.doubleValue(), stop.doubleValue(), dStep));
  }

  private Parameter choice(String name, MappingNode m, String path) {
    List<Object> values = scalars(needList(m, path, "values"), path + ".values", "values");
    Node wNode = NodeReader.get(m, "weights");
    List<Double> weights;
    if (wNode == null) {
      weights = Collections.nCopies(values.size(), 1.0);
    } else {
      List<Node> items = r.sequence(wNode, path + ".weights", "a list of numbers, one per value").getValue();
      weights = new ArrayList<>();
      for (int i = 0; i < items.size(); i++) {
        weights.add(r.number(items.get(i), path + ".weights[" + i + "]").doubleValue());
      }
    }
    return r.wrap(wNode != null ? wNode : m, wNode != null ? path + ".weights" : path,
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

  private Design design(Node node, List<Parameter> parameters, Node paramsNode) {
    Design design;
    if (node == null) {
      design = Design.grid();
    } else if (node instanceof ScalarNode) {
      Design.Type type = designType(node, "design");
      if (type.isSampled()) {
        throw r.fail(node, "design", "design '" + type.label() + "' needs a number of samples; write design:"
            + " {type: " + type.label() + ", samples: 100}");
      }
      if (type == Design.Type.LIST) {
        throw r.fail(node, "design", "design 'list' needs points; write design: {type: list, points: [{x: 1},"
            + " ...]}");
      }
      design = Design.grid();
    } else {
      design = designMap(r.mapping(node, "design", "a design name (" + String.join(", ", SpecSchema.DESIGN_TYPES)
          + ") or a map with type, samples, points and exclude"), parameters);
    }
    if (design.type() == Design.Type.GRID) {
      for (Parameter p : parameters) {
        if (!p.isDiscrete()) {
          Node pn = NodeReader.get((MappingNode) paramsNode, p.name());
          throw r.fail(pn, "parameters." + p.name(), "parameter '" + p.name() + "' is a " + p.kind()
              + " distribution, which a grid cannot enumerate; use design random, lhs or sobol with samples,"
              + " or give a list of values");
        }
      }
    }
    return design;
  }

  private Design.Type designType(Node node, String path) {
    String t = oneOf(node, path, SpecSchema.DESIGN_TYPES, "design");
    return Design.Type.valueOf(t.toUpperCase(Locale.ROOT));
  }

  private Design designMap(MappingNode m, List<Parameter> parameters) {
    r.checkKeys(m, "design", SpecSchema.DESIGN);
    Node typeNode = NodeReader.get(m, "type");
    Design.Type type = typeNode == null ? Design.Type.GRID : designType(typeNode, "design.type");
    Node samplesNode = NodeReader.get(m, "samples");
    long samples = 0;
    if (type.isSampled()) {
      if (samplesNode == null) {
        throw r.fail(m, "design.samples", "design '" + type.label() + "' needs samples, the number of points,"
            + " e.g. samples: 100");
      }
      samples = r.integer(samplesNode, "design.samples", 1, Long.MAX_VALUE, "an integer >= 1");
    } else if (samplesNode != null) {
      throw r.fail(samplesNode, "design.samples", "design '" + type.label() + "' does not take samples; samples"
          + " apply to random, lhs and sobol");
    }
    List<String> names = new ArrayList<>();
    for (Parameter p : parameters) {
      names.add(p.name());
    }
    Node pointsNode = NodeReader.get(m, "points");
    List<Map<String, Object>> points = new ArrayList<>();
    if (pointsNode != null) {
      if (type != Design.Type.LIST) {
        throw r.fail(pointsNode, "design.points", "design '" + type.label() + "' does not take points; use"
            + " type: list");
      }
      List<Node> items = r.sequence(pointsNode, "design.points", "a list of points, each a map").getValue();
      for (int i = 0; i < items.size(); i++) {
        points.add(assignment(items.get(i), "design.points[" + i + "]", names, false));
      }
    }
    if (type == Design.Type.LIST && points.isEmpty()) {
      throw r.fail(pointsNode != null ? pointsNode : m, "design.points", "design 'list' needs at least one point,"
          + " e.g. points: [{x: 1, y: a}]");
    }
    Node excludeNode = NodeReader.get(m, "exclude");
    List<Map<String, Object>> exclude = new ArrayList<>();
    if (excludeNode != null) {
      List<Node> items = r.sequence(excludeNode, "design.exclude", "a list of rules, each a map").getValue();
      for (int i = 0; i < items.size(); i++) {
        exclude.add(assignment(items.get(i), "design.exclude[" + i + "]", names, true));
      }
    }
    long n = samples;
    return r.wrap(m, "design", () -> new Design(type, n, points, exclude));
  }

  /** A map from parameter names to single values (or, when {@code lists}, to lists of single values). */
  private Map<String, Object> assignment(Node node, String path, List<String> names, boolean lists) {
    MappingNode m = r.mapping(node, path, "a map from parameter names to values");
    if (m.getValue().isEmpty()) {
      throw r.fail(node, path, lists ? "an empty rule would exclude every point; name at least one parameter"
          : "an empty point; give a value for each parameter");
    }
    Map<String, Object> out = new LinkedHashMap<>();
    for (NodeTuple t : m.getValue()) {
      String k = NodeReader.keyText(t);
      String kp = NodeReader.join(path, k);
      if (!names.contains(k)) {
        throw r.fail(t.getKeyNode(), kp, "'" + k + "' is not a parameter" + Suggestions.hint(k, names)
            + "; parameters are " + String.join(", ", names));
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

  // ---------------------------------------------------------------- execution and output

  private Execution execution(Node node) {
    MappingNode m = r.mapping(node, "execution", "a map with " + String.join(", ", SpecSchema.EXECUTION));
    r.checkKeys(m, "execution", SpecSchema.EXECUTION);
    Execution e = Execution.defaults();
    Node n = NodeReader.get(m, "max_parallel");
    if (n != null) {
      int v = (int) r.integer(n, "execution.max_parallel", 0, Integer.MAX_VALUE, "an integer >= 0 (0 = all cores)");
      e = e.withMaxParallel(v);
    }
    n = NodeReader.get(m, "timeout_per_run");
    if (n != null) {
      e = e.withTimeoutPerRun(duration(n, "execution.timeout_per_run"));
    }
    n = NodeReader.get(m, "fail_fast");
    if (n != null) {
      e = e.withFailurePolicy(r.bool(n, "execution.fail_fast") ? FailurePolicy.FAIL_FAST : FailurePolicy.CONTINUE);
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
    int attempts = n == null ? 3 : (int) r.integer(n, path + ".max_attempts", 1, 1_000_000, "an integer >= 1");
    n = NodeReader.get(m, "initial_delay");
    Duration initial = n == null ? Defaults.RETRY_INITIAL_DELAY : duration(n, path + ".initial_delay", true);
    n = NodeReader.get(m, "max_delay");
    Duration max = n == null ? Defaults.RETRY_MAX_DELAY.compareTo(initial) < 0 ? initial : Defaults.RETRY_MAX_DELAY
        : duration(n, path + ".max_delay", true);
    n = NodeReader.get(m, "multiplier");
    double mult = n == null ? Defaults.RETRY_MULTIPLIER : r.number(n, path + ".multiplier").doubleValue();
    return r.wrap(m, path, () -> new Retries(attempts, initial, max, mult));
  }

  private RateLimit rateLimit(Node node) {
    String path = "execution.rate_limit";
    if (node instanceof ScalarNode) {
      String text = r.string(node, path);
      Matcher mt = RATE.matcher(text.trim());
      if (!mt.matches()) {
        throw r.fail(node, path, "'" + text + "' is not a rate; write runs per second or minute, e.g. 500/s or"
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
    long runs = r.integer(r.require(m, path, "runs", "the number of run starts allowed per period"),
        path + ".runs", 1, Long.MAX_VALUE, "an integer >= 1");
    Node perNode = NodeReader.get(m, "per");
    RateLimit.Per per = perNode == null ? RateLimit.Per.SECOND : RateLimit.Per.valueOf(
        oneOf(perNode, path + ".per", SpecSchema.RATE_PERIODS, "period").toUpperCase(Locale.ROOT));
    return r.wrap(m, path, () -> new RateLimit(runs, per));
  }

  private BudgetSpec budget(Node node) {
    MappingNode m = r.mapping(node, "budget", "a map with " + String.join(", ", SpecSchema.BUDGET));
    r.checkKeys(m, "budget", SpecSchema.BUDGET);
    double total = amount(m, "total");
    double perRun = amount(m, "per_run");
    Node n = NodeReader.get(m, "unit");
    String unit = n == null || NodeReader.isNull(n) ? "" : r.string(n, "budget.unit");
    double estimate = amount(m, "estimate_per_run");
    n = NodeReader.get(m, "in_flight");
    BudgetSpec.InFlight inFlight = n == null ? BudgetSpec.InFlight.FINISH : BudgetSpec.InFlight.valueOf(
        oneOf(n, "budget.in_flight", SpecSchema.IN_FLIGHT, "in-flight policy").toUpperCase(Locale.ROOT));
    n = NodeReader.get(m, "estimate_by");
    BudgetSpec.CostTable table = n == null || NodeReader.isNull(n) ? null : costTable(n);
    return r.wrap(m, "budget", () -> new BudgetSpec(total, perRun, unit, estimate, inFlight, table));
  }

  private double amount(MappingNode m, String key) {
    Node n = NodeReader.get(m, key);
    return n == null || NodeReader.isNull(n) ? Double.NaN : r.number(n, "budget." + key).doubleValue();
  }

  private BudgetSpec.CostTable costTable(Node node) {
    String path = "budget.estimate_by";
    MappingNode m = r.mapping(node, path, "a map {parameter: NAME, costs: {VALUE: COST, ...}}");
    r.checkKeys(m, path, SpecSchema.ESTIMATE_BY);
    String param = r.string(r.require(m, path, "parameter", "the parameter whose value sets the cost"),
        path + ".parameter");
    Node costsNode = r.require(m, path, "costs", "a map from values of the parameter to the cost of one run");
    Map<String, Double> costs = new LinkedHashMap<>();
    for (NodeTuple t : r.mapping(costsNode, path + ".costs", "a map from values to costs").getValue()) {
      String key = BudgetSpec.CostTable.key(r.scalar(t.getKeyNode(), path + ".costs"));
      costs.put(key, r.number(t.getValueNode(), path + ".costs." + key).doubleValue());
    }
    return r.wrap(m, path, () -> new BudgetSpec.CostTable(param, costs));
  }

  private SparkSettings spark(Node node) {
    MappingNode m = r.mapping(node, "execution.spark", "a map with " + String.join(", ", SpecSchema.SPARK));
    r.checkKeys(m, "execution.spark", SpecSchema.SPARK);
    SparkSettings s = SparkSettings.defaults();
    Node n = NodeReader.get(m, "master");
    if (n != null && !NodeReader.isNull(n)) {
      String master = r.string(n, "execution.spark.master");
      if (master.isBlank()) {
        throw r.fail(n, "execution.spark.master", "the master is blank; give local[4], spark://host:7077 or yarn");
      }
      s = s.withMaster(master);
    }
    n = NodeReader.get(m, "partitions");
    if (n != null) {
      s = s.withPartitions((int) r.integer(n, "execution.spark.partitions", 0, Integer.MAX_VALUE,
          "an integer >= 0 (0 = Spark's default parallelism)"));
    }
    n = NodeReader.get(m, "conf");
    if (n != null) {
      MappingNode c = r.mapping(n, "execution.spark.conf", "a map of Spark settings, e.g. {spark.executor.memory: 4g}");
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
      seconds = n instanceof Long l ? BigDecimal.valueOf(l) : new BigDecimal(Double.toString(n.doubleValue()));
    } else {
      String text = r.string(node, path);
      Matcher mt = DURATION.matcher(text.trim());
      if (!mt.matches()) {
        throw r.fail(node, path, "'" + text + "' is not a duration; write seconds as a number (30, 2.5) or a"
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
      throw r.fail(node, path, (zeroAllowed ? "the duration must be >= 0" : "the timeout must be positive")
          + ", got " + NodeReader.describe(node));
    }
    try {
      BigDecimal whole = seconds.setScale(0, RoundingMode.FLOOR);
      long nanos = seconds.subtract(whole).movePointRight(9).setScale(0, RoundingMode.HALF_UP).longValueExact();
      return Duration.ofSeconds(whole.longValueExact(), nanos);
    } catch (ArithmeticException e) {
      throw r.fail(node, path, "the duration " + NodeReader.describe(node) + " is too long");
    }
  }

  private String output(Node node) {
    MappingNode m = r.mapping(node, "output", "a map with " + String.join(", ", SpecSchema.OUTPUT));
    r.checkKeys(m, "output", SpecSchema.OUTPUT);
    Node dir = NodeReader.get(m, "dir");
    return dir == null ? null : r.string(dir, "output.dir");
  }
}
