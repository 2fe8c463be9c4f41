package org.sweeplab.cli;

import org.sweeplab.store.Version;
import picocli.CommandLine.Command;

/** The top-level command; see the subcommands. */
@Command(
    name = "sweeplab",
    mixinStandardHelpOptions = true,
    versionProvider = SweeplabCommand.VersionProvider.class,
    description = "Run parameter sweeps of simulations and analyse the results.",
    subcommands = {
      RunCommand.class,
      ResumeCommand.class,
      StatusCommand.class,
      PlanCommand.class,
      MergeCommand.class,
      AnalyzeCommand.class,
      PlotCommand.class,
      CompareCommand.class,
      ExportCommand.class,
      ServeCommand.class,
      NotebookCommand.class,
      SimulationsCommand.class
    },
    footer = {
      "",
      "Exit codes: 0 all ok; 1 some runs did not end ok, or a failure; 2 usage or spec error."
    })
final class SweeplabCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
  }

  static final class VersionProvider implements picocli.CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {
        "sweeplab " + Version.get(), "Java " + System.getProperty("java.version")
      };
    }
  }
}
