package org.sweeplab.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.sweeplab.run.Backend;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C and SIGTERM during a sweep: the first stops handing out runs and lets the runs in flight finish; the second
 * cancels them. Either way the sweep ends normally, so the journal, results and summary are written.
 */
final class Interrupts {
  private final List<Signal> signals = new ArrayList<>();
  private final List<SignalHandler> previous = new ArrayList<>();
  private volatile int count;

  private Interrupts() {}

  static Interrupts install(Backend backend, PrintWriter err) {
    Interrupts in = new Interrupts();
    SignalHandler handler = sig -> {
      int n = ++in.count;
      if (n == 1) {
        err.println();
        err.println("Interrupted: no new runs will start; waiting for the runs in flight (Ctrl-C again to cancel"
            + " them).");
        err.flush();
        backend.stop(Backend.StopMode.FINISH);
      } else {
        err.println("Cancelling the runs in flight.");
        err.flush();
        backend.stop(Backend.StopMode.CANCEL);
      }
    };
    for (String name : new String[] {"INT", "TERM"}) {
      try {
        Signal s = new Signal(name);
        in.previous.add(Signal.handle(s, handler));
        in.signals.add(s);
      } catch (IllegalArgumentException e) {
        // Not available on this platform: the default behaviour stays.
      }
    }
    return in;
  }

  boolean interrupted() {
    return count > 0;
  }

  void uninstall() {
    for (int i = 0; i < signals.size(); i++) {
      Signal.handle(signals.get(i), previous.get(i));
    }
  }
}
