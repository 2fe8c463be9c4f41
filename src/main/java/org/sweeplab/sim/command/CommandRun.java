package org.sweeplab.sim.command;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.sweeplab.sim.Metrics;
import org.sweeplab.sim.RateLimitedException;
import org.sweeplab.sim.RunContext;
import org.sweeplab.sim.TransientFailure;

/**
 * One execution of a command: starts the process with its stdout going to a {@link Spool} file (so
 * that cost lines survive a crash of sweeplab), feeds stdin, hands the spool and stderr to a shared
 * pool of reader threads, and waits on one event queue for cost lines, stream ends, the exit, or a
 * cancellation. The calling thread does all the deciding (charging, killing, interpreting the
 * result), so the run context is only used from it.
 */
final class CommandRun {
  /**
   * How often a waiting run looks at {@link RunContext#isCancelled()} when nothing else happens.
   */
  private static final long TICK_MS = 50;

  /** How long after the exit the pipes may stay open before leftover processes are killed. */
  private static final long LINGER_MS = 200;

  /** How long after the exit the pipes may stay open before the run fails. */
  private static final long DRAIN_LIMIT_MS = 2000;

  /**
   * Stdin payloads above this size are written from the pool, so a program that never reads cannot
   * block us.
   */
  private static final int INLINE_STDIN = 16 << 10;

  private static final AtomicLong SEQUENCE = new AtomicLong();
  private static final long SELF = ProcessHandle.current().pid();
  private static final ExecutorService IO =
      new ThreadPoolExecutor(
          0,
          Integer.MAX_VALUE,
          30,
          TimeUnit.SECONDS,
          new SynchronousQueue<>(),
          r -> {
            Thread t = new Thread(r, "sweeplab-command-io-" + SEQUENCE.incrementAndGet());
            t.setDaemon(true);
            return t;
          });

  sealed interface Event permits Charge, Telemetry, Closed, Cancel {}

  /** A telemetry line {@code {"telemetry": {...}}} arrived. */
  record Telemetry(ObjectNode point) implements Event {}

  /** A cost line {@code {"cost": x}} arrived. */
  record Charge(double amount) implements Event {}

  /** A stream reached its end (or failed). */
  record Closed(String stream, Throwable error) implements Event {}

  /** Someone asked for termination: SIGTERM, then SIGKILL after the grace. */
  record Cancel(Duration grace) implements Event {}

  private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
  private final CommandSimulation sim;
  private final RunContext ctx;
  private int costLines;
  private int openStreams = 2;
  private String spoolName;
  private final CommandTelemetry telemetry;

  CommandRun(CommandSimulation sim, RunContext ctx) {
    this.sim = sim;
    this.ctx = ctx;
    this.telemetry = new CommandTelemetry(ctx);
  }

  /**
   * Asks this run, from any thread, to end its command (SIGTERM, grace, SIGKILL) and throw a
   * cancellation.
   */
  void cancel(Duration grace) {
    events.add(new Cancel(grace));
  }

  Metrics execute() throws IOException {
    ctx.checkCancelled();
    Path runDir = ctx.artifactDir();
    String tag = SELF + "-" + SEQUENCE.incrementAndGet() + "-" + System.nanoTime();
    if (sim.usesConfig()) {
      CommandUpstream.writeConfig(ctx, runDir);
    }
    ProcessBuilder pb = sim.processBuilder(ctx, runDir, tag);
    Path spool = Spool.create(ctx, runDir.toAbsolutePath().getParent(), tag);
    try {
      return execute(pb, runDir, tag, spool);
    } finally {
      // Every cost line read from it has been charged by now (a kill -9 before this leaves the
      // spool to the next resume).
      java.nio.file.Files.deleteIfExists(spool);
    }
  }

