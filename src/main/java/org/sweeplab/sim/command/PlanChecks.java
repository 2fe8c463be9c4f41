package org.sweeplab.sim.command;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.sweeplab.sim.SimulationInfo;
import org.sweeplab.sim.SimulationRegistry;
import org.sweeplab.spec.SimulationSpec;
import org.sweeplab.spec.SpecErrors;
import org.sweeplab.spec.SpecException;
import org.sweeplab.spec.Suggestions;

/**
 * What {@code plan} checks about a simulation before anything runs: every placeholder of every
 * command (a stage may name the outputs of earlier stages as {@code {STAGE.KEY}}), and the
 * parameters of simulations that declare theirs ({@link SimulationInfo}): an unknown one is refused
 * with a did-you-mean, a required one must be given.
 */
public final class PlanChecks {
  private PlanChecks() {}

  /**
   * Checks {@code sim} against the plan's parameter names.
   *
   * @throws SpecException naming the key (e.g. {@code parameters.tick_budgets} or {@code
   *     simulation.pipeline[1].command}) and what would be valid; all problems at once
   */
  public static void check(
      SimulationSpec sim, List<String> parameters, SimulationRegistry registry) {
    List<SpecException> problems = new ArrayList<>();
    if (sim instanceof SimulationSpec.Command c) {
      commandPlaceholders(
          c, parameters, List.of(), List.of(), "simulation", "the command", problems, registry);
    } else if (sim instanceof SimulationSpec.Pipeline p) {
      for (int i = 0; i < p.stages().size(); i++) {
        if (p.stages().get(i) instanceof SimulationSpec.Command c) {
          commandPlaceholders(
              c,
              parameters,
              p.names().subList(0, i),
              p,
              "simulation.pipeline[" + i + "]",
              "stage '" + p.names().get(i) + "'",
              problems,
              registry);
        }
      }
    }
    declaredParameters(sim, parameters, registry, problems);
    if (!problems.isEmpty()) {
      throw SpecErrors.of(problems);
    }
  }

  private static void commandPlaceholders(
      SimulationSpec.Command c,
      List<String> parameters,
      List<String> earlier,
      Object pipeline,
      String path,
      String who,
      List<SpecException> problems,
      SimulationRegistry registry) {
    CommandSimulation cs;
    try {
      cs = CommandSimulation.of(c);
      CommandSimulation.envNames(parameters);
    } catch (IllegalArgumentException e) {
      problems.add(new SpecException(null, 0, 0, path, e.getMessage()));
      return;
    }
    for (String name : cs.placeholders()) {
      if (CommandTemplate.BUILT_IN_NAMES.contains(name) || parameters.contains(name)) {
        continue;
      }
      if (CommandUpstream.namesEarlierStage(name, earlier)) {
        String stage = name.substring(0, name.indexOf('.'));
        String key = name.substring(name.indexOf('.') + 1);
        SimulationInfo info =
            pipeline instanceof SimulationSpec.Pipeline p
                    && p.stages().get(p.names().indexOf(stage)) instanceof SimulationSpec.Named n
                ? registry.info(n.name())
                : null;
        if (info != null && !info.metricNames().contains(key)) {
          problems.add(
              new SpecException(
                  null,
                  0,
                  0,
                  path + ".command",
                  String.format(
                      Locale.ROOT,
                      "%s uses '{%s}', but stage '%s' gives no output '%s'%s; its outputs are %s",
                      who,
                      name,
                      stage,
                      key,
                      Suggestions.hint(key, info.metricNames()),
                      String.join(", ", info.metricNames()))));
        }
        continue;
      }
      List<String> valid = new ArrayList<>(CommandTemplate.BUILT_IN_NAMES);
      valid.addAll(parameters);
      String hint = Suggestions.hint(name, valid);
      String upstream =
          earlier.isEmpty()
              ? ""
              : "; an earlier stage's output is written {STAGE.KEY}, e.g. {"
                  + earlier.get(earlier.size() - 1)
                  + "."
                  + (name.contains(".") ? name.substring(name.indexOf('.') + 1) : name)
                  + "} (earlier stages: "
                  + String.join(", ", earlier)
                  + ")";
      problems.add(
          new SpecException(
              null,
              0,
              0,
              path + ".command",
              String.format(
                  Locale.ROOT,
                  "%s uses unknown placeholder '{%s}'%s; valid names are %s%s (write '{{' and '}}' for literal braces)",
                  who,
                  name,
                  hint,
                  String.join(", ", valid),
                  upstream)));
    }
  }

  /**
   * Parameters against the declarations of the named simulation, or of every stage when all declare
   * theirs.
   */
  private static void declaredParameters(
      SimulationSpec sim,
      List<String> parameters,
      SimulationRegistry registry,
      List<SpecException> problems) {
    List<SimulationInfo> infos = new ArrayList<>();
    List<SimulationSpec> parts =
        sim instanceof SimulationSpec.Pipeline p ? p.stages() : List.of(sim);
    for (SimulationSpec part : parts) {
      SimulationInfo info = part instanceof SimulationSpec.Named n ? registry.info(n.name()) : null;
      if (info == null || info.openParameters()) {
        return; // a command, a class or an undeclared simulation may read any parameter
      }
      infos.add(info);
    }
    Set<String> known = new LinkedHashSet<>();
    infos.forEach(i -> known.addAll(i.parameterNames()));
    String who = infos.size() == 1 ? infos.get(0).name() : "the pipeline's stages";
    for (String name : parameters) {
      if (!known.contains(name)) {
        problems.add(
            new SpecException(
                null,
                0,
                0,
                "parameters." + name,
                String.format(
                    Locale.ROOT,
                    "%s has no parameter '%s'%s, so it would be ignored; its parameters are %s (see `sweeplab"
                        + " simulations`)",
                    who,
                    name,
                    Suggestions.hint(name, known),
                    String.join(", ", known))));
      }
    }
    for (SimulationInfo info : infos) {
      for (SimulationInfo.Param p : info.parameters()) {
        if (p.required() && !parameters.contains(p.name())) {
          problems.add(
              new SpecException(
                  null,
                  0,
                  0,
                  "parameters",
                  String.format(
                      Locale.ROOT,
                      "%s needs parameter '%s' (%s, %s)",
                      info.name(),
                      p.name(),
                      p.type(),
                      p.doc())));
        }
      }
    }
  }
}
