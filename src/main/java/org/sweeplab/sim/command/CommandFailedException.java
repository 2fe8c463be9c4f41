package org.sweeplab.sim.command;

import java.util.Locale;

/**
 * A command simulation failed: it exited with a non-zero code, produced no usable result, or could
 * not be started. The message reads {@code exit code N: <tail of stderr>} for a bad exit code.
 */
public class CommandFailedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The exit code when the command ran to its end, else this value. */
  public static final int NO_EXIT_CODE = Integer.MIN_VALUE;

  private final int exitCode;
  private final String stderrTail;

  public CommandFailedException(int exitCode, String stderrTail, String message) {
    super(message);
    this.exitCode = exitCode;
    this.stderrTail = stderrTail == null ? "" : stderrTail;
  }

  /** A failure for a non-zero exit code: {@code exit code N: <stderr tail>}. */
  static CommandFailedException forExit(int exitCode, String stderrTail) {
    return new CommandFailedException(
        exitCode,
        stderrTail,
        describeExit(exitCode) + ": " + (stderrTail.isEmpty() ? "(no stderr output)" : stderrTail));
  }

  /**
   * {@code exit code N}, with the signal for codes 129 to 159 (how a killed process is reported).
   */
  static String describeExit(int exitCode) {
    if (exitCode > 128 && exitCode < 160) {
      return String.format(
          Locale.ROOT, "exit code %d (killed by signal %d)", exitCode, exitCode - 128);
    }
    return "exit code " + exitCode;
  }

  /** The command's exit code, or {@link #NO_EXIT_CODE}. */
  public int exitCode() {
    return exitCode;
  }

  /** The last lines of the command's stderr (at most 20 lines or 2 KB), or an empty string. */
  public String stderrTail() {
    return stderrTail;
  }
}
