package org.sweeplab.notebook;

import java.nio.file.Path;
import java.util.Locale;
import org.sweeplab.spec.SimulationSpec;
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

  SweepInterruptedException(SweepResult result, SimulationSpec simulation) {
    super(message(result, simulation));
    this.result = result;
  }

  /** The folder's state when the sweep stopped. */
  public SweepResult result() {
    return result;
  }

  /**
   * @param simulation what the sweep ran: code given in Java resumes only from Java, with the code
   */
  static String message(SweepResult r, SimulationSpec simulation) {
    Path dir = r.outputDir();
    long done = r.planned() - r.missing();
    return String.format(
        Locale.ROOT,
        "sweep interrupted: %,d of %,d runs done; resume with the same cell (an unchanged sweep"
            + " resumes where it stopped) or %s",
        done,
        r.planned(),
        simulation instanceof SimulationSpec.InCode
            ? "Sweep.resuming(Path.of(\"" + dir + "\")).simulation(...) with the same code"
            : "`sweeplab resume " + dir + "`");
  }
}
