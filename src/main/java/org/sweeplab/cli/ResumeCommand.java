package org.sweeplab.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.sweeplab.store.FailedRuns;
import org.sweeplab.sweep.Sweep;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sweeplab resume DIR}. */
@Command(
    name = "resume",
    mixinStandardHelpOptions = true,
    description = "Continue a sweep in its output folder: run only what is missing.")
final class ResumeCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "DIR", description = "The sweep's output folder.")
  Path dir;

  @Option(
      names = "--retry-failed",
      description = "Also run again the runs that failed or timed out.")
  boolean retryFailed;

  @Option(
      names = "--set",
      paramLabel = "KEY=VALUE",
      description =
          "Change a setting that leaves the plan as it is"
              + " (budget.*, execution.retries.*, execution.rate_limit, execution.max_parallel, execution.timeout_per_run,"
              + " execution.interrupt_grace, execution.backend, execution.spark.*), e.g. --set budget.total=20, or --set"
              + " execution.backend=local to finish a cluster sweep on this machine. Recorded in the folder. Repeatable.")
  List<String> changes = new ArrayList<>();

  @Option(names = "--quiet", description = "No progress display.")
  boolean quiet;

  @Spec CommandSpec command;

  @Override
  public Integer call() {
    Sweep sweep =
        Sweep.resuming(dir, changes).failedRuns(retryFailed ? FailedRuns.RETRY : FailedRuns.KEEP);
    return Console.execute(
        sweep, command.commandLine().getOut(), command.commandLine().getErr(), quiet);
  }
}
