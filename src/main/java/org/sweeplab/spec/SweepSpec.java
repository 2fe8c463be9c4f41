package org.sweeplab.spec;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A complete, immutable description of a sweep. Read one from YAML or JSON with {@link SpecLoader},
 * or build one in Java with {@link #builder(String)}; both give equal specs.
 *
 * @param name the sweep's name; letters, digits, '.', '_' and '-' (it names the default output
 *     folder)
 * @param description free text, may be empty
 * @param simulation what each run executes
 * @param parameters the swept parameters, in order; names are unique
 * @param design how points are chosen
 * @param replicates runs per variation, {@code >= 1}
 * @param seed the sweep seed, from which every run's seed is derived
 * @param seeding independent or common random numbers
 * @param execution parallelism, timeouts and failure policy
 * @param outputDir the output folder as written in the spec, or null for {@code sweeps/NAME}
 * @param metadata free-form tags (author, notes …), kept as written; values are plain data: maps
 *     with string keys, lists, {@link String}, {@link Long}, {@link Double}, {@link Boolean} or
 *     null ({@link Integer} and {@link Float} are widened, as when read from YAML)
 * @param budget spending limits and cost estimates, or null for none
 * @param base the base scenario every run's parameters are merged into (plain data as metadata;
 *     empty for none); see {@link Scenarios}
 * @param runRecords whether each run folder gets a {@code result.json} ({@code output.run_records})
 * @param listeners class names of {@code org.sweeplab.run.SweepListener}s to attach ({@code
 *     listeners})
 * @param outputFormats the files of the table of runs ({@code output.formats}): csv, and parquet if
 *     asked; null or empty for csv alone
 * @throws IllegalArgumentException when the name or a parameter name is not valid, a parameter is
 *     defined twice, a point or exclusion rule of the design names an unknown parameter, or
 *     metadata holds something other than plain data, or the budget's estimate table names an
 *     unknown parameter or leaves values without an estimate
 */
