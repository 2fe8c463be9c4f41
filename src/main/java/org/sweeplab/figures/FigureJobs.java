package org.sweeplab.figures;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Draws independent figures on the machine's cores: each figure of a report reads the runs on its
 * own (a box plot, the level statistics of the main effects), so on a large input they take seconds
 * each and gain from running side by side. Internal.
 */
final class FigureJobs {
  private FigureJobs() {}

  /**
   * Applies {@code work} to every job, on up to as many threads as there are processors (the
   * calling thread is one of them), jobs taken in order.
   *
   * @return the results, in the order of the jobs
   * @throws RuntimeException the first failure of a job, as it was thrown (an Error as well)
   */
  static <T, R> List<R> run(List<T> jobs, Function<T, R> work) {
    int threads = Math.min(jobs.size(), Runtime.getRuntime().availableProcessors());
    Object[] results = new Object[jobs.size()];
    Throwable[] failure = new Throwable[1];
    AtomicInteger next = new AtomicInteger();
    Runnable worker =
        () -> {
          for (int i = next.getAndIncrement(); i < jobs.size(); i = next.getAndIncrement()) {
            try {
              results[i] = work.apply(jobs.get(i));
            } catch (Throwable e) {
              synchronized (failure) {
                if (failure[0] == null) {
                  failure[0] = e;
                }
              }
              next.set(jobs.size()); // no new job once one failed
            }
          }
        };
    List<Thread> started = new ArrayList<>();
    for (int t = 1; t < threads; t++) {
      Thread th = new Thread(worker, "sweeplab-figures-" + t);
      th.setDaemon(true);
      th.start();
      started.add(th);
    }
    worker.run();
    boolean interrupted = false;
    for (Thread th : started) {
      while (true) {
        try {
          th.join();
          break;
        } catch (InterruptedException e) {
          interrupted = true; // the figures are few and short: finish them, then say so
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    Throwable f;
    synchronized (failure) {
      f = failure[0];
    }
    if (f instanceof RuntimeException e) {
      throw e;
    }
    if (f instanceof Error e) {
      throw e;
    }
    if (f != null) {
      throw new IllegalStateException(f);
    }
    @SuppressWarnings("unchecked")
    List<R> out = (List<R>) Arrays.asList(results);
    return out;
  }
}
