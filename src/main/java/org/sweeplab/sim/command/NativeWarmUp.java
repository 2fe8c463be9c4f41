package org.sweeplab.sim.command;

import java.lang.invoke.MethodHandles;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Binds the C functions that command runs call ({@link PosixSpawn}, {@link MemoryFile}, {@link
 * PidFd}, {@link Libc}) on a thread of its own, once per JVM, as soon as a command simulation is
 * built. Binding them loads JNA and its native library, about 0.2 s of one core on a cold JVM
 * (docs/benchmarks.md §1); done by the first run, it held up both workers while the second core
 * idled, and done here it overlaps the planning and the opening of the output folder. A worker that
 * reaches a class still being bound waits for it (class initialisation is done once, under a lock),
 * so nothing changes but when the work is done. The thread is a daemon: a command that ends first
 * (e.g. {@code plan}) does not wait for it.
 */
final class NativeWarmUp {
  private static final AtomicBoolean STARTED = new AtomicBoolean();

  private NativeWarmUp() {}

  /** Starts the binding, unless it was started before in this JVM. */
  static void start() {
    if (!STARTED.compareAndSet(false, true)) {
      return;
    }
    Thread t = new Thread(NativeWarmUp::bind, "sweeplab-native");
    t.setDaemon(true);
    t.start();
  }

  private static void bind() {
    // Each initialiser catches its own failures (its AVAILABLE flag stays false).
    MethodHandles.Lookup here = MethodHandles.lookup();
    for (Class<?> c :
        new Class<?>[] {Libc.class, PosixSpawn.class, MemoryFile.class, PidFd.class}) {
      try {
        here.ensureInitialized(c);
      } catch (IllegalAccessException impossible) {
        return; // the classes are in this package
      }
    }
  }
}
