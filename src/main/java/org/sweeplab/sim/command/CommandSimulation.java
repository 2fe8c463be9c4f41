package org.sweeplab.sim.command;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.sweeplab.results.PlainJson;
import org.sweeplab.sim.CheckedFolder;
import org.sweeplab.sim.Metrics;
import org.sweeplab.sim.RunContext;
import org.sweeplab.sim.Simulation;
import org.sweeplab.spec.SimulationSpec;

/**
 * Runs an external program as a simulation, without a shell. See {@code docs/commands.md} for the
 * contract: templates in argv, env and workdir; the {@code SWEEP_*} environment; the run context as
 * JSON on stdin; the result as the last JSON object line of stdout or a result file; capped logs;
 * cost lines; exit codes; cancellation, which stops the whole process tree.
 *
 * <p>Immutable configuration; one instance serves any number of concurrent runs. Its only state is
 * the set of runs in flight, used by {@link #cancelGracefully(Duration)}.
 */
public final class CommandSimulation implements Simulation {
  /** The default time between SIGTERM and SIGKILL when a run is cancelled. */
  public static final Duration DEFAULT_KILL_GRACE = Duration.ofSeconds(2);

  private final SimulationSpec.Command spec;
  private final List<CommandTemplate> argv;
  private final Map<String, CommandTemplate> env;
  private final CommandTemplate workdir;
  private final String resultFile;
  private final Set<Integer> transientExitCodes;
  private final Duration killGrace;
  private final boolean usesConfig;
  private final Set<CommandRun> inFlight = ConcurrentHashMap.newKeySet();

  /** The last runs folder: the same for every run of a sweep. */
  private volatile RunsFolder runsFolder;

  /** The last parameter names and their variables: the same for every run of most sweeps. */
  private volatile Map.Entry<Set<String>, Map<String, String>> paramVariables;

  private CommandSimulation(SimulationSpec.Command spec, Duration killGrace) {
    NativeWarmUp.start();
    this.spec = spec;
    List<CommandTemplate> a = new ArrayList<>();
    for (int i = 0; i < spec.argv().size(); i++) {
      a.add(
          CommandTemplate.parse(
              Objects.requireNonNull(spec.argv().get(i), "argv element"), "argv[" + i + "]"));
    }
    this.argv = List.copyOf(a);
    Map<String, CommandTemplate> e = new LinkedHashMap<>();
    for (Map.Entry<String, String> v : spec.env().entrySet()) {
      String name = v.getKey();
      if (name == null || name.isEmpty() || name.indexOf('=') >= 0 || name.indexOf('\0') >= 0) {
        throw new IllegalArgumentException(
            "simulation.env name '" + name + "' is not a valid variable name");
      }
      e.put(
          name,
          CommandTemplate.parse(Objects.requireNonNull(v.getValue(), "env value"), "env " + name));
    }
    this.env = java.util.Collections.unmodifiableMap(e);
    this.workdir = spec.workdir() == null ? null : CommandTemplate.parse(spec.workdir(), "workdir");
    this.resultFile =
        spec.result().startsWith("file:")
            ? CommandResult.checkFileName(spec.result().substring("file:".length()))
            : null;
    this.transientExitCodes = Set.copyOf(spec.transientExitCodes());
    this.killGrace = killGrace;
    this.usesConfig = templates().stream().anyMatch(t -> t.uses("config"));
  }

  /** A command simulation; placeholders are checked against the run's parameters when it runs. */
  public static CommandSimulation of(SimulationSpec.Command spec) {
    return new CommandSimulation(Objects.requireNonNull(spec, "spec"), DEFAULT_KILL_GRACE);
  }

  /**
   * A command simulation whose placeholders are checked now against these parameter names.
   *
   * @throws IllegalArgumentException on an unknown placeholder (the message lists the valid names),
   *     on a bad brace, or when two parameter names map to the same {@code SWEEP_PARAM_} variable
   */
  public static CommandSimulation of(
      SimulationSpec.Command spec, Collection<String> parameterNames) {
    CommandSimulation sim = of(spec);
    List<String> names = List.copyOf(parameterNames);
    sim.templates().forEach(t -> t.check(names));
    envNames(names);
    return sim;
  }

  /**
   * A copy that waits {@code grace} between SIGTERM and SIGKILL when a run is cancelled (zero:
   * SIGKILL at once).
   */
  public CommandSimulation withKillGrace(Duration grace) {
    if (grace == null || grace.isNegative()) {
      throw new IllegalArgumentException("kill grace must be >= 0, got " + grace);
    }
    return new CommandSimulation(spec, grace);
  }

  public SimulationSpec.Command spec() {
    return spec;
  }

