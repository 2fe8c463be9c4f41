package org.sweeplab.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Runs a few tasks on threads of their own and waits for all; the first failure is rethrown.
 * Internal.
 */
final class Parallel {
  private Parallel() {}

  /** One task of a parallel run. */
  @FunctionalInterface
  interface Task {
    void run(int index) throws IOException;
  }

  /**
   * @return the number of threads to use: the available processors
   */
  static int threads() {
    return Runtime.getRuntime().availableProcessors();
  }

  /**
   * Runs {@code task(0) … task(n - 1)}, each on its own thread (task 0 on the calling thread).
   *
   * @throws IOException the first I/O failure of a task
   * @throws InterruptedException when interrupted while waiting
   */
  static void run(int n, Task task) throws IOException, InterruptedException {
    Throwable[] failure = new Throwable[1];
    Thread[] threads = new Thread[n];
    for (int i = 1; i < n; i++) {
      int index = i;
      threads[i] =
          new Thread(
              () -> {
                try {
                  task.run(index);
                } catch (Throwable e) {
                  synchronized (failure) {
                    if (failure[0] == null) {
                      failure[0] = e;
                    }
                  }
                }
              },
              "sweeplab-analysis-" + i);
      threads[i].setDaemon(true);
      threads[i].start();
    }
    try {
      task.run(0);
    } catch (Throwable e) {
      synchronized (failure) {
        if (failure[0] == null) {
          failure[0] = e;
        }
      }
    }
    for (int i = 1; i < n; i++) {
      threads[i].join();
    }
    Throwable f = failure[0];
    if (f instanceof IOException e) {
      throw e;
    } else if (f instanceof RuntimeException e) {
      throw e;
    } else if (f instanceof Error e) {
      throw e;
    } else if (f != null) {
      throw new UncheckedIOException(new IOException(f));
    }
  }

  /** Like {@link #run} for tasks that do no I/O. */
  static void compute(int n, Task task) {
    try {
      run(n, task);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted", e);
    }
  }

  /**
   * @return the task started on a daemon thread of its own
   */
  static <T> java.util.concurrent.CompletableFuture<T> async(java.util.function.Supplier<T> task) {
    java.util.concurrent.CompletableFuture<T> f = new java.util.concurrent.CompletableFuture<>();
    Thread t =
        new Thread(
            () -> {
              try {
                f.complete(task.get());
              } catch (Throwable e) {
                f.completeExceptionally(e);
              }
            },
            "sweeplab-analysis-async");
    t.setDaemon(true);
    t.start();
    return f;
  }

  /**
   * @return the task's result; its exception (or error) rethrown as it was
   */
  static <T> T join(java.util.concurrent.CompletableFuture<T> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted", e);
    } catch (java.util.concurrent.ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof RuntimeException r) {
        throw r;
      }
      if (c instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(c);
    }
  }
}