  private Metrics execute(ProcessBuilder pb, Path runDir, String tag, Path spool)
      throws IOException {
    spoolName = spool.getFileName().toString();
    pb.redirectOutput(ProcessBuilder.Redirect.to(spool.toFile()));
    Process process;
    try {
      process = pb.start();
    } catch (IOException e) {
      throw new CommandFailedException(
          CommandFailedException.NO_EXIT_CODE,
          "",
          "cannot start command "
              + sim.spec().argv().get(0)
              + " in "
              + pb.directory()
              + ": "
              + e.getMessage());
    }
    long cap = sim.spec().logCapBytes();
    SpoolTail spoolTail = new SpoolTail(spool);
    process.onExit().thenRun(spoolTail::writerDone);
    CommandStdout out =
        new CommandStdout(
            spoolTail,
            new CommandLog(() -> runDir, "stdout.log", cap),
            sim.resultFile() == null,
            events::add);
    CommandStderr err =
        new CommandStderr(
            process.getErrorStream(), new CommandLog(() -> runDir, "stderr.log", cap), events::add);
    CommandProcessTree tree = new CommandProcessTree(process, tag);
    IO.execute(out);
    IO.execute(err);
    writeStdin(process, sim.stdinJson(ctx, runDir));

    double streamed;
    try {
      streamed = await(process, tree, out, err);
    } finally {
      tree.endGroup(); // whatever the command left behind in its group ends with the run, for any
      // reason
    }

    int code = process.exitValue();
    err.finish();
    if (code == 0) {
      telemetry.absorbFile(runDir);
    }
    ObjectNode last = out.result();
    if (sim.transientExitCodes().contains(code)) {
      out.finish(false);
      double retryAfter = CommandResult.retryAfter(last);
      if (!Double.isNaN(retryAfter)) {
        throw new RateLimitedException(Duration.ofNanos(Math.round(retryAfter * 1e9)));
      }
      String tail = err.tail();
      throw new TransientFailure(
          CommandFailedException.describeExit(code)
              + " (transient): "
              + (tail.isEmpty() ? "(no stderr output)" : tail));
    }
    if (code != 0) {
      out.finish(false);
      throw CommandFailedException.forExit(code, err.tail());
    }
    Metrics metrics;
    if (sim.resultFile() != null) {
      out.finish(false);
      metrics =
          CommandResult.toMetrics(
              CommandResult.readFile(runDir, sim.resultFile()),
              "result file '" + sim.resultFile() + "'");
    } else if (last != null) {
      out.finish(true);
      metrics = CommandResult.toMetrics(last, "stdout");
    } else {
      out.finish(false);
      if (costLines == 0) {
        throw new CommandFailedException(0, err.tail(), out.missingResult());
      }
      metrics = Metrics.empty();
    }
    return settleCost(metrics, streamed);
  }