  /** The time between SIGTERM and SIGKILL when a run is cancelled. */
  public Duration killGrace() {
    return killGrace;
  }

  /** The number of runs of this instance whose command is running. */
  public int runsInFlight() {
    return inFlight.size();
  }

  /**
   * Stops every run of this instance now in flight: SIGTERM to all their processes, SIGKILL after
   * {@code grace}. Returns at once; each run then throws {@link
   * java.util.concurrent.CancellationException}.
   */
  public void cancelGracefully(Duration grace) {
    if (grace == null || grace.isNegative()) {
      throw new IllegalArgumentException("grace must be >= 0, got " + grace);
    }
    inFlight.forEach(r -> r.cancel(grace));
  }

  /**
   * Runs the command once.
   *
   * @throws CommandFailedException on a non-zero exit code or a missing or unreadable result
   * @throws org.sweeplab.sim.TransientFailureException on a transient exit code ({@link
   *     RateLimitedException} with {@code retry_after})
   * @throws BudgetExceededException when a cost line crosses the per-run cap (the command is killed
   *     first)
   * @throws java.util.concurrent.CancellationException when the run is cancelled or its thread
   *     interrupted
   */
  @Override
  public Metrics run(RunContext ctx) throws IOException {
    CommandRun run = new CommandRun(this, ctx);
    inFlight.add(run);
    try {
      return run.execute();
    } finally {
      inFlight.remove(run);
    }
  }

  String resultFile() {
    return resultFile;
  }

  Set<Integer> transientExitCodes() {
    return transientExitCodes;
  }

  /**
   * True when argv, env or workdir uses {@code {config}}: the run then needs config.json in its
   * folder.
   */
  boolean usesConfig() {
    return usesConfig;
  }

  /**
   * The folder that holds the runs' folders, with its sweep tag (a hash, {@link Leftovers}) and its
   * spool folder ({@link Spool}, checked once for all runs of the sweep).
   */
  record RunsFolder(Path dir, String sweepTag, CheckedFolder spools) {}

  /** The runs folder {@code dir}, made once for all runs of its sweep. */
  private RunsFolder runsFolder(Path dir) {
    RunsFolder last = runsFolder;
    if (last == null || !last.dir().equals(dir)) {
      last =
          new RunsFolder(
              dir, Leftovers.sweepTag(dir), new CheckedFolder(dir.resolve(Spool.FOLDER)));
      runsFolder = last;
    }
    return last;
  }

  /** Every placeholder name used in argv, env and workdir, in order of first use. */
  java.util.Set<String> placeholders() {
    java.util.Set<String> all = new java.util.LinkedHashSet<>();
    templates().forEach(t -> all.addAll(t.names()));
    return all;
  }

  private List<CommandTemplate> templates() {
    List<CommandTemplate> all = new ArrayList<>(argv);
    all.addAll(env.values());
    if (workdir != null) {
      all.add(workdir);
    }
    return all;
  }

