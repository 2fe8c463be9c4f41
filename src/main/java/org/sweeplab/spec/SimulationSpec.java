package org.sweeplab.spec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What each run executes: a simulation known by name (built in, or registered from Java), a Java
 * class on the classpath, an external command, a pipeline of stages, or a simulation given in code
 * (a lambda passed to {@code Sweep.of(spec, simulation)}), which a spec can only record.
 */
public sealed interface SimulationSpec extends java.io.Serializable
    permits SimulationSpec.Named,
        SimulationSpec.JavaClass,
        SimulationSpec.Command,
        SimulationSpec.Pipeline,
        SimulationSpec.InCode {

  /** A short description used in messages and summaries. */
  String describe();

  /** A simulation referred to by name: a built-in one or one registered in Java. */
  record Named(String name) implements SimulationSpec {
    public Named {
      Objects.requireNonNull(name, "name");
      if (name.isBlank()) {
        throw new IllegalArgumentException("simulation name is blank");
      }
    }

    @Override
    public String describe() {
      return name;
    }
  }

  /**
   * A simulation given in code: a {@code Simulation} object (often a lambda) handed to the sweep
   * from Java, e.g. in a notebook. A spec cannot say what the code is, so it records only that it
   * was given ({@code simulation: {in_code: LABEL}} in sweep.yaml), and a resume must be given the
   * code again. The spec built without a simulation, {@code SweepSpec.builder(name)...build()},
   * holds one labelled {@value #DEFAULT_LABEL}.
   *
   * @param label what the code is called: the simulation name the spec gave before the code
   *     replaced it, else {@value #DEFAULT_LABEL}; it only describes the code (a resume compares
   *     it, and the config hash counts it as it counts a name)
   */
  record InCode(String label) implements SimulationSpec {
    /** The label of code given without a name. */
    public static final String DEFAULT_LABEL = "lambda";

    public InCode {
      Objects.requireNonNull(label, "label");
      if (label.isBlank()) {
        throw new IllegalArgumentException("simulation.in_code label is blank");
      }
    }

    /**
     * Code given in place of the simulation {@code spec}: labelled with its name when it has one.
     */
    public static InCode replacing(SimulationSpec spec) {
      if (spec instanceof InCode c) {
        return c;
      }
      return new InCode(spec instanceof Named n ? n.name() : DEFAULT_LABEL);
    }

    @Override
    public String describe() {
      return "given in code (" + label + ")";
    }
  }

  /** A public class with a public no-argument constructor implementing the simulation interface. */
  record JavaClass(String className) implements SimulationSpec {
    public JavaClass {
      Objects.requireNonNull(className, "className");
    }

    @Override
    public String describe() {
      return "class " + className;
    }
  }

  /**
   * An external command, run without a shell. Each argv element may hold templates such as {@code
   * {param}}, {@code {seed}} or {@code {run_dir}}.
   *
   * @param argv the program and its arguments
   * @param env extra environment variables (templates allowed)
   * @param workdir the working directory, or null for the run's folder
   * @param result {@code stdout} (the last JSON object line) or {@code file:NAME} in the run folder
   * @param logCapBytes the cap on each of stdout.log and stderr.log
   * @param transientExitCodes exit codes that mean "try again"
   */
  record Command(
      List<String> argv,
      Map<String, String> env,
      String workdir,
      String result,
      long logCapBytes,
      List<Integer> transientExitCodes)
      implements SimulationSpec {

    /** The default cap on each captured log: 1 MiB. */
    public static final long DEFAULT_LOG_CAP = 1 << 20;

    public Command {
      argv = List.copyOf(argv);
      if (argv.isEmpty()) {
        throw new IllegalArgumentException("simulation.command needs at least the program name");
      }
      env =
          env == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(env));
      result = result == null ? "stdout" : result;
      if (!result.equals("stdout") && !(result.startsWith("file:") && result.length() > 5)) {
        throw new IllegalArgumentException(
            "simulation.result must be 'stdout' or 'file:NAME', got '" + result + "'");
      }
      if (logCapBytes <= 0) {
        throw new IllegalArgumentException("simulation.log_cap must be > 0, got " + logCapBytes);
      }
      transientExitCodes =
          transientExitCodes == null ? List.of(75) : List.copyOf(transientExitCodes);
    }

    /** A command with default settings. */
    public static Command of(List<String> argv) {
      return new Command(argv, Map.of(), null, "stdout", DEFAULT_LOG_CAP, List.of(75));
    }

    @Override
    public String describe() {
      return "command " + String.join(" ", argv);
    }
  }

  /**
   * Stages run in order; each sees the parameters and the outputs of the stages before it.
   *
   * @param stages the stages
   * @param names each stage's name ({@code stage:} in a spec): a built-in stage defaults to its
   *     simulation name, any other to {@code stage-N} (from 1); names are unique
   */
  record Pipeline(List<SimulationSpec> stages, List<String> names) implements SimulationSpec {
    public Pipeline {
      stages = List.copyOf(stages);
      if (stages.isEmpty()) {
        throw new IllegalArgumentException("simulation.pipeline needs at least one stage");
      }
      List<String> n = new java.util.ArrayList<>();
      for (int i = 0; i < stages.size(); i++) {
        String given = names == null || i >= names.size() ? null : names.get(i);
        String name = given != null ? given : defaultName(stages.get(i), i);
        if (!STAGE_NAME.matcher(name).matches()) {
          throw new IllegalArgumentException(
              "stage name '"
                  + name
                  + "' is not valid: use letters, digits, '_' or"
                  + " '-', starting with a letter (it is used in placeholders such as {"
                  + "simulate.score})");
        }
        if (n.contains(name)) {
          throw new IllegalArgumentException(
              "two pipeline stages are named '"
                  + name
                  + "'; give each its own"
                  + " name with stage: NAME");
        }
        n.add(name);
      }
      names = List.copyOf(n);
    }

    /** A pipeline whose stages take their default names. */
    public Pipeline(List<SimulationSpec> stages) {
      this(stages, null);
    }

    /** The name a stage has when none is given: a built-in's name, else {@code stage-N}. */
    public static String defaultName(SimulationSpec stage, int index) {
      return stage instanceof Named n ? n.name() : "stage-" + (index + 1);
    }

    /** True when every stage has its default name. */
    public boolean defaultNames() {
      for (int i = 0; i < stages.size(); i++) {
        if (!names.get(i).equals(defaultName(stages.get(i), i))) {
          return false;
        }
      }
      return true;
    }

    @Override
    public String describe() {
      StringBuilder sb = new StringBuilder("pipeline ");
      for (int i = 0; i < stages.size(); i++) {
        sb.append(i == 0 ? "" : " -> ").append(stages.get(i).describe());
      }
      return sb.toString();
    }
  }

  /** The form of a stage name. */
  java.util.regex.Pattern STAGE_NAME = java.util.regex.Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");
}
