package org.sweeplab.sim.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.sweeplab.spec.SimulationSpec;

/** Builds command specs around {@code /bin/sh -c SCRIPT sh ARGS...} for the command tests. */
final class CommandTestSupport {
  private CommandTestSupport() {}

  static List<String> sh(String script, String... args) {
    List<String> argv = new ArrayList<>(List.of("/bin/sh", "-c", script, "sh"));
    argv.addAll(List.of(args));
    return argv;
  }

  static SimulationSpec.Command command(String script, String... args) {
    return SimulationSpec.Command.of(sh(script, args));
  }

  static SimulationSpec.Command command(
      Map<String, String> env,
      String result,
      long logCap,
      List<Integer> codes,
      String script,
      String... args) {
    return new SimulationSpec.Command(sh(script, args), env, null, result, logCap, codes);
  }

  static CommandSimulation sim(String script, String... args) {
    return CommandSimulation.of(command(script, args));
  }
}
