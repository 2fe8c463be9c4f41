package org.sweeplab.cli;

import java.util.concurrent.Callable;
import org.sweeplab.sim.SimulationCatalog;
import org.sweeplab.sim.SimulationRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code sweeplab simulations}. */
@Command(
    name = "simulations",
    mixinStandardHelpOptions = true,
    description =
        "List the built-in simulations with their parameters (type, default) and metrics.")
final class SimulationsCommand implements Callable<Integer> {
  @Spec CommandSpec command;

  @Override
  public Integer call() {
    command
        .commandLine()
        .getOut()
        .print(SimulationCatalog.describe(SimulationRegistry.withBuiltIns().declared()));
    command.commandLine().getOut().flush();
    return ErrorHandler.OK;
  }
}
