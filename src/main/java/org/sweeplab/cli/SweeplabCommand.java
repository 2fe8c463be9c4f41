package org.sweeplab.cli;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.sweeplab.store.Version;
import picocli.CommandLine.Command;

/** The top-level command; see the subcommands. */
@Command(
    name = "sweeplab",
    mixinStandardHelpOptions = true,
    versionProvider = SweeplabCommand.VersionProvider.class,
    description = "Run parameter sweeps of simulations and analyse the results.",
    footer = {
      "",
      "Exit codes: 0 all ok; 1 some runs did not end ok, or a failure; 2 usage or spec error."
    })
final class SweeplabCommand implements Runnable {
  /**
   * The subcommands, in the order help lists them, by name ({@link Main#commandLine(String)}
   * registers only the one invoked).
   */
  static final Map<String, Supplier<Object>> SUBCOMMANDS = subcommands();

  private static Map<String, Supplier<Object>> subcommands() {
    Map<String, Supplier<Object>> m = new LinkedHashMap<>();
    m.put("run", RunCommand::new);
    m.put("resume", ResumeCommand::new);
    m.put("status", StatusCommand::new);
    m.put("plan", PlanCommand::new);
    m.put("merge", MergeCommand::new);
    m.put("analyze", AnalyzeCommand::new);
    m.put("plot", PlotCommand::new);
    m.put("compare", CompareCommand::new);
    m.put("export", ExportCommand::new);
    m.put("serve", ServeCommand::new);
    m.put("notebook", NotebookCommand::new);
    m.put("simulations", SimulationsCommand::new);
    return Collections.unmodifiableMap(m);
  }

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
