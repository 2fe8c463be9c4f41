package org.sweeplab.cli;

import java.io.UncheckedIOException;
import org.sweeplab.spec.SpecException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns exceptions into one clear line on stderr and an exit code; a stack trace only with
 * SWEEPLAB_DEBUG=1.
 */
final class ErrorHandler implements IExecutionExceptionHandler {
  static final int OK = 0;
  static final int FAILURE = 1;
  static final int USAGE = 2;

  /**
   * Out of memory in a heap the launcher sized to the input: it runs the command again with the
   * default heap.
   */
  static final int SIZED_HEAP_TOO_SMALL = 3;

  @Override
  public int handleExecutionException(Exception ex, CommandLine cl, ParseResult parsed) {
    int code;
    String message;
    if (ex instanceof SpecException se
        && cl.getCommand() instanceof SpecFileCommand c
        && c.specFile() != null) {
      code = USAGE;
      message = org.sweeplab.spec.SpecLocator.locate(se, c.specFile()).getMessage();
    } else if (ex instanceof IllegalArgumentException) {
      code = USAGE;
      message = ex.getMessage();
    } else if (ex.getCause() instanceof OutOfMemoryError oom) {
      cl.getErr().println(Main.outOfMemory(oom));
      cl.getErr().flush();
      return FAILURE;
    } else if (ex instanceof UncheckedIOException u) {
      code = FAILURE;
      message = u.getMessage();
    } else {
      code = FAILURE;
      message = ex.getClass().getSimpleName() + ": " + ex.getMessage();
    }
    for (String line : String.valueOf(message).split("\n")) {
      cl.getErr().println("error: " + line); // a spec with several problems: one line each
    }
    if ("1".equals(System.getenv("SWEEPLAB_DEBUG"))) {
      ex.printStackTrace(cl.getErr());
    }
    cl.getErr().flush();
    return code;
  }

  /**
   * A command that reads a spec file: errors found after loading it are reported against that file.
   */
  interface SpecFileCommand {
    java.nio.file.Path specFile();
  }

  /** Parse errors: the message, a hint, exit code 2. */
  static final class UsageHandler implements IParameterExceptionHandler {
    @Override
    public int handleParseException(ParameterException ex, String[] args) {
      CommandLine cl = ex.getCommandLine();
      cl.getErr().println("error: " + ex.getMessage());
      CommandLine.UnmatchedArgumentException.printSuggestions(ex, cl.getErr());
      cl.getErr().println("Try '" + cl.getCommandSpec().qualifiedName() + " --help' for usage.");
      cl.getErr().flush();
      return USAGE;
    }
  }
}