  /**
   * What starts one run's command: its argv, its whole environment (sweeplab's, then the run's
   * variables), its working folder, and the folder that holds the run's folder.
   */
  record Launch(
      List<String> argv, Map<String, String> environment, Path directory, RunsFolder runs) {
    /** A process builder for the same start (used where {@link PosixSpawn} is not available). */
    ProcessBuilder processBuilder() {
      ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(argv));
      pb.directory(directory.toFile());
      pb.environment().clear();
      pb.environment().putAll(environment);
      return pb;
    }
  }

  /** Sweeplab's own environment, which every command inherits, copied once. */
  private static final Map<String, String> INHERITED = Map.copyOf(System.getenv());

  /** The process to start for this run, with its argv, environment and working directory. */
  Launch launch(RunContext ctx, Path runDir, String tag) {
    Map<String, Object> params = ctx.params();
    Function<String, String> lookup =
        name ->
            switch (name) {
              case "seed" -> Long.toString(ctx.seed());
              case "run_id" -> ctx.runId();
              case "variation_id" -> ctx.variationId();
              case "replicate" -> Integer.toString(ctx.replicate());
              case "run_dir" -> runDir.toString();
              case "config" -> runDir.resolve(CommandUpstream.CONFIG_FILE).toString();
              default ->
                  params.containsKey(name)
                      ? CommandTemplate.format(params.get(name))
                      : CommandUpstream.placeholder(ctx, name);
            };
    List<String> command = new ArrayList<>(argv.size());
    for (CommandTemplate t : argv) {
      command.add(t.expand(lookup, params.keySet()));
    }
    Path directory = workdir == null ? runDir : Path.of(workdir.expand(lookup, params.keySet()));
    Map<String, String> environment = new HashMap<>(INHERITED);
    Map<String, String> paramVars = paramVariables(params.keySet());
    paramVars.forEach(
        (param, var) -> environment.put(var, CommandTemplate.format(params.get(param))));
    environment.put("SWEEP_SEED", Long.toString(ctx.seed()));
    environment.put("SWEEP_RUN_ID", ctx.runId());
    environment.put("SWEEP_VARIATION_ID", ctx.variationId());
    environment.put("SWEEP_REPLICATE", Integer.toString(ctx.replicate()));
    environment.put("SWEEP_RUN_DIR", runDir.toString());
    CommandUpstream.environment(ctx, environment);
    env.forEach((name, t) -> environment.put(name, t.expand(lookup, params.keySet())));
    environment.put(CommandProcessTree.TAG_VARIABLE, tag);
    RunsFolder runs = runsFolder(runDir.toAbsolutePath().getParent());
    environment.put(Leftovers.SWEEP_TAG_VARIABLE, runs.sweepTag());
    checkEnvironment(environment);
    return new Launch(List.copyOf(command), environment, directory, runs);
  }

  /**
   * Refuses what a C environment cannot hold, as {@link ProcessBuilder#environment()} does: a name
   * with '=' or a NUL, a value with a NUL (the C string would end there).
   */
  private static void checkEnvironment(Map<String, String> environment) {
    environment.forEach(
        (name, value) -> {
          if (name.indexOf('=') >= 0 || name.indexOf('\0') >= 0) {
            throw new IllegalArgumentException(
                "Invalid environment variable name: \"" + name + "\"");
          }
          if (value.indexOf('\0') >= 0) {
            throw new IllegalArgumentException(
                "Invalid environment variable value: \"" + value + "\"");
          }
        });
  }

  /** {@link #envNames} of these names, computed once per set of names in a row. */
  private Map<String, String> paramVariables(Set<String> names) {
    Map.Entry<Set<String>, Map<String, String>> last = paramVariables;
    if (last == null || !last.getKey().equals(names)) {
      last = Map.entry(Set.copyOf(names), envNames(names));
      paramVariables = last;
    }
    return last.getValue();
  }

  /**
   * Parameter name to {@code SWEEP_PARAM_<NAME>}: upper-cased, every character outside {@code
   * [A-Z0-9_]} turned into {@code _}.
   *
   * @throws IllegalArgumentException when two names map to the same variable
   */
  static Map<String, String> envNames(Collection<String> parameterNames) {
    Map<String, String> vars = new LinkedHashMap<>();
    Map<String, String> owner = new LinkedHashMap<>();
    for (String p : parameterNames) {
      String var = "SWEEP_PARAM_" + p.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9_]", "_");
      String clash = owner.putIfAbsent(var, p);
      if (clash != null) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "parameters '%s' and '%s' both map to the environment variable %s; rename one",
                clash,
                p,
                var));
      }
      vars.put(p, var);
    }
    return vars;
  }

  /**
   * The run context as one JSON object, followed by a newline: written straight by a generator,
   * without a tree of nodes per run; {@code config} and {@code upstream} are serialized from their
   * maps as they are.
   */
  byte[] stdinJson(RunContext ctx, Path runDir) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
    try (JsonGenerator g = CommandStdout.MAPPER.createGenerator(bytes)) {
      g.writeStartObject();
      g.writeStringField("run_id", ctx.runId());
      g.writeStringField("variation_id", ctx.variationId());
      g.writeNumberField("replicate", ctx.replicate());
      g.writeNumberField("seed", ctx.seed());
      g.writeObjectFieldStart("params");
      for (Map.Entry<String, Object> e : ctx.params().entrySet()) {
        g.writeFieldName(e.getKey());
        Object v = e.getValue();
        if (v instanceof Long l) {
          g.writeNumber(l);
        } else if (v instanceof Double d) {
          g.writeNumber(d);
        } else if (v instanceof Boolean b) {
          g.writeBoolean(b);
        } else if (v == null) {
          g.writeNull();
        } else {
          g.writeString(String.valueOf(v)); // any other type as its text, as a template shows it
        }
      }
      g.writeEndObject();
      g.writeStringField("run_dir", runDir.toString());
      // Plain trees, written as the mapper writes them, without a serializer provider per run.
      g.writeFieldName("config");
      PlainJson.write(g, ctx.config());
      Map<String, Map<String, Object>> upstream = ctx.upstreamByStage();
      if (!upstream.isEmpty()) {
        g.writeFieldName("upstream");
        PlainJson.write(g, upstream);
      }
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    bytes.write('\n');
    return bytes.toByteArray();
  }
}
