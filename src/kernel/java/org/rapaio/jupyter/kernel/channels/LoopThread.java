package org.rapaio.jupyter.kernel.channels;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * sweeplab's replacement for {@code LoopThread} of rapaio-jupyter-kernel 3.0.1, written for
 * sweeplab.
 *
 * <p>The kernelspec that sweeplab installs puts this class ahead of the kernel jar on the JVM class
 * path, so the kernel's channels (shell, control, heartbeat) load it instead of the original. It
 * keeps the original's constructor and methods, and fixes two defects of the original:
 *
 * <ul>
 *   <li><b>Start-up race.</b> The original calls {@code Thread.start()} before it sets its running
 *       flag; a thread scheduled at once sees the flag still false and its loop exits, so the
 *       channel never answers and the client reports "Kernel didn't respond". Here the flag is set
 *       before the thread starts.
 *   <li><b>An {@link Error} in a loop body</b> (for example one thrown by a magic) ended the thread
 *       and so the channel. Here it is logged and the loop goes on; only a {@link
 *       VirtualMachineError} other than a {@link StackOverflowError} still ends it.
 * </ul>
 */
public final class LoopThread extends Thread {

  private static final Logger LOGGER = Logger.getLogger(LoopThread.class.getName());

  private volatile boolean running;
  private final long sleep;
  private final Runnable loopBody;
  private final boolean control;

  /**
   * @param name the thread's name
   * @param sleep milliseconds to sleep between two runs of the body
   * @param loopBody the body, run until {@link #shutdown()} or an interrupt
   */
  public LoopThread(String name, long sleep, Runnable loopBody) {
    super(name);
    this.sleep = sleep;
    this.loopBody = loopBody;
    // By name: the kernel's ControlChannel need not be loadable where this class is (a test loads
    // it alone).
    this.control =
        StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE)
            .getCallerClass()
            .getName()
            .equals("org.rapaio.jupyter.kernel.channels.ControlChannel");
  }

  /**
   * Whether the calling thread is the control channel's loop (the one created by {@link
   * ControlChannel}).
   */
  static boolean isControlLoop() {
    return Thread.currentThread() instanceof LoopThread t && t.control;
  }

  @Override
  public void run() {
    while (running) {
      try {
        loopBody.run();
      } catch (VirtualMachineError e) {
        if (!(e instanceof StackOverflowError)) {
          running = false;
          throw e;
        }
        LOGGER.log(Level.SEVERE, getName() + ": loop body failed; the loop goes on", e);
      } catch (RuntimeException | Error e) {
        LOGGER.log(Level.SEVERE, getName() + ": loop body failed; the loop goes on", e);
      }
      try {
        Thread.sleep(sleep);
      } catch (InterruptedException e) {
        running = false;
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Sets the running flag, then starts the thread: the loop cannot see a stale flag. */
  @Override
  public synchronized void start() {
    running = true;
    super.start();
  }

  /** Asks the loop to stop after the current run of its body. */
  public void shutdown() {
    running = false;
  }
}