public record SweepSpec(
    String name,
    String description,
    SimulationSpec simulation,
    List<Parameter> parameters,
    Design design,
    int replicates,
    long seed,
    Seeding seeding,
    Execution execution,
    String outputDir,
    Map<String, Object> metadata,
    BudgetSpec budget,
    Map<String, Object> base,
    RunRecords runRecords,
    List<String> listeners,
    List<OutputFormat> outputFormats) {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

  public SweepSpec {
    checkName(name);
    description = description == null ? "" : description;
    Objects.requireNonNull(simulation, "simulation");
    parameters = List.copyOf(parameters);
    Set<String> seen = new LinkedHashSet<>();
    for (Parameter p : parameters) {
      Parameter.checkName(p.name());
      if (!seen.add(p.name())) {
        throw new IllegalArgumentException("parameter '" + p.name() + "' is defined twice");
      }
    }
    design = design == null ? Design.grid() : design;
    base = base == null ? Map.of() : plainMap(base, "base");
    checkKeys("design.points", design.points(), base.isEmpty() ? seen : Set.of());
    checkKeys("design.exclude", design.exclude(), seen);
    Scenarios.checkPaths(base, Scenarios.names(parameters, design));
    if (replicates < 1) {
      throw new IllegalArgumentException("replicates must be >= 1, got " + replicates);
    }
    seeding = seeding == null ? Seeding.INDEPENDENT : seeding;
    execution = execution == null ? Execution.defaults() : execution;
    if (execution.racing() != null && execution.racing().maxReplicates() != replicates) {
      throw new IllegalArgumentException(
          "execution.racing.max_replicates ("
              + execution.racing().maxReplicates()
              + ") differs from replicates ("
              + replicates
              + "); the race runs up to replicates per variation, so make"
              + " them equal");
    }
    metadata = metadata == null ? Map.of() : plainMap(metadata, "metadata");
    if (budget != null && budget.estimateBy() != null) {
      checkEstimateTable(budget, parameters, seen);
    }
    runRecords = runRecords == null ? RunRecords.AUTO : runRecords;
    listeners = listeners == null ? List.of() : List.copyOf(listeners);
    outputFormats = outputFormats(outputFormats);
  }

  /**
   * Null or empty: csv alone; csv must be among them (resume and analyze read results.csv); no
   * repeats.
   */
  private static List<OutputFormat> outputFormats(List<OutputFormat> formats) {
    if (formats == null || formats.isEmpty()) {
      return List.of(OutputFormat.CSV);
    }
    if (!formats.contains(OutputFormat.CSV)) {
      throw new IllegalArgumentException(
          "output.formats must include csv (resume, merge and analyze read"
              + " results.csv), e.g. [csv, parquet]; got "
              + formats.stream().map(OutputFormat::label).toList());
    }
    return formats.stream().distinct().sorted().toList();
  }

  /** Whether {@code output.formats} asks for this format. */
  public boolean writes(OutputFormat format) {
    return outputFormats.contains(format);
  }

  /**
   * The table must name a parameter and, without estimate_per_run, give a cost for each of its
   * levels.
   */
  private static void checkEstimateTable(
      BudgetSpec budget, List<Parameter> parameters, Set<String> names) {
    BudgetSpec.CostTable t = budget.estimateBy();
    Parameter p = null;
    for (Parameter q : parameters) {
      if (q.name().equals(t.parameter())) {
        p = q;
      }
    }
    if (p == null) {
      throw new SpecException(
          null,
          0,
          0,
          "budget.estimate_by.parameter",
          "'"
              + t.parameter()
              + "' is not a parameter"
              + Suggestions.hint(t.parameter(), names)
              + "; parameters are "
              + names);
    }
    if (!Double.isNaN(budget.estimatePerRun())) {
      return;
    }
    if (!p.isDiscrete()) {
      throw new SpecException(
          null,
          0,
          0,
          "budget.estimate_by",
          "parameter '"
              + p.name()
              + "' is sampled, so its"
              + " values cannot all be in the table; give budget.estimate_per_run for the values it does not list");
    }
    for (int i = 0; i < p.size(); i++) {
      String key = BudgetSpec.CostTable.key(p.level(i));
      if (!t.costs().containsKey(key)) {
        throw new SpecException(
            null,
            0,
            0,
            "budget.estimate_by.costs",
            "no cost for '"
                + key
                + "', a value of '"
                + p.name()
                + "'; list every value or give budget.estimate_per_run for the others");
      }
    }
  }

  /**
   * Checks that {@code name} can name a sweep: 1-128 letters, digits, '.', '_' or '-', starting
   * with a letter or digit.
   *
   * @throws IllegalArgumentException naming the bad name and what would be valid
   */
  public static void checkName(String name) {
    Objects.requireNonNull(name, "name");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "name '"
              + name
              + "' is not valid: use 1-128 letters, digits, '.', '_' or"
              + " '-', starting with a letter or digit");
    }
  }

  /**
   * Checks keys against the declared parameters; with none declared, a list design names them
   * itself.
   */
  private static void checkKeys(String what, List<Map<String, Object>> maps, Set<String> names) {
    if (names.isEmpty()) {
      return;
    }
    for (int i = 0; i < maps.size(); i++) {
      for (String k : maps.get(i).keySet()) {
        if (!names.contains(k) && !(what.endsWith("points") && k.indexOf('.') > 0)) {
          throw new SpecException(
              null,
              0,
              0,
              what,
              (what.endsWith("exclude") ? "rule " : "point ")
                  + (i + 1)
                  + (what.endsWith("exclude") ? " names '" : " gives '")
                  + k
                  + "', which is not a parameter"
                  + Suggestions.hint(k, names)
                  + "; parameters are "
                  + names);
        }
      }
    }
  }

  private static Map<String, Object> plainMap(Map<?, ?> m, String path) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : m.entrySet()) {
      if (!(e.getKey() instanceof String k)) {
        throw new IllegalArgumentException(
            path + " has a key " + e.getKey() + " that is not a string");
      }
      out.put(k, plain(e.getValue(), path + "." + k));
    }
    return Collections.unmodifiableMap(out);
  }

  private static Object plain(Object v, String path) {
    if (v == null
        || v instanceof String
        || v instanceof Long
        || v instanceof Double
        || v instanceof Boolean) {
      return v;
    }
    if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
      return ((Number) v).longValue();
    }
    if (v instanceof Float f) {
      return f.doubleValue();
    }
    if (v instanceof Map<?, ?> m) {
      return plainMap(m, path);
    }
    if (v instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      for (int i = 0; i < list.size(); i++) {
        out.add(plain(list.get(i), path + "[" + i + "]"));
      }
      return Collections.unmodifiableList(out);
    }
    throw new IllegalArgumentException(
        path
            + " is a "
            + v.getClass().getSimpleName()
            + "; metadata holds only maps, lists, strings, numbers, booleans and null");
  }

  /** The parameter with this name, or null. */
  public Parameter parameter(String name) {
    for (Parameter p : parameters) {
      if (p.name().equals(name)) {
        return p;
      }
    }
    return null;
  }

  /** The parameter names, in order. */
  public List<String> parameterNames() {
    List<String> out = new ArrayList<>(parameters.size());
    for (Parameter p : parameters) {
      out.add(p.name());
    }
    return out;
  }

  /** The output folder: {@link #outputDir()} or {@code sweeps/NAME}. */
  public String effectiveOutputDir() {
    return outputDir != null ? outputDir : Defaults.OUTPUT_PARENT + "/" + name;
  }

  public SweepSpec withReplicates(int n) {
    return new SweepSpec(
        name,
        description,
        simulation,
        parameters,
        design,
        n,
        seed,
        seeding,
        execution,
        outputDir,
        metadata,
        budget,
        base,
        runRecords,
        listeners,
        outputFormats);
  }

  public SweepSpec withSeed(long s) {
    return new SweepSpec(
        name,
        description,
        simulation,
        parameters,
        design,
        replicates,
        s,
        seeding,
        execution,
        outputDir,
        metadata,
        budget,
        base,
        runRecords,
        listeners,
        outputFormats);
  }

  public SweepSpec withExecution(Execution e) {
    return new SweepSpec(
        name,
        description,
        simulation,
        parameters,
        design,
        replicates,
        seed,
        seeding,
        e,
        outputDir,
        metadata,
        budget,
        base,
        runRecords,
        listeners,
        outputFormats);
  }

  public SweepSpec withOutputDir(String dir) {
    return new SweepSpec(
        name,
        description,
        simulation,
        parameters,
        design,
        replicates,
        seed,
        seeding,
        execution,
        dir,
        metadata,
        budget,
        base,
        runRecords,
        listeners,
        outputFormats);
  }

  public SweepSpec withDesign(Design d) {
    return new SweepSpec(
        name,
        description,
        simulation,
        parameters,
        d,
        replicates,
        seed,
        seeding,
        execution,
        outputDir,
        metadata,
        budget,
        base,
        runRecords,
        listeners,
        outputFormats);
  }

  public SweepSpec withParameters(List<Parameter> ps) {
    return new SweepSpec(
        name,
        description,
        simulation,
        ps,
        design,
        replicates,
        seed,
        seeding,
        execution,
        outputDir,
        metadata,
        budget,
        base,
        runRecords,
        listeners,
        outputFormats);
  }

  public SweepSpec withSimulation(SimulationSpec sim) {
    return new SweepSpec(
        name,
        description,
        sim,
        parameters,
        design,
        replicates,
        seed,
        seeding,
        execution,
        outputDir,
        metadata,
        budget,
        base,
        runRecords,
        listeners,
        outputFormats);
  }

  /** The same spec with these spending limits (null for none). */
  public SweepSpec withBudget(BudgetSpec b) {
    return new SweepSpec(
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
        metadata,
        b,
        base,
        runRecords,
        listeners,
        outputFormats);
  }

  /** The same spec with this base scenario (empty for none). */
  public SweepSpec withBase(Map<String, Object> b) {
    return new SweepSpec(
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
        metadata,
        budget,
        b,
        runRecords,
        listeners,
        outputFormats);
  }

  /** The same spec with this {@code output.run_records} setting. */
  public SweepSpec withRunRecords(RunRecords r) {
    return new SweepSpec(
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
        metadata,
        budget,
        base,
        r,
        listeners,
        outputFormats);
  }

  /** The same spec with these listener classes. */
  public SweepSpec withListeners(List<String> classNames) {
    return new SweepSpec(
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
        metadata,
        budget,
        base,
        runRecords,
        classNames,
        outputFormats);
  }

  /** The same spec writing these formats of the table of runs (csv among them). */
  public SweepSpec withOutputFormats(List<OutputFormat> formats) {
    return new SweepSpec(
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
        metadata,
        budget,
        base,
        runRecords,
        listeners,
        formats);
  }

  /** A builder for a sweep with this name. */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /** Builds a {@link SweepSpec} in Java; every setter returns this builder. */
  public static final class Builder {
    private final String name;
    private String description = "";
    private SimulationSpec simulation;
    private final List<Parameter> parameters = new ArrayList<>();
    private Design design = Design.grid();
    private final List<Map<String, Object>> exclusions = new ArrayList<>();
    private int replicates = Defaults.REPLICATES;
    private long seed = Defaults.SEED;
    private Seeding seeding = Seeding.INDEPENDENT;
    private Execution execution = Execution.defaults();
    private String outputDir;
    private List<OutputFormat> outputFormats;
    private final Map<String, Object> metadata = new LinkedHashMap<>();
    private BudgetSpec budget;
    private Map<String, Object> base = Map.of();
    private RunRecords runRecords = RunRecords.AUTO;
    private final List<String> listeners = new ArrayList<>();

    private Builder(String name) {
      this.name = name;
    }

    public Builder description(String d) {
      this.description = d;
      return this;
    }

    /**
     * A simulation by name: built in, or registered in Java. A sweep run with code ({@code
     * Sweep.of(spec, simulation)}) needs none; a name given then labels the code in sweep.yaml.
     */
    public Builder simulation(String simulationName) {
      this.simulation = new SimulationSpec.Named(simulationName);
      return this;
    }

    public Builder simulation(SimulationSpec sim) {
      this.simulation = sim;
      return this;
    }

    /** An external command, run without a shell. */
    public Builder command(String... argv) {
      this.simulation = SimulationSpec.Command.of(Arrays.asList(argv));
      return this;
    }

    public Builder parameter(Parameter p) {
      parameters.add(p);
      return this;
    }

    /** A list of values; ints become longs and floats doubles, as when read from YAML. */
    public Builder values(String param, Object... values) {
      List<Object> vs = new ArrayList<>(values.length);
      for (Object v : values) {
        vs.add(normalise(v));
      }
      return parameter(new Parameter.Values(param, vs));
    }

    public Builder range(String param, long start, long stop, long step) {
      return parameter(new Parameter.IntRange(param, start, stop, step));
    }

    public Builder range(String param, double start, double stop, double step) {
      return parameter(new Parameter.FloatRange(param, start, stop, step));
    }

    public Builder linspace(String param, double start, double stop, int num) {
      return parameter(new Parameter.Linspace(param, start, stop, num));
    }

    public Builder logspace(String param, double start, double stop, int num) {
      return parameter(new Parameter.Logspace(param, start, stop, num));
    }

    public Builder uniform(String param, double low, double high) {
      return parameter(new Parameter.Uniform(param, low, high));
    }

    public Builder logUniform(String param, double low, double high) {
      return parameter(new Parameter.LogUniform(param, low, high));
    }

    public Builder normal(String param, double mean, double sd) {
      return parameter(new Parameter.Normal(param, mean, sd));
    }

    public Builder intUniform(String param, long low, long high) {
      return parameter(new Parameter.IntUniform(param, low, high));
    }

    /** A weighted choice; {@code weights} has one entry per value. */
    public Builder choice(String param, List<?> values, List<Double> weights) {
      List<Object> vs = new ArrayList<>(values.size());
      for (Object v : values) {
        vs.add(normalise(v));
      }
      return parameter(new Parameter.Choice(param, vs, weights));
    }

    /** A choice among values with equal weights. */
    public Builder choice(String param, Object... values) {
      return choice(param, Arrays.asList(values), Collections.nCopies(values.length, 1.0));
    }

    public Builder design(Design d) {
      this.design = d;
      return this;
    }

    /**
     * Drops every point matching this partial assignment, given as name, value, name, value … A
     * value may be a {@link List}, meaning "any of these".
     */
    public Builder exclude(Object... nameValuePairs) {
      if (nameValuePairs.length % 2 != 0) {
        throw new IllegalArgumentException("exclude takes name, value pairs");
      }
      Map<String, Object> rule = new LinkedHashMap<>();
      for (int i = 0; i < nameValuePairs.length; i += 2) {
        rule.put((String) nameValuePairs[i], normalise(nameValuePairs[i + 1]));
      }
      exclusions.add(rule);
      return this;
    }

    public Builder replicates(int n) {
      this.replicates = n;
      return this;
    }

    public Builder seed(long s) {
      this.seed = s;
      return this;
    }

    public Builder seeding(Seeding s) {
      this.seeding = s;
      return this;
    }

    public Builder execution(Execution e) {
      this.execution = e;
      return this;
    }

    public Builder maxParallel(int n) {
      this.execution = execution.withMaxParallel(n);
      return this;
    }

    public Builder timeoutPerRun(Duration d) {
      this.execution = execution.withTimeoutPerRun(d);
      return this;
    }

    public Builder failurePolicy(FailurePolicy p) {
      this.execution = execution.withFailurePolicy(p);
      return this;
    }

    public Builder maxRuns(long n) {
      this.execution = execution.withMaxRuns(n);
      return this;
    }

    /** Retries of transient failures (execution.retries). */
    public Builder retries(Retries r) {
      this.execution = execution.withRetries(r);
      return this;
    }

    /** A shared limit on run starts (execution.rate_limit). */
    public Builder rateLimit(RateLimit r) {
      this.execution = execution.withRateLimit(r);
      return this;
    }

    /** How long runs in flight may go on after the first interrupt (execution.interrupt_grace). */
    public Builder interruptGrace(Duration d) {
      this.execution = execution.withInterruptGrace(d);
      return this;
    }

    /** Spending limits and cost estimates (budget). */
    public Builder budget(BudgetSpec b) {
      this.budget = b;
      return this;
    }

    /** The base scenario each run's parameters are merged into (see {@link Scenarios}). */
    public Builder base(Map<String, Object> scenario) {
      this.base = scenario;
      return this;
    }

    /** Whether each run folder gets a result.json (output.run_records). */
    public Builder runRecords(RunRecords r) {
      this.runRecords = r;
      return this;
    }

    /** A listener class to attach (listeners: [{class: ...}]). */
    public Builder listener(String className) {
      listeners.add(className);
      return this;
    }

    public Builder outputDir(String dir) {
      this.outputDir = dir;
      return this;
    }

    /** The formats of the table of runs (output.formats); csv must be among them. */
    public Builder outputFormats(OutputFormat... formats) {
      this.outputFormats = List.of(formats);
      return this;
    }

    public Builder metadata(String key, Object value) {
      metadata.put(key, value);
      return this;
    }

    /**
     * The spec. Without a simulation set, its simulation is one given in code ({@link
     * SimulationSpec.InCode}): the sweep is run with {@code Sweep.of(spec, simulation)}.
     */
    public SweepSpec build() {
      Design d = design;
      for (Map<String, Object> rule : exclusions) {
        d = d.excluding(rule);
      }
      return new SweepSpec(
          name,
          description,
          simulation == null
              ? new SimulationSpec.InCode(SimulationSpec.InCode.DEFAULT_LABEL)
              : simulation,
          parameters,
          d,
          replicates,
          seed,
          seeding,
          execution,
          outputDir,
          metadata,
          budget,
          base,
          runRecords,
          listeners,
          outputFormats);
    }

    private static Object normalise(Object v) {
      if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
        return ((Number) v).longValue();
      }
      if (v instanceof Float f) {
        return f.doubleValue();
      }
      return v;
    }
  }
}
