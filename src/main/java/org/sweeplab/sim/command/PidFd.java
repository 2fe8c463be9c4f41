package org.sweeplab.sim.command;

import com.sun.jna.Native;
import com.sun.jna.Platform;
import java.nio.ByteOrder;

/**
 * A descriptor that becomes readable when a child process exits ({@code pidfd_open(2)}, Linux 5.3
 * and glibc 2.36 or later): {@link SpawnedProcess} sleeps in {@code poll(2)} on it until the exit
 * or a timeout, where it would otherwise wake every few hundred microseconds to ask {@code
 * waitpid}. Each of those wake-ups was a timer interrupt on a core that a command was running on.
 * When the functions cannot be bound, {@link #AVAILABLE} is false and waiting polls.
 */
final class PidFd {
  private static final short POLLIN = 1;

  /** Whether {@link #open} can be called. */
  static final boolean AVAILABLE = register();

  private PidFd() {}

  private static boolean register() {
    // poll's struct pollfd is passed as {fd, events | revents << 16}: little-endian only.
    if (!Platform.isLinux()
        || ByteOrder.nativeOrder() != ByteOrder.LITTLE_ENDIAN
        || "0".equals(System.getenv("SWEEPLAB_NATIVE"))) {
      return false;
    }
    try {
      Native.register(PidFd.class, Platform.C_LIBRARY_NAME);
      return true;
    } catch (Throwable unavailable) { // an older C library: waiting polls waitpid
      return false;
    }
  }

  private static native int pidfd_open(int pid, int flags);

  private static native int poll(int[] fds, long count, int timeoutMillis);

  private static native int close(int fd);

  /** A descriptor for child {@code pid}, or -1 when none can be had (waiting then polls). */
  static int open(int pid) {
    return AVAILABLE ? pidfd_open(pid, 0) : -1;
  }

  /**
   * Waits until the process of {@code fd} has exited or {@code millis} have passed (an interrupt
   * does not end the wait; keep {@code millis} short).
   */
  static void await(int fd, int millis) {
    poll(new int[] {fd, POLLIN}, 1, millis);
  }

  /** Closes {@code fd} unless it is -1. */
  static void release(int fd) {
    if (fd >= 0) {
      close(fd);
    }
  }
}
