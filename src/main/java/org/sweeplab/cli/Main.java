package org.sweeplab.cli;

import picocli.CommandLine;

/** The {@code sweeplab} command line. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the CLI and returns its exit code (0 ok, 1 some runs not ok or a failure, 2 usage or spec error). */
  public static int run(String... args) {
    return commandLine().execute(args);
  }

  static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new SweeplabCommand());
    cl.setExecutionExceptionHandler(new ErrorHandler());
    cl.setParameterExceptionHandler(new ErrorHandler.UsageHandler());
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    return cl;
  }
}
