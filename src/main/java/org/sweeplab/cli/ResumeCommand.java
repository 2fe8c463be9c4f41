package org.sweeplab.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.sweeplab.spec.SpecLoader;
import org.sweeplab.store.ExistingOutput;
import org.sweeplab.store.FailedRuns;
import org.sweeplab.store.Sweep;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sweeplab resume DIR}. */
@Command(name = "resume", mixinStandardHelpOptions = true,
    description = "Continue a sweep in its output folder: run only what is missing.")
final class ResumeCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "DIR", description = "The sweep's output folder.")
  Path dir;

  @Option(names = "--retry-failed", description = "Also run again the runs that failed or timed out.")
  boolean retryFailed;

  @Option(names = "--quiet", description = "No progress display.")
  boolean quiet;

  @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override a value of the folder's spec from"
      + " now on, e.g. --set execution.backend=local to finish a cluster sweep on this machine; a change that"
      + " alters results is refused. Repeatable.")
  List<String> overrides = new ArrayList<>();

  @Spec
  CommandSpec command;

  @Override
  public Integer call() {
    Sweep sweep = Sweep.resuming(dir); // refuses a folder without a sweep
    if (!overrides.isEmpty()) {
      // The spec saved in the folder with the overrides: the folder's sweep.yaml records them for later sessions.
      sweep = Sweep.of(SpecLoader.load(dir.resolve("sweep.yaml"), overrides)).output(dir)
          .ifExists(ExistingOutput.RESUME);
    }
    sweep = sweep.failedRuns(retryFailed ? FailedRuns.RETRY : FailedRuns.KEEP);
    return Console.execute(sweep, command.commandLine().getOut(), command.commandLine().getErr(), quiet);
  }
}