  /**
   * Waits until both streams ended and the process exited, charging cost lines as they come.
   * Streams normally end with the process; if they stay open after it (a background process holds
   * them), leftovers are killed.
   *
   * @return the total of the cost lines
   */
  private double await(
      Process process, CommandProcessTree tree, CommandStdout out, CommandStderr err) {
    double streamed = 0;
    boolean exited = false;
    boolean swept = false;
    long exitedAt = 0;
    while (openStreams > 0 || !exited) {
      if (ctx.isCancelled()) {
        throw cancelled(tree, out, err, sim.killGrace(), "was cancelled");
      }
      Event e;
      try {
        if (openStreams > 0) {
          e = events.poll(TICK_MS, TimeUnit.MILLISECONDS);
        } else {
          e = events.poll();
          if (e == null) {
            exited = process.waitFor(TICK_MS, TimeUnit.MILLISECONDS);
            continue;
          }
        }
      } catch (InterruptedException ie) {
        CancellationException c =
            cancelled(
                tree,
                out,
                err,
                sim.killGrace(),
                ctx.isCancelled() ? "was cancelled" : "was interrupted");
        Thread.currentThread().interrupt();
        throw c;
      }
      if (e instanceof Charge c) {
        costLines++;
        double amount = c.amount();
        if (!Double.isFinite(amount) || amount < 0) {
          kill(tree, out, err, Duration.ZERO);
          throw new IllegalArgumentException(
              "a cost line on stdout must hold a finite number >= 0, got " + amount);
        }
        streamed += amount;
        try {
          ctx.charge(amount, spoolName, costLines);
        } catch (RuntimeException budget) {
          kill(tree, out, err, Duration.ZERO);
          throw budget;
        }
      } else if (e instanceof Telemetry t) {
        try {
          telemetry.line(t.point());
        } catch (IllegalArgumentException bad) {
          kill(tree, out, err, Duration.ZERO);
          throw bad;
        }
      } else if (e instanceof Closed closed) {
        openStreams--;
        if (closed.error() != null && "stdout".equals(closed.stream())) {
          kill(tree, out, err, Duration.ZERO);
          throw new CommandFailedException(
              CommandFailedException.NO_EXIT_CODE, err.tail(), closed.error().getMessage());
        }
      } else if (e instanceof Cancel c) {
        throw cancelled(tree, out, err, c.grace(), "was cancelled gracefully");
      } else if (!exited) {
        exited = !process.isAlive();
        exitedAt = System.nanoTime();
      } else {
        long since = (System.nanoTime() - exitedAt) / 1_000_000;
        if (since > LINGER_MS && !swept) {
          tree.terminate(Duration.ZERO);
          swept = true;
        } else if (since > DRAIN_LIMIT_MS) {
          out.finish(false);
          err.finish();
          throw new CommandFailedException(
              0,
              err.tail(),
              "the command exited but its stdout or stderr stayed open"
                  + " for "
                  + DRAIN_LIMIT_MS
                  + " ms: a process it left running in the background still holds them");
        }
      }
    }
    return streamed;
  }

  private CancellationException cancelled(
      CommandProcessTree tree, CommandStdout out, CommandStderr err, Duration grace, String why) {
    kill(tree, out, err, grace);
    return new CancellationException(
        "run "
            + ctx.runId()
            + " "
            + why
            + "; its command and every process it"
            + " started were stopped");
  }

  /** Kills the whole tree, lets the readers see the end of the pipes, and closes the logs. */
  private void kill(CommandProcessTree tree, CommandStdout out, CommandStderr err, Duration grace) {
    tree.terminate(grace);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
    boolean interrupted = false;
    while (openStreams > 0 && System.nanoTime() < deadline) {
      try {
        Event e = events.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
        if (e instanceof Closed) {
          openStreams--;
        } else if (e instanceof Charge c) {
          chargeAfterKill(c.amount());
        }
      } catch (InterruptedException ie) {
        interrupted = true;
      }
    }
    out.finish(false);
    err.finish();
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * A cost line the command wrote before it was killed: money spent is spent, so it reaches the
   * ledger; the run already ends for another reason, so a cap it crosses changes nothing.
   */
  private void chargeAfterKill(double amount) {
    costLines++;
    if (Double.isFinite(amount) && amount >= 0) {
      try {
        ctx.charge(amount, spoolName, costLines);
      } catch (RuntimeException overCap) {
        // recorded before the cap was checked; the run is ending already
      }
    }
  }

  /**
   * The cost rule: cost lines are charged as they arrive; a {@code cost} in the result is the run's
   * total, so only what exceeds the streamed sum is charged at the end. The returned cost is what
   * was charged in all.
   */
  private Metrics settleCost(Metrics metrics, double streamed) {
    double total = metrics.cost();
    if (Double.isNaN(total) || total <= streamed) {
      return costLines == 0 ? metrics : metrics.withCost(streamed);
    }
    ctx.charge(total - streamed);
    return metrics;
  }

  private static void writeStdin(Process process, byte[] json) {
    Runnable write =
        () -> {
          try (OutputStream stdin = process.getOutputStream()) {
            stdin.write(json);
          } catch (IOException e) {
            // The program exited or closed its stdin without reading: it did not want the context.
          }
        };
    if (json.length <= INLINE_STDIN) {
      write.run();
    } else {
      IO.execute(write);
    }
  }
}
