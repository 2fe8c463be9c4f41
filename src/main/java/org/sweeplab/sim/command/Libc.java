package org.sweeplab.sim.command;

import com.sun.jna.Native;
import com.sun.jna.Platform;

/**
 * The one C library call sweeplab makes: {@code kill(2)} on a process group, on Linux, bound
 * through JNA's direct mapping. When the library cannot be loaded (another system, a temporary
 * folder mounted {@code noexec}, {@code SWEEPLAB_NATIVE=0}), {@link #AVAILABLE} is false and
 * callers start the {@code kill} program instead.
 */
final class Libc {
  static final int SIGKILL = 9;
  static final int SIGTERM = 15;

  /** Whether {@link #killGroup} can be called. */
  static final boolean AVAILABLE = register();

  private Libc() {}

  private static boolean register() {
    if (!Platform.isLinux() || "0".equals(System.getenv("SWEEPLAB_NATIVE"))) {
      return false;
    }
    try {
      Native.register(Libc.class, Platform.C_LIBRARY_NAME);
      return true;
    } catch (Throwable unavailable) { // UnsatisfiedLinkError and friends: fall back to the program
      return false;
    }
  }

  private static native int kill(int pid, int sig);

  /**
   * Sends {@code signal} to every process of group {@code pgid}; an empty group is not an error.
   *
   * @return true when the group had a process to signal
   */
  static boolean killGroup(long pgid, int signal) {
    return kill((int) -pgid, signal) == 0;
  }

  /** Sends {@code signal} to process {@code pid}. */
  static void killProcess(long pid, int signal) {
    if (pid > 1) {
      kill((int) pid, signal);
    }
  }

  /**
   * Waits until group {@code pgid} has no process left, at most {@code nanos}: a killed process
   * leaves its group only once it has exited and been reaped.
   */
  static void awaitGroupGone(long pgid, long nanos) {
    long deadline = System.nanoTime() + nanos;
    long pause = 50_000L;
    while (kill((int) -pgid, 0) == 0 && System.nanoTime() < deadline) {
      java.util.concurrent.locks.LockSupport.parkNanos(pause);
      pause = Math.min(pause * 2, 5_000_000L);
    }
  }
}
