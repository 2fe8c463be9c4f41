package org.sweeplab.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.sweeplab.run.Backend;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C and SIGTERM during a sweep: the first stops handing out runs and lets the runs in flight
 * finish within the grace period, then cancels them; the second cancels them at once. Cancelling a
 * command simulation sends SIGTERM, then SIGKILL, to its process tree. Either way the sweep ends
 * normally, so the journal, results and summary are written, and {@code resume} runs what is
 * missing.
 */
final class Interrupts {
  private final List<Signal> signals = new ArrayList<>();
  private final List<SignalHandler> previous = new ArrayList<>();
  private volatile int count;
  private volatile Thread graceTimer;

  private Interrupts() {}

  static Interrupts install(Consumer<Backend.StopMode> stop, Duration grace, PrintWriter err) {
    Interrupts in = new Interrupts();
    SignalHandler handler =
        sig -> {
          int n = ++in.count;
          if (n == 1) {
            err.println();
            err.println(
                "Interrupted: no new runs will start; the runs in flight have "
                    + seconds(grace)
                    + " to finish, then they are cancelled (Ctrl-C again to cancel them now).");
            err.flush();
            stop.accept(Backend.StopMode.FINISH);
            in.startGraceTimer(stop, grace, err);
          } else {
            err.println("Cancelling the runs in flight.");
            err.flush();
            stop.accept(Backend.StopMode.CANCEL);
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

  private void startGraceTimer(Consumer<Backend.StopMode> stop, Duration grace, PrintWriter err) {
    Thread t =
        new Thread(
            () -> {
              try {
                Thread.sleep(grace.toMillis());
              } catch (InterruptedException e) {
                return; // the sweep ended first
              }
              err.println(
                  "The grace period of "
                      + seconds(grace)
                      + " is over: cancelling the runs in flight.");
              err.flush();
              stop.accept(Backend.StopMode.CANCEL);
            },
            "sweeplab-interrupt-grace");
    t.setDaemon(true);
    graceTimer = t;
    t.start();
  }

  private static String seconds(Duration d) {
    return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
  }

  boolean interrupted() {
    return count > 0;
  }

  void uninstall() {
    Thread t = graceTimer;
    if (t != null) {
      t.interrupt();
    }
    for (int i = 0; i < signals.size(); i++) {
      Signal.handle(signals.get(i), previous.get(i));
    }
  }
}
