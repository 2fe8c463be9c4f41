package org.sweeplab.spec;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.sweeplab.results.PlainJson;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Writes a {@link SweepSpec} back out: as the resolved YAML spec ({@code sweep.yaml} in an output
 * folder), as canonical JSON, and as a short hash of the settings that determine results.
 *
 * <p>The YAML is complete: defaults are written out (replicates, seed, seeding, every execution
 * setting, every command setting), so it shows the spec exactly as run. {@code
 * SpecLoader.parse(toYaml(s), ...)} equals {@code s} for every spec: doubles are written with
 * {@link Double#toString(double)}, which reads back exactly, and always with a decimal point or
 * exponent, so {@code 1.0} stays a float.
 */
public final class SpecWriter {
  private SpecWriter() {}

  /**
   * The first line of the input to {@link #configHash}; change it when the canonical form changes.
   */
  private static final String HASH_FORMAT = "sweeplab-config-v1\n";

  /** The resolved spec as YAML, every default written out. */
  public static String toYaml(SweepSpec spec) {
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    options.setIndent(2);
    options.setWidth(120);
    options.setAllowUnicode(true);
    Yaml yaml =
        new Yaml(new SafeConstructor(new LoaderOptions()), new Representer(options), options);
    Node node = yaml.represent(tree(spec, false));
    style(node, false);
    StringWriter out = new StringWriter();
    yaml.serialize(node, out);
    String text = out.toString();
    if (text.length() > NodeReader.MAX_SPEC_CHARS) {
      // Never write a sweep.yaml that resume and status would refuse to read.
      throw new IllegalArgumentException(
          String.format(
              java.util.Locale.ROOT,
              "spec '%s' is %,d characters as"
                  + " sweep.yaml, more than the 3 MiB a sweep.yaml may hold; shorten its metadata or value lists",
              spec.name(),
              text.length()));
    }
    return text;
  }

  /**
   * The whole spec as compact JSON, the same for equal specs: sections in the order of {@link
   * #toYaml}, parameters in their order, and the keys of maps whose order does not matter (command
   * environment, design points and exclusion rules, metadata) sorted. It is also a valid spec:
   * {@code SpecLoader.parse(canonicalJson(s), ...)} equals {@code s}.
   */
  public static String canonicalJson(SweepSpec spec) {
    return json(tree(spec, true));
  }

  /**
   * A stable hash of the settings that determine results: the simulation (code given for it by its
   * label, as a name), the parameters (in order), the design (type, samples, points, exclusions),
   * replicates, seed and seeding. It leaves out what only labels a sweep or says how it runs:
   * {@code name}, {@code description}, {@code metadata}, {@code execution} and {@code output}. Two
   * specs with the same hash plan the same runs with the same seeds.
   *
   * @return the first 16 hex digits of the SHA-256 of the canonical JSON of those settings
   */
  public static String configHash(SweepSpec spec) {
    Map<String, Object> t = new LinkedHashMap<>();
    // Code given for the simulation counts by its label, as a name does: the code itself cannot be
    // hashed, and the hash of a sweep whose placeholder name became a label stays as it was.
    t.put(
        "simulation",
        spec.simulation() instanceof SimulationSpec.InCode c
            ? c.label()
            : simulation(spec.simulation(), true));
    if (!spec.base().isEmpty()) {
      t.put(
          "base",
          sorted(
              spec.base())); // only when present, so the hashes of specs without one stay as they
      // were
    }
    t.put("parameters", parameters(spec.parameters()));
    t.put("design", designMap(spec.design(), true));
    t.put("replicates", spec.replicates());
    t.put("seed", spec.seed());
    t.put("seeding", spec.seeding().label());
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest((HASH_FORMAT + json(t)).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
    }
  }

  // ---------------------------------------------------------------- the plain tree

  /**
   * The spec as plain maps and lists, in the key order of {@link SpecSchema#TOP}; when {@code
   * canonical}, maps whose order does not matter are sorted by key.
   */
  static Map<String, Object> tree(SweepSpec s, boolean canonical) {
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("name", s.name());
    if (!s.description().isEmpty()) {
      t.put("description", s.description());
    }
    t.put("simulation", simulation(s.simulation(), canonical));
    if (!s.base().isEmpty()) {
      t.put("base", canonical ? sorted(s.base()) : s.base());
    }
    if (!s.parameters().isEmpty()) {
      t.put("parameters", parameters(s.parameters()));
    }
    Design d = s.design();
    t.put(
        "design",
        d.type() == Design.Type.GRID && d.exclude().isEmpty() ? "grid" : designMap(d, canonical));
    t.put("replicates", s.replicates());
    t.put("seed", s.seed());
    t.put("seeding", s.seeding().label());
    Execution e = s.execution();
    Map<String, Object> exec = new LinkedHashMap<>();
    exec.put("max_parallel", e.maxParallel());
    if (e.timeoutPerRun() != null) {
      exec.put("timeout_per_run", duration(e.timeoutPerRun()));
    }
    exec.put("fail_fast", e.failurePolicy() == FailurePolicy.FAIL_FAST);
    exec.put("max_runs", e.maxRuns());
    if (e.retries() != null) {
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("max_attempts", e.retries().maxAttempts());
      r.put("initial_delay", duration(e.retries().initialDelay()));
      r.put("max_delay", duration(e.retries().maxDelay()));
      r.put("multiplier", e.retries().multiplier());
      exec.put("retries", r);
    }
    if (e.rateLimit() != null) {
      Map<String, Object> r = new LinkedHashMap<>();
      if (e.rateLimit().runs() > 0) {
        r.put("runs", e.rateLimit().runs());
        r.put("per", e.rateLimit().per().label());
      }
      if (!e.rateLimit().maxWait().equals(Defaults.RATE_LIMIT_MAX_WAIT)
          || e.rateLimit().runs() == 0) {
        r.put("max_wait", duration(e.rateLimit().maxWait()));
      }
      exec.put("rate_limit", r);
    }
    exec.put("interrupt_grace", duration(e.interruptGrace()));
    exec.put("backend", e.backend().label());
    if (e.backend() == BackendKind.SPARK || !e.spark().equals(SparkSettings.defaults())) {
      Map<String, Object> sp = new LinkedHashMap<>();
      if (e.spark().master() != null) {
        sp.put("master", e.spark().master());
      }
      sp.put("partitions", e.spark().partitions());
      if (!e.spark().conf().isEmpty()) {
        sp.put("conf", canonical ? sorted(e.spark().conf()) : e.spark().conf());
      }
      exec.put("spark", sp);
    }
    if (!e.shard().isAll()) {
      exec.put("shard", e.shard().toString());
    }
    if (e.racing() != null) {
      Racing rc = e.racing();
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("metric", rc.metric());
      r.put("direction", rc.direction().label());
      r.put("min_replicates", rc.minReplicates());
      r.put("max_replicates", rc.maxReplicates());
      r.put("step", rc.step());
      r.put("alpha", rc.alpha());
      r.put("test", rc.test().label());
      exec.put("racing", r);
    }
    t.put("execution", exec);
    if (s.budget() != null) {
      t.put("budget", budget(s.budget()));
    }
    Map<String, Object> out = new LinkedHashMap<>();
    if (s.outputDir() != null) {
      out.put("dir", s.outputDir());
    }
    if (s.runRecords() != RunRecords.AUTO) {
      out.put("run_records", s.runRecords() == RunRecords.ON);
    }
    if (!s.outputFormats().equals(List.of(OutputFormat.CSV))) {
      out.put("formats", s.outputFormats().stream().map(OutputFormat::label).toList());
    }
    if (!out.isEmpty()) {
      t.put("output", out);
    }
    if (!s.listeners().isEmpty()) {
      List<Object> ls = new ArrayList<>();
      for (String c : s.listeners()) {
        ls.add(Map.of("class", c));
      }
      t.put("listeners", ls);
    }
    if (!s.metadata().isEmpty()) {
      t.put("metadata", canonical ? sorted(s.metadata()) : s.metadata());
    }
    return t;
  }

  private static Map<String, Object> budget(BudgetSpec b) {
    Map<String, Object> m = new LinkedHashMap<>();
    if (!Double.isNaN(b.total())) {
      m.put("total", b.total());
    }
    if (!Double.isNaN(b.perRun())) {
      m.put("per_run", b.perRun());
    }
    if (!b.unit().isEmpty()) {
      m.put("unit", b.unit());
    }
    if (!Double.isNaN(b.estimatePerRun())) {
      m.put("estimate_per_run", b.estimatePerRun());
    }
    if (b.estimateBy() != null) {
      Map<String, Object> by = new LinkedHashMap<>();
      by.put("parameter", b.estimateBy().parameter());
      by.put("costs", b.estimateBy().costs());
      m.put("estimate_by", by);
    }
    m.put("in_flight", b.inFlight().label());
    return m;
  }

  private static Object simulation(SimulationSpec sim, boolean canonical) {
    if (sim instanceof SimulationSpec.Named n) {
      return n.name();
    }
    Map<String, Object> m = new LinkedHashMap<>();
    if (sim instanceof SimulationSpec.JavaClass c) {
      m.put("class", c.className());
    } else if (sim instanceof SimulationSpec.InCode c) {
      m.put(SpecSchema.IN_CODE, c.label());
    } else if (sim instanceof SimulationSpec.Command c) {
      m.put("command", c.argv());
      if (!c.env().isEmpty()) {
        m.put("env", canonical ? sorted(c.env()) : c.env());
      }
      if (c.workdir() != null) {
        m.put("workdir", c.workdir());
      }
      m.put("result", c.result());
      m.put("log_cap", c.logCapBytes());
      m.put("transient_exit_codes", c.transientExitCodes());
    } else {
      List<Object> stages = new ArrayList<>();
      SimulationSpec.Pipeline p = (SimulationSpec.Pipeline) sim;
      for (int i = 0; i < p.stages().size(); i++) {
        SimulationSpec stage = p.stages().get(i);
        Object written = simulation(stage, canonical);
        if (!p.names().get(i).equals(SimulationSpec.Pipeline.defaultName(stage, i))) {
          Map<String, Object> named = new LinkedHashMap<>();
          named.put("stage", p.names().get(i));
          if (written instanceof Map<?, ?> wm) {
            wm.forEach((k, v) -> named.put((String) k, v));
          } else {
            named.put("name", written);
          }
          written = named;
        }
        stages.add(written);
      }
      m.put("pipeline", stages);
    }
    return m;
  }

  private static Map<String, Object> parameters(List<Parameter> ps) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Parameter p : ps) {
      out.put(p.name(), parameter(p));
    }
    return out;
  }

  private static Object parameter(Parameter p) {
    if (p instanceof Parameter.Values v) {
      return v.values();
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", p.kind());
    if (p instanceof Parameter.IntRange r) {
      m.put("start", r.start());
      m.put("stop", r.stop());
      m.put("step", r.step());
    } else if (p instanceof Parameter.FloatRange r) {
      m.put("start", r.start());
      m.put("stop", r.stop());
      m.put("step", r.step());
    } else if (p instanceof Parameter.Linspace l) {
      m.put("start", l.start());
      m.put("stop", l.stop());
      m.put("num", l.num());
    } else if (p instanceof Parameter.Logspace l) {
      m.put("start", l.start());
      m.put("stop", l.stop());
      m.put("num", l.num());
    } else if (p instanceof Parameter.Uniform u) {
      m.put("low", u.low());
      m.put("high", u.high());
    } else if (p instanceof Parameter.LogUniform u) {
      m.put("low", u.low());
      m.put("high", u.high());
    } else if (p instanceof Parameter.Normal n) {
      m.put("mean", n.mean());
      m.put("sd", n.sd());
    } else if (p instanceof Parameter.IntUniform u) {
      m.put("low", u.low());
      m.put("high", u.high());
    } else {
      Parameter.Choice c = (Parameter.Choice) p;
      m.put("values", c.values());
      m.put("weights", c.weights());
    }
    return m;
  }

  private static Map<String, Object> designMap(Design d, boolean canonical) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", d.type().label());
    if (d.type() == Design.Type.MORRIS) {
      m.put("trajectories", d.trajectories());
      m.put("levels", d.levels());
    } else if (d.type().isSampled()) {
      m.put("samples", d.samples());
    }
    if (d.order() == Design.Order.SECOND) {
      m.put("second_order", true);
    }
    if (!d.points().isEmpty()) {
      m.put("points", canonical ? sortedEach(d.points()) : d.points());
    }
    if (!d.exclude().isEmpty()) {
      m.put("exclude", canonical ? sortedEach(d.exclude()) : d.exclude());
    }
    return m;
  }

  /** A copy with keys sorted, recursively through maps and lists. */
  private static Object sorted(Object v) {
    if (v instanceof Map<?, ?> m) {
      Map<String, Object> out = new TreeMap<>();
      m.forEach((k, x) -> out.put((String) k, sorted(x)));
      return out;
    }
    if (v instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      list.forEach(x -> out.add(sorted(x)));
      return out;
    }
    return v;
  }

  private static List<Object> sortedEach(List<Map<String, Object>> maps) {
    List<Object> out = new ArrayList<>(maps.size());
    maps.forEach(m -> out.add(sorted(m)));
    return out;
  }

  /** The largest unit that divides the duration exactly; otherwise exact decimal seconds. */
  static String duration(Duration d) {
    long[] unitsNanos = {3_600_000_000_000L, 60_000_000_000L, 1_000_000_000L, 1_000_000L};
    String[] units = {"h", "m", "s", "ms"};
    BigDecimal nanos =
        new BigDecimal(d.getSeconds()).movePointRight(9).add(BigDecimal.valueOf(d.getNano()));
    for (int i = 0; i < units.length; i++) {
      BigDecimal[] qr = nanos.divideAndRemainder(BigDecimal.valueOf(unitsNanos[i]));
      if (qr[1].signum() == 0) {
        return qr[0].toPlainString() + units[i];
      }
    }
    return nanos.movePointLeft(9).stripTrailingZeros().toPlainString() + "s";
  }

  private static String json(Object tree) {
    return PlainJson.compact(tree);
  }

  /**
   * Block style for maps, except small maps inside lists; flow style for lists of single values.
   */
  private static void style(Node node, boolean inList) {
    if (node instanceof SequenceNode s) {
      boolean scalars = s.getValue().stream().allMatch(n -> n instanceof ScalarNode);
      s.setFlowStyle(scalars ? DumperOptions.FlowStyle.FLOW : DumperOptions.FlowStyle.BLOCK);
      for (Node n : s.getValue()) {
        style(n, true);
      }
    } else if (node instanceof MappingNode m) {
      boolean scalars = m.getValue().stream().allMatch(t -> t.getValueNode() instanceof ScalarNode);
      m.setFlowStyle(
          inList && scalars ? DumperOptions.FlowStyle.FLOW : DumperOptions.FlowStyle.BLOCK);
      for (NodeTuple t : m.getValue()) {
        style(t.getValueNode(), false);
      }
    }
  }
}
