package org.sweeplab.sim.command;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.sweeplab.sim.FreshFiles;
import org.sweeplab.sim.Metrics;
import org.sweeplab.sim.RateLimitedException;
import org.sweeplab.sim.RunContext;
import org.sweeplab.sim.TransientFailureException;

/**
 * One execution of a command: starts the process with its stdout and stderr going to {@link Spool}
 * files (so that cost lines survive a crash of sweeplab, and no reader thread is needed), feeds
 * stdin, and reads both files on the calling thread as they grow, charging cost lines as they come,
 * until the process exits; then it reads what is left. The calling thread does all the deciding
 * (charging, killing, interpreting the result), so the run context is only used from it; other
 * threads reach it through {@link #cancel}.
 */
final class CommandRun {
  /**
   * The first wait for the exit between two looks at the output files. The exit ends a wait at
   * once, so this only delays the reading of cost and telemetry lines while a command runs; each
   * wait that ends by its timeout wakes a core that a command may be running on.
   */
  private static final long MIN_WAIT_NANOS = 5_000_000L;

  /** The longest wait for the exit between two looks at the output files (and at cancellation). */
  private static final long MAX_WAIT_NANOS = 50_000_000L;

  private static final AtomicLong SEQUENCE = new AtomicLong();
  private static final long SELF = ProcessHandle.current().pid();

  sealed interface Event permits Charge, Telemetry, Cancel {}

  /** A telemetry line {@code {"telemetry": {...}}} arrived. */
  record Telemetry(ObjectNode point) implements Event {}

  /** A cost line {@code {"cost": x}} arrived. */
  record Charge(double amount) implements Event {}

  /** Someone asked for termination: SIGTERM, then SIGKILL after the grace. */
  record Cancel(Duration grace) implements Event {}

