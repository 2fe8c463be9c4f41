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
    try {
      return commandLine().execute(args);
    } catch (OutOfMemoryError e) {
      System.err.println(outOfMemory(e));
      return ErrorHandler.FAILURE;
    }
  }

  /** The one line for an {@link OutOfMemoryError}: what ran out, how much this JVM may use, and the hint. */
  static String outOfMemory(OutOfMemoryError e) {
    return String.format(java.util.Locale.ROOT, "error: out of memory (%s); this JVM may use %.1f GiB: give it more"
        + " with SWEEPLAB_JAVA_OPTS=-Xmx..g (e.g. -Xmx8g), or plan fewer runs", e.getMessage(),
        Runtime.getRuntime().maxMemory() / (double) (1L << 30));
  }

  static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new SweeplabCommand());
    cl.setExecutionExceptionHandler(new ErrorHandler());
    cl.setParameterExceptionHandler(new ErrorHandler.UsageHandler());
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    return cl;
  }
}
