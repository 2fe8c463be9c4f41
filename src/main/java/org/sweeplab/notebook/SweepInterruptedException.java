package org.sweeplab.notebook;

import java.nio.file.Path;
import java.util.Locale;
import org.sweeplab.sweep.SweepResult;

/**
 * A notebook cell's sweep was interrupted (the kernel's interrupt button): the runs in flight
 * finished within the sweep's {@code execution.interrupt_grace} or were cancelled, and the output
 * folder was written as after Ctrl-C, so it resumes. The message says how many runs are done and
 * how to resume; {@link #result()} holds the folder's counts.
 */
public final class SweepInterruptedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient SweepResult result;

  SweepInterruptedException(SweepResult result) {
    super(message(result));
    this.result = result;
  }

  /** The folder's state when the sweep stopped. */
  public SweepResult result() {
    return result;
  }

  static String message(SweepResult r) {
    Path dir = r.outputDir();
    long done = r.planned() - r.missing();
    return String.format(
        Locale.ROOT,
        "sweep interrupted: %,d of %,d runs done; resume with"
            + " Notebook.run(sweep.ifExists(ExistingOutput.RESUME)) or `sweeplab resume %s`",
        done,
        r.planned(),
        dir);
  }
}
