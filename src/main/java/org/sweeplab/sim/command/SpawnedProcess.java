package org.sweeplab.sim.command;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A command started by {@link PosixSpawn}: a child of sweeplab that no JDK reaper watches. Waiting
 * for it sleeps on its {@link PidFd} until it exits (looking for an interrupt every 20 ms) or,
 * where there is none, polls {@code waitpid(WNOHANG)}, first every 50 µs, then less often (at most
 * every 5 ms). Its stdin, stdout and stderr are files, so its streams here are empty.
 */
final class SpawnedProcess extends Process {
  private final int pid;

  /** Taken when first asked for, while the child is not reaped; null until then. */
  private ProcessHandle handle;

  private int exit = -1;

  /** The child's {@link PidFd} until it is reaped, or -1. */
  private int pidFd;

  SpawnedProcess(int pid) {
    this.pid = pid;
    // Taken while the child cannot have been reaped: the descriptor stays valid (and safe from pid
    // reuse) after it exits.
    this.pidFd = PidFd.open(pid);
  }

  /** True once the child has exited (reaping it the first time). */
  private synchronized boolean exited() {
    if (exit < 0) {
      exit = PosixSpawn.reap(pid);
      if (exit >= 0) {
        PidFd.release(pidFd);
        pidFd = -1;
      }
    }
    return exit >= 0;
  }

  private synchronized int pidFd() {
    return pidFd;
  }

  @Override
  public boolean waitFor(long timeout, TimeUnit unit) throws InterruptedException {
    long deadline = System.nanoTime() + unit.toNanos(timeout);
    long pause = 50_000L;
    while (!exited()) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      int fd = pidFd();
      if (fd >= 0) {
        // Rounded up: a wait of less than a millisecond would not sleep at all.
        PidFd.await(fd, (int) Math.min(20, (left + 999_999L) / 1_000_000L));
      } else {
        LockSupport.parkNanos(this, Math.min(pause, left));
      }
      if (Thread.interrupted()) {
        throw new InterruptedException();
      }
      pause = Math.min(pause * 2, 5_000_000L);
    }
    return true;
  }

  @Override
  public int waitFor() throws InterruptedException {
    while (!waitFor(1, TimeUnit.HOURS)) {
      // keep waiting
    }
    return exitValue();
  }

  @Override
  public int exitValue() {
    if (!exited()) {
      throw new IllegalThreadStateException("process " + pid + " has not exited");
    }
    synchronized (this) {
      return exit;
    }
  }

  @Override
  public boolean isAlive() {
    return !exited();
  }

  @Override
  public void destroy() {
    if (!exited()) {
      Libc.killProcess(pid, Libc.SIGTERM);
    }
  }

  @Override
  public Process destroyForcibly() {
    if (!exited()) {
      Libc.killProcess(pid, Libc.SIGKILL);
    }
    return this;
  }

  @Override
  public long pid() {
    return pid;
  }

  /**
   * The child's handle. Made on the first call (reading {@code /proc}, which most runs never need),
   * when the child is not reaped yet, so its pid cannot be another process's; the handle stays
   * valid after the child exits.
   *
   * @throws UnsupportedOperationException when the child was reaped before the first call
   */
  @Override
  public synchronized ProcessHandle toHandle() {
    if (handle == null && exit < 0) {
      handle = ProcessHandle.of(pid).orElse(null);
    }
    if (handle == null) {
      throw new UnsupportedOperationException("process " + pid + " had ended before it was seen");
    }
    return handle;
  }

  @Override
  public OutputStream getOutputStream() {
    return OutputStream.nullOutputStream();
  }

  @Override
  public InputStream getInputStream() {
    return InputStream.nullInputStream();
  }

  @Override
  public InputStream getErrorStream() {
    return InputStream.nullInputStream();
  }
}
