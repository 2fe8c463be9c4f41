package org.rapaio.jupyter.kernel.core.java;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import jdk.jshell.execution.DirectExecutionControl;
import jdk.jshell.spi.SPIResolutionException;

/**
 * sweeplab's replacement for {@code RapaioExecutionControl} of rapaio-jupyter-kernel 3.0.1, written
 * for sweeplab and loaded ahead of the original from the kernel-fix jar. Same constructor,
 * constants and public methods.
 *
 * <p>The defect it fixes: on an interrupt the original cancelled the cell's future, so the kernel
 * reported "Execution interrupted." at once while the cell's thread went on (a sweep still stopping
 * its runs and writing its folder), and whatever the cell then printed or threw was lost. Here an
 * interrupt interrupts the cell's thread and waits for the cell to end by itself, for at most
 * {@link #INTERRUPT_WAIT_MILLIS} (system property {@code sweeplab.kernel.interruptWaitMillis},
 * default 60 s): a cell that ends reports its own outcome (a sweep's "sweep interrupted: …"
 * message); only a cell that ignores the interrupt is abandoned as before.
 */
public class RapaioExecutionControl extends DirectExecutionControl {

  public static final String TIMEOUT_MARKER = "## Timeout Marker ##";
  public static final String INTERRUPTED_MARKER = "## Interrupted Marker ##";

  /** How long an interrupted cell may take to end by itself. */
  static final long INTERRUPT_WAIT_MILLIS =
      Long.getLong("sweeplab.kernel.interruptWaitMillis", 60_000L);

  private static final long POLL_MILLIS = 100;
  private static final AtomicInteger ID = new AtomicInteger(0);

  /**
   * A cell being executed: its task, the thread running it, and when it was interrupted (0: not
   * yet).
   */
  private static final class Running {
    private final FutureTask<Object> task;
    private volatile Thread thread;
    private volatile long interruptedAt;

    private Running(FutureTask<Object> task) {
      this.task = task;
    }

    private synchronized void interrupt() {
      if (interruptedAt == 0) {
        interruptedAt = System.nanoTime();
      }
      Thread t = thread;
      if (t != null) {
        t.interrupt();
      }
    }
  }

  private final ExecutorService executor;
  private final long timeoutTime;
  private final ConcurrentMap<String, Running> running = new ConcurrentHashMap<>();
  private final Map<String, Object> results = new ConcurrentHashMap<>();

  public RapaioExecutionControl(long timeoutTime) {
    this.timeoutTime = timeoutTime;
    this.executor =
        Executors.newCachedThreadPool(r -> new Thread(r, "Engine-thread-" + ID.getAndIncrement()));
  }

  public long getTimeout() {
    return timeoutTime;
  }

  public Object takeResult(String key) {
    Object result = results.remove(key);
    if (result == null) {
      throw new IllegalStateException("No result with key: " + key);
    }
    return result;
  }

  @Override
  protected String invoke(Method methodCall) throws Exception {
    String id = UUID.randomUUID().toString();
    Object value = execute(id, methodCall);
    results.put(id, value);
    return id;
  }

  private Object execute(String id, Method methodCall) throws Exception {
    Running r = new Running(new FutureTask<>(() -> methodCall.invoke(null)));
    running.put(id, r);
    long start = System.nanoTime();
    try {
      executor.execute(
          () -> {
            r.thread = Thread.currentThread();
            try {
              if (r.interruptedAt == 0) {
                r.task.run();
              } else {
                r.task.cancel(false);
              }
            } finally {
              synchronized (r) {
                r.thread = null;
              }
              Thread
                  .interrupted(); // the pooled thread must not carry the interrupt to the next cell
            }
          });
      while (true) {
        try {
          return r.task.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
          long now = System.nanoTime();
          if (timeoutTime > 0 && now - start > TimeUnit.MILLISECONDS.toNanos(timeoutTime)) {
            r.task.cancel(true);
            throw new UserException("Execution timed out", TIMEOUT_MARKER, e.getStackTrace());
          }
          long interrupted = r.interruptedAt;
          if (interrupted != 0
              && now - interrupted > TimeUnit.MILLISECONDS.toNanos(INTERRUPT_WAIT_MILLIS)) {
            r.task.cancel(true);
            throw new UserException(
                "Execution interrupted.", INTERRUPTED_MARKER, e.getStackTrace());
          }
        }
      }
    } catch (CancellationException e) {
      if (executor.isShutdown()) {
        throw new StoppedException();
      }
      throw new UserException("Execution interrupted.", INTERRUPTED_MARKER, e.getStackTrace());
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof InvocationTargetException) {
        cause = cause.getCause();
      }
      if (cause == null) {
        throw new UserException("null", "Unknown Invocation Exception", e.getStackTrace());
      } else if (cause instanceof SPIResolutionException spiResCause) {
        throw new ResolutionException(spiResCause.id(), cause.getStackTrace());
      } else {
        throw new UserException(
            cause.getMessage(), cause.getClass().getName(), cause.getStackTrace());
      }
    } finally {
      running.remove(id, r);
    }
  }

  /**
   * Interrupts the running cells; each then has {@link #INTERRUPT_WAIT_MILLIS} to end by itself.
   */
  public void interrupt() {
    running.values().forEach(Running::interrupt);
  }

  /**
   * JShell's "stop the running invocation" (what {@code JShell.stop()} calls, and the kernel calls
   * it on an interrupt): the same as {@link #interrupt()}. The original shut its executor down
   * here, which cancelled the cell at once, before it could end by itself.
   */
  @Override
  public void stop() {
    interrupt();
  }

  /** Ends the executor when JShell closes; a cell still running then is cancelled. */
  @Override
  public void close() {
    running.values().forEach(r -> r.task.cancel(true));
    executor.shutdown();
    try {
      if (!executor.awaitTermination(500, TimeUnit.MILLISECONDS)) {
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
    super.close();
  }
}
