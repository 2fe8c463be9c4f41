package org.sweeplab.sim.command;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A command started by {@link PosixSpawn}: a child of sweeplab that no JDK reaper watches, so
 * waiting for it polls {@code waitpid(WNOHANG)}, first every 50 µs, then less often (at most every
 * 5 ms). Its stdin, stdout and stderr are files, so its streams here are empty.
 */
final class SpawnedProcess extends Process {
  private final int pid;
  private final ProcessHandle handle;
  private int exit = -1;

  SpawnedProcess(int pid) {
    this.pid = pid;
    // Taken while the child cannot have been reaped: the handle stays valid (and safe from pid
    // reuse) after it exits.
    this.handle = ProcessHandle.of(pid).orElse(null);
  }

  /** True once the child has exited (reaping it the first time). */
  private synchronized boolean exited() {
    if (exit < 0) {
      exit = PosixSpawn.reap(pid);
    }
    return exit >= 0;
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
      LockSupport.parkNanos(this, Math.min(pause, left));
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

  @Override
  public ProcessHandle toHandle() {
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
