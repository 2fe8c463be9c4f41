package org.sweeplab.run;

import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * An {@link ExecutionHandle} whose work runs on the thread that calls {@link #await()}. The work
 * {@linkplain #attach attaches} its running state as soon as it exists; a stop asked before that is
 * kept and handed over then, so a stop before the start is never lost and never poisons the backend
 * (the next execution is a new handle).
 */
public final class CallerRunsExecution implements ExecutionHandle {
  /** What an execution does once awaited. */
  @FunctionalInterface
  public interface Work {
    /** Runs every run; calls {@link CallerRunsExecution#attach} first. */
    Progress run(CallerRunsExecution handle);
  }

  private final Work work;
  private final long total;
  private final Object stopLock = new Object();
  private final Object runLock = new Object();
  private Consumer<Backend.StopMode> stopper;
  private Supplier<Progress> live;
  private Backend.StopMode pending;
  private boolean ended;
  private volatile Progress result;
  private RuntimeException failure;

  private CallerRunsExecution(long total, Work work) {
    this.total = total;
    this.work = Objects.requireNonNull(work, "work");
  }

  /** An execution of {@code total} runs that {@code work} does when awaited. */
  public static CallerRunsExecution of(long total, Work work) {
    return new CallerRunsExecution(total, work);
  }

  /**
   * Called by the work when its running state exists: from now on {@link #stop} goes to {@code
   * stop} and {@link #progress()} to {@code progress}. A stop asked earlier is applied at once.
   */
  public void attach(Consumer<Backend.StopMode> stop, Supplier<Progress> progress) {
    Backend.StopMode early;
    synchronized (stopLock) {
      stopper = Objects.requireNonNull(stop, "stop");
      live = Objects.requireNonNull(progress, "progress");
      early = pending;
    }
    if (early != null) {
      stop.accept(early);
    }
  }

  @Override
  public void stop(Backend.StopMode mode) {
    Objects.requireNonNull(mode, "mode");
    Consumer<Backend.StopMode> s;
    synchronized (stopLock) {
      if (ended) {
        return;
      }
      s = stopper;
      if (s == null) {
        pending = pending == Backend.StopMode.CANCEL ? pending : mode;
        return;
      }
    }
    s.accept(mode);
  }

  @Override
  public Progress await() {
    synchronized (runLock) {
      if (result == null && failure == null) {
        try {
          result = work.run(this);
        } catch (RuntimeException e) {
          failure = e;
        } finally {
          synchronized (stopLock) {
            ended = true;
          }
        }
      }
      if (failure != null) {
        throw failure;
      }
      return result;
    }
  }

  @Override
  public Progress progress() {
    Supplier<Progress> p;
    synchronized (stopLock) {
      p = live;
    }
    Progress done = result;
    return done != null ? done : p != null ? p.get() : Progress.none(total);
  }
}
