package org.sweeplab.spark;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerApplicationEnd;
import org.apache.spark.scheduler.SparkListenerExecutorAdded;
import org.apache.spark.scheduler.SparkListenerExecutorRemoved;

/**
 * Whether the Spark context an execution runs in can still run jobs, and why not. A context stops
 * under the driver when the cluster manager ends the application (a standalone master removes it
 * after its executors failed to start ten times, YARN kills it, ...): Spark then stops the context
 * from one of its own threads, and a job submitted in that moment may wait forever. So the driver
 * never waits on Spark without asking {@link #alive()} at least every fraction of a second.
 *
 * <p>The reason is Spark's own: the first job failure that names one (e.g. "Master removed our
 * application: FAILED"), else the last executor loss, else whether any executor ever started. Spark
 * hands the driver's code no reason when the application ends before a job was submitted; its log
 * says it then ("Application has been killed. Reason: ...").
 */
final class ContextWatch extends SparkListener {
  /** How often a waiting driver looks at the context. */
  static final Duration POLL = Duration.ofMillis(200);

  /**
   * Spark's wording of job failures that only say that the context is gone, not why; the last is a
   * job whose submission Spark's own shutdown interrupted ("Task serialization failed:
   * java.lang.InterruptedException", seen once in 5 CI rehearsals ahead of the real reason).
   */
  private static final String[] NO_REASON = {
    "stopped SparkContext",
    "SparkContext was shut down",
    "SparkContext has been shutdown",
    "the Spark context is stopped",
    "java.lang.InterruptedException"
  };

  private final JavaSparkContext sc;
  private final AtomicReference<String> reason = new AtomicReference<>();
  private final AtomicInteger executorsAdded = new AtomicInteger();
  private volatile boolean ended;
  private volatile String lastExecutorLoss;
  private volatile boolean registered;

  private ContextWatch(JavaSparkContext sc) {
    this.sc = sc;
  }

  /** Watches {@code sc}: listens to its application and executor events from now on. */
  static ContextWatch on(JavaSparkContext sc) {
    ContextWatch w = new ContextWatch(sc);
    try {
      if (sc.sc().statusTracker().getExecutorInfos().length > 1) { // the driver is listed too
        w.executorsAdded.incrementAndGet();
      }
      sc.sc().addSparkListener(w);
      w.registered = true;
    } catch (RuntimeException e) {
      // A context that is already stopped refuses listeners; alive() says so.
    }
    return w;
  }

  /** True while the context can run jobs: not stopped, its application not ended. */
  boolean alive() {
    return !ended && !sc.sc().isStopped();
  }

  /**
   * Whether a job failure was the context going away: Spark aborts the jobs of an ended application
   * first and stops the context right after, from another thread, so this waits up to {@code
   * settle} for the stop.
   */
  boolean lostWith(Throwable failure, Duration settle) {
    long deadline = System.nanoTime() + settle.toNanos();
    while (alive() && System.nanoTime() < deadline) {
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    if (alive()) {
      return false;
    }
    note(failure);
    return true;
  }

  /** Keeps the first failure message that says why the application ended. */
  void note(Throwable failure) {
    String m = firstLine(failure);
    for (String s : NO_REASON) {
      if (m.contains(s)) {
        return;
      }
    }
    reason.compareAndSet(null, m.replaceFirst("^Job aborted due to stage failure: ", ""));
  }

  /** Spark's reason the context stopped, as far as the driver was told. */
  String reason() {
    String r = reason.get();
    if (r != null) {
      return r;
    }
    String loss = lastExecutorLoss;
    if (loss != null) {
      return "Spark stopped the context; the last executor lost: " + loss;
    }
    if (executorsAdded.get() == 0) {
      return "Spark stopped the context and no executor ever started: the cluster could not launch one (a"
          + " standalone worker needs SPARK_HOME; see the worker's log and Spark's 'Application has been killed'"
          + " line above)";
    }
    return "Spark stopped the context without telling the driver why; see Spark's log above";
  }

  /** Stops listening (a stopped context needs nothing). */
  void close() {
    if (registered && !sc.sc().isStopped()) {
      try {
        sc.sc().removeSparkListener(this);
      } catch (RuntimeException e) {
        // Stopped meanwhile: its listener bus is gone with it.
      }
    }
  }

  @Override
  public void onApplicationEnd(SparkListenerApplicationEnd end) {
    ended = true;
  }

  @Override
  public void onExecutorAdded(SparkListenerExecutorAdded added) {
    executorsAdded.incrementAndGet();
  }

  @Override
  public void onExecutorRemoved(SparkListenerExecutorRemoved removed) {
    lastExecutorLoss = "executor " + removed.executorId() + ": " + removed.reason();
  }

  static String firstLine(Throwable t) {
    String m = t.getMessage() == null ? t.toString() : t.getMessage();
    int nl = m.indexOf('\n');
    return (nl > 0 ? m.substring(0, nl) : m).strip();
  }
}
