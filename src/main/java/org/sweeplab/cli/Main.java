package org.sweeplab.cli;

import java.util.Set;
import java.util.function.Supplier;
import picocli.CommandLine;

/** The {@code sweeplab} command line. */
public final class Main {
  private static final String NO_CLOSURES = "picocli.disable.closures";

  /** The subcommands that read a sweep's YAML spec. */
  private static final Set<String> READS_SPEC = Set.of("run", "resume", "status", "plan", "merge");

  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /**
   * Runs the CLI and returns its exit code (0 ok, 1 some runs not ok or a failure, 2 usage or spec
   * error).
   */
  public static int run(String... args) {
    if (args.length > 0 && READS_SPEC.contains(args[0])) {
      // SnakeYAML's first constructor asks for a System.Logger, whose first use looks for a logger
      // finder in every jar of the class path (some 40 ms of opening jars). Begun on the other
      // core while the command line is built: a finished folder's resume 0.39-0.42 s against
      // 0.41-0.46 s. Not for the other commands, which read no YAML and would only compete.
      Thread lookup = new Thread(() -> System.getLogger("org.sweeplab"), "sweeplab-logger-lookup");
      lookup.setDaemon(true);
      lookup.start();
    }
    try {
      return commandLine(args.length > 0 ? args[0] : null).execute(args);
    } catch (OutOfMemoryError e) {
      if (System.getenv(SIZED_HEAP) != null) {
        // The launcher sized the heap to the input and will run the command again with Java's
        // default heap.
        return ErrorHandler.SIZED_HEAP_TOO_SMALL;
      }
      System.err.println(outOfMemory(e));
      if ("1".equals(System.getenv("SWEEPLAB_DEBUG"))) {
        e.printStackTrace();
      }
      return ErrorHandler.FAILURE;
    }
  }

  /**
   * Set by the launcher when it chose the heap from the size of the input (see the {@code sweeplab}
   * script).
   */
  static final String SIZED_HEAP = "SWEEPLAB_SIZED_HEAP";

  /**
   * @return one line instead of a stack trace: what ran out, the heap it had, and how to give it
   *     more
   */
  static String outOfMemory(OutOfMemoryError e) {
    long max = Runtime.getRuntime().maxMemory();
    return String.format(
        java.util.Locale.ROOT,
        "error: out of memory (%s) with a heap of %d MiB; give Java more with"
            + " SWEEPLAB_JAVA_OPTS=-Xmx%dg (this machine has %s), or plan fewer runs",
        e.getMessage(),
        max >> 20,
        Math.max(2, (max >> 30) * 2 + 1),
        physicalMemory());
  }

  private static String physicalMemory() {
    if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return (os.getTotalMemorySize() >> 20) + " MiB";
    }
    return "an unknown amount of memory";
  }

  /** The command line with every subcommand. */
  static CommandLine commandLine() {
    return commandLine(null);
  }

  /**
   * The command line with only the subcommand {@code invoked} when it names one (the model of all
   * twelve, built from their annotations, is a tenth of a second of every start), with all of them
   * otherwise: for help, and for the error that suggests the closest name.
   */
  static CommandLine commandLine(String invoked) {
    // picocli's default factory first looks for Groovy's Closure class (for closures in
    // annotations, which sweeplab has none of): a miss that opens every jar of the class path, some
    // 40 ms of every start. Read once, when the factory class is initialized.
    if (System.getProperty(NO_CLOSURES) == null) {
      System.setProperty(NO_CLOSURES, "true");
    }
    CommandLine cl = new CommandLine(new SweeplabCommand());
    Supplier<Object> only = invoked == null ? null : SweeplabCommand.SUBCOMMANDS.get(invoked);
    if (only != null) {
      cl.addSubcommand(only.get());
    } else {
      SweeplabCommand.SUBCOMMANDS.values().forEach(s -> cl.addSubcommand(s.get()));
    }
    cl.setExecutionExceptionHandler(new ErrorHandler());
    cl.setParameterExceptionHandler(new ErrorHandler.UsageHandler());
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    return cl;
  }
}