  private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
  private final CommandSimulation sim;
  private final RunContext ctx;
  private int costLines;
  private String spoolName;
  private final CommandTelemetry telemetry;
  private final byte[] chunk = new byte[8192];

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
    CommandSimulation.Launch launch = sim.launch(ctx, runDir, tag);
    Path spool = Spool.create(ctx, launch.runs().spools(), tag);
    if (PosixSpawn.AVAILABLE && MemoryFile.AVAILABLE) {
      // Stdin and stderr in memory: no file to create and delete per run (see MemoryFile).
      try (MemoryFile input = MemoryFile.holding(sim.stdinJson(ctx, runDir));
          MemoryFile errors = MemoryFile.create()) {
        return execute(launch, runDir, tag, spool, new InMemory(input, errors));
      } finally {
        Files.deleteIfExists(spool);
      }
    }
    Path errors = Spool.stderrOf(spool);
    Path input = Spool.stdinOf(spool);
    try {
      return execute(launch, runDir, tag, spool, new InFiles(input, errors));
    } finally {
      // Every cost line read from it has been charged by now (a kill -9 before this leaves the
      // spool to the next resume).
      Files.deleteIfExists(input);
      Files.deleteIfExists(errors);
      Files.deleteIfExists(spool);
    }
  }

  /** Where a command's stdin and stderr are: in memory, or in files beside its spool. */
  private sealed interface Streams {
    SpoolReader errorsReader() throws IOException;
  }

  private record InMemory(MemoryFile input, MemoryFile errors) implements Streams {
    @Override
    public SpoolReader errorsReader() {
      return new SpoolReader(errors.reader(), "stderr");
    }
  }

  /** Files beside the spool; stdin's is written just before the start. */
  private record InFiles(Path input, Path errors) implements Streams {
    @Override
    public SpoolReader errorsReader() throws IOException {
      return new SpoolReader(errors, "stderr");
    }
  }

  private Metrics execute(
      CommandSimulation.Launch launch, Path runDir, String tag, Path spool, Streams streams)
      throws IOException {
    spoolName = spool.getFileName().toString();
    Process process;
    try {
      if (streams instanceof InMemory m) {
        process =
            PosixSpawn.start(
                launch.argv(),
                launch.environment(),
                launch.directory(),
                PosixSpawn.Stdio.descriptor(m.input().fd()),
                PosixSpawn.Stdio.file(spool),
                PosixSpawn.Stdio.descriptor(m.errors().fd()));
      } else {
        Path input = ((InFiles) streams).input();
        Path errors = ((InFiles) streams).errors();
        // Stdin is a file too: the context is known before the start, and a program that never
        // reads it cannot block anyone.
        FreshFiles.write(input, sim.stdinJson(ctx, runDir));
        FreshFiles.write(errors, new byte[0]);
        if (PosixSpawn.AVAILABLE) {
          process =
              PosixSpawn.start(
                  launch.argv(), launch.environment(), launch.directory(), input, spool, errors);
        } else {
          ProcessBuilder pb = launch.processBuilder();
          pb.command(ProcessGroups.wrap(pb.command(), pb.environment(), pb.directory().toPath()));
          pb.redirectInput(input.toFile());
          pb.redirectOutput(ProcessBuilder.Redirect.appendTo(spool.toFile()));
          pb.redirectError(ProcessBuilder.Redirect.appendTo(errors.toFile()));
          process = pb.start();
        }
      }
    } catch (IOException e) {
      throw new CommandFailedException(
          CommandFailedException.NO_EXIT_CODE,
          "",
          "cannot start command "
              + sim.spec().argv().get(0)
              + " in "
              + launch.directory()
              + ": "
              + e.getMessage());
    }
    long cap = sim.spec().logCapBytes();
    CommandStdout out =
        new CommandStdout(
            new CommandLog(() -> runDir, "stdout.log", cap), sim.resultFile() == null, events::add);
    CommandStderr err = new CommandStderr(new CommandLog(() -> runDir, "stderr.log", cap));
    CommandProcessTree tree = new CommandProcessTree(process, tag);
    double streamed;
    try (SpoolReader stdout = new SpoolReader(spool, "stdout");
        SpoolReader stderr = streams.errorsReader()) {
      try {
        streamed = await(process, tree, new Output(stdout, out, stderr, err));
      } finally {
        tree.endGroup(); // whatever the command left behind in its group ends with the run, for
        // any reason
      }
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
      throw new TransientFailureException(
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

  /** A command's two output files, each with the reader of its lines. */
  private record Output(
      SpoolReader stdoutFile, CommandStdout stdout, SpoolReader stderrFile, CommandStderr stderr) {}

  /**
   * Waits until the process exited, reading its output files as they grow and charging cost lines
   * as they come; then reads what is left. Looks at the files again after a short wait that grows
   * while nothing arrives (so a silent long run costs a few wake-ups a second, and a chatty one is
   * read at once); the exit ends any wait at once.
   *
   * @return the total of the cost lines
   */
  private double await(Process process, CommandProcessTree tree, Output o) {
    double streamed = 0;
    long wait = MIN_WAIT_NANOS;
    boolean exited = false;
    while (true) {
      if (ctx.isCancelled()) {
        throw cancelled(tree, o, sim.killGrace(), "was cancelled");
      }
      boolean read;
      try {
        read = pump(o, exited);
      } catch (IOException tooMuch) {
        kill(tree, o, Duration.ZERO);
        throw new CommandFailedException(
            CommandFailedException.NO_EXIT_CODE, o.stderr().tail(), tooMuch.getMessage());
      }
      for (Event e = events.poll(); e != null; e = events.poll()) {
        streamed += handle(e, tree, o);
      }
      if (exited) {
        return streamed;
      }
      try {
        // The exit is known at once (the JDK's reaper notifies); bytes written before it are in
        // the files by then, so the last pump reads them all.
        exited = process.waitFor(wait, TimeUnit.NANOSECONDS);
      } catch (InterruptedException ie) {
        CancellationException c =
            cancelled(
                tree, o, sim.killGrace(), ctx.isCancelled() ? "was cancelled" : "was interrupted");
        Thread.currentThread().interrupt();
        throw c;
      }
      wait = read ? MIN_WAIT_NANOS : Math.min(MAX_WAIT_NANOS, wait * 2);
    }
  }

  /**
   * Reads what both files hold now into their line readers (at the end, also a last line without a
   * newline). True when anything was read.
   */
  private boolean pump(Output o, boolean last) throws IOException {
    boolean any = false;
    for (int n; (n = o.stdoutFile().read(chunk)) > 0; ) {
      o.stdout().feed(chunk, n);
      any = true;
    }
    for (int n; (n = o.stderrFile().read(chunk)) > 0; ) {
      o.stderr().feed(chunk, n);
      any = true;
    }
    if (last) {
      o.stdout().end();
    }
    return any;
  }

  /** Acts on one event; returns the amount charged. */
  private double handle(Event e, CommandProcessTree tree, Output o) {
    if (e instanceof Charge c) {
      costLines++;
      double amount = c.amount();
      if (!Double.isFinite(amount) || amount < 0) {
        kill(tree, o, Duration.ZERO);
        throw new IllegalArgumentException(
            "a cost line on stdout must hold a finite number >= 0, got " + amount);
      }
      try {
        ctx.charge(amount, spoolName, costLines);
      } catch (RuntimeException budget) {
        kill(tree, o, Duration.ZERO);
        throw budget;
      }
      return amount;
    }
    if (e instanceof Telemetry t) {
      try {
        telemetry.line(t.point());
      } catch (IllegalArgumentException bad) {
        kill(tree, o, Duration.ZERO);
        throw bad;
      }
      return 0;
    }
    Cancel c = (Cancel) e;
    throw cancelled(tree, o, c.grace(), "was cancelled gracefully");
  }

  private CancellationException cancelled(
      CommandProcessTree tree, Output o, Duration grace, String why) {
    kill(tree, o, grace);
    return new CancellationException(
        "run "
            + ctx.runId()
            + " "
            + why
            + "; its command and every process it"
            + " started were stopped");
  }

  /**
   * Kills the whole tree, reads what the command wrote before it died (charging its cost lines:
   * money spent is spent), and closes the logs.
   */
  private void kill(CommandProcessTree tree, Output o, Duration grace) {
    tree.terminate(grace);
    try {
      pump(o, true);
    } catch (IOException tooMuch) {
      // the run ends anyway; what was read is logged
    }
    for (Event e = events.poll(); e != null; e = events.poll()) {
      if (e instanceof Charge c) {
        chargeAfterKill(c.amount());
      }
    }
    o.stdout().finish(false);
    o.stderr().finish();
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
}
