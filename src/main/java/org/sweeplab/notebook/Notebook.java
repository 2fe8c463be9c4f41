package org.sweeplab.notebook;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.sweeplab.analysis.Runs;
import org.sweeplab.analysis.RunsReader;
import org.sweeplab.race.Race;
import org.sweeplab.race.RaceBackend;
import org.sweeplab.run.Backend;
import org.sweeplab.sweep.Sweep;
import org.sweeplab.sweep.SweepExecution;
import org.sweeplab.sweep.SweepResult;

/**
 * One-line helpers for notebook cells.
 *
 * <pre>{@code
 * SweepResult r = Notebook.run(Sweep.of(spec, ctx -> Metrics.of("score", ...)));
 * r.table();   // shows as an HTML table
 * }</pre>
 *
 * <p>Running the cell again resumes the sweep when its spec is unchanged (a finished one returns at
 * once) and refuses a changed one with the choices ({@link
 * org.sweeplab.sweep.ExistingOutput#RESUME_IF_UNCHANGED}, the default of {@code Sweep}).
 */
public final class Notebook {

  private Notebook() {}

  /**
   * Runs a sweep with a live progress bar ({@link NotebookProgress}), which replaces any listener
   * the sweep had; a spec with {@code execution.racing} runs as a race ({@link
   * org.sweeplab.race.Race}).
   *
   * <p>An interrupt of the calling thread (the kernel's interrupt button) stops the sweep as Ctrl-C
   * stops {@code sweeplab run}: no new runs start, the runs in flight have the spec's {@code
   * execution.interrupt_grace} to finish and are then cancelled, and the folder is written, so that
   * it resumes. A second interrupt within the grace does not shorten it (the kernel interrupts
   * twice for one press of its button). The sweep, and the stopping of it, run on threads of their
   * own, so that no interrupt reaches the journal and results writers (an interrupted thread cannot
   * write through a file channel).
   *
   * @return the sweep's result (for a race, as {@code sweeplab run} races a spec with
   *     execution.racing: its counts over the runs the race needs)
   * @throws SweepInterruptedException when interrupted: "sweep interrupted: N of M runs done;
   *     resume with …"
   */
  public static SweepResult run(Sweep sweep) {
    Sweep withProgress = sweep.listener(NotebookProgress.create());
    java.util.function.Supplier<SweepResult> task;
    java.util.function.Consumer<Backend.StopMode> stop;
    if (Race.isRace(sweep.spec())) {
      RaceBackend backend = RaceBackend.wrap(sweep.backend());
      task = () -> Race.of(withProgress).run(backend).sweep();
      stop = backend::stop;
    } else {
      SweepExecution execution = withProgress.start();
      task = execution::await;
      stop = execution::stop;
    }
    CompletableFuture<SweepResult> result = new CompletableFuture<>();
    Thread runner =
        new Thread(
            () -> {
              try {
                result.complete(task.get());
              } catch (Throwable e) {
                result.completeExceptionally(e);
              }
            },
            "sweeplab-notebook-sweep");
    runner.setDaemon(true);
    runner.start();
    try {
      return unwrap(result::get);
    } catch (InterruptedException e) {
      // One press of the kernel's interrupt button interrupts this thread twice (the cell's future
      // is cancelled, then the kernel's executor is shut down half a second later): the grace ends
      // on the clock, not on a second interrupt, and the stops run on a thread of their own, where
      // no interrupt cuts off the journal lines of cancelled runs.
      onOwnThread(() -> stop.accept(Backend.StopMode.FINISH));
      long deadline = System.nanoTime() + sweep.spec().execution().interruptGrace().toNanos();
      awaitUninterruptibly(result, deadline);
      if (!result.isDone()) {
        onOwnThread(() -> stop.accept(Backend.StopMode.CANCEL));
      }
      SweepResult stopped;
      try {
        stopped = result.join();
      } catch (java.util.concurrent.CompletionException failed) {
        throw failed.getCause() instanceof RuntimeException r ? r : failed;
      }
      Thread.currentThread().interrupt();
      throw new SweepInterruptedException(stopped, sweep.spec().simulation());
    }
  }

  /** Waits for the result until the deadline, whatever interrupts arrive meanwhile. */
  private static void awaitUninterruptibly(CompletableFuture<?> result, long deadline) {
    long left;
    while (!result.isDone() && (left = deadline - System.nanoTime()) > 0) {
      try {
        result.get(left, TimeUnit.NANOSECONDS);
      } catch (InterruptedException again) {
        // keep waiting: see the caller
      } catch (TimeoutException
          | ExecutionException
          | java.util.concurrent.CancellationException ended) {
        return;
      }
    }
  }

  /**
   * Runs the action on a new thread and waits for it to end, whatever interrupts arrive (the caller
   * sets its interrupt status again when it is done waiting).
   */
  private static void onOwnThread(Runnable action) {
    Thread t = new Thread(action, "sweeplab-notebook-stop");
    t.setDaemon(true);
    t.start();
    while (t.isAlive()) {
      try {
        t.join();
      } catch (InterruptedException again) {
        // keep waiting: see the caller
      }
    }
  }

  private interface Get<T> {
    T get() throws InterruptedException, ExecutionException;
  }

  /** The value, or the sweep's own exception rather than its wrapper. */
  private static <T> T unwrap(Get<T> get) throws InterruptedException {
    try {
      return get.get();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(cause);
    }
  }

  /**
   * Reads the runs of a sweep folder or any results CSV ({@link Runs#read(Path)}); a file of more
   * than 64 MB shows a live bar of the megabytes read, with the time taken and left.
   *
   * @return the runs
   */
  public static Runs read(Path path) {
    ProgressBar display =
        ProgressBar.withDefaults().withTitle("reading " + path.getFileName() + " (MB)");
    long start = System.nanoTime();
    return RunsReader.withDefaults()
        .withProgress(
            (file, read, total, done) -> {
              Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
              Duration eta =
                  read == 0
                      ? null
                      : Duration.ofNanos((long) (elapsed.toNanos() * ((double) total / read - 1)));
              display.update(
                  read >> 20,
                  total >> 20,
                  read >> 20,
                  0,
                  elapsed,
                  done ? Duration.ZERO : eta,
                  Double.NaN);
            })
        .read(path);
  }
}
