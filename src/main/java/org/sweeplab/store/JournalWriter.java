package org.sweeplab.store;

import java.io.Closeable;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.concurrent.locks.LockSupport;

/**
 * Appends journal lines. A line reaches the operating system at once when the journal has been idle
 * for {@link #WINDOW_NANOS}; when lines arrive faster, they are grouped and a flusher thread writes
 * them within that window. So a killed process (even {@code kill -9}) loses at most the runs in
 * flight and those that finished in the last millisecond, while a sweep of a million tiny runs
 * writes in large blocks instead of a million system calls.
 *
 * <p>The journal is opened by {@link AppendFile}, as a plain file: the threads that append here are
 * interrupted when a sweep is cancelled (a notebook kernel's interrupt button interrupts the cell's
 * thread twice, the second time while cancelled runs are being journalled).
 */
final class JournalWriter implements Closeable {
  /** The longest a finished run's line waits before it is written. */
  static final long WINDOW_NANOS = 1_000_000L;

  /** The flusher's longest sleep when no line is waiting. */
  private static final long IDLE_NANOS = 10_000_000L;

  private final RandomAccessFile file;
  private final Thread flusher;
  private byte[] pending = new byte[1 << 16];
  private byte[] spare = new byte[1 << 16];
  private int pendingLength;
  private boolean writing;
  private boolean closed;
  private long lastWrite;
  private IOException failure;
  private long lines;
  private volatile boolean flusherIdle;
  private long lastAppend = System.nanoTime() - IDLE_NANOS;

  private JournalWriter(RandomAccessFile file) {
    this.file = file;
    this.flusher = new Thread(this::flushLoop, "sweeplab-journal");
    this.flusher.setDaemon(true);
    this.flusher.start();
  }

  /**
   * Opens the journal for appending after {@code validLength} bytes (a torn tail beyond it is cut
   * off).
   */
  static JournalWriter open(Path file, long validLength) throws IOException {
    return new JournalWriter(AppendFile.open(file, existing -> validLength));
  }

  /**
   * Appends one complete line (its last byte a newline): {@code length} bytes of {@code line}.
   * Thread-safe.
   */
  void append(byte[] line, int length) throws IOException {
    synchronized (this) {
      if (failure != null) {
        throw failure;
      }
      if (closed) {
        throw new IOException("the journal is closed");
      }
      if (pendingLength + length > pending.length) {
        byte[] bigger = new byte[Math.max(pending.length * 2, pendingLength + length)];
        System.arraycopy(pending, 0, bigger, 0, pendingLength);
        pending = bigger;
      }
      System.arraycopy(line, 0, pending, pendingLength, length);
      pendingLength += length;
      lines++;
      long now = System.nanoTime();
      lastAppend = now;
      if (writing || now - lastWrite < WINDOW_NANOS) {
        if (flusherIdle) {
          LockSupport.unpark(flusher); // the flusher takes it within the window
        }
        return;
      }
      writing = true;
    }
    drain();
  }

  /**
   * Writes pending bytes until none are left; only the thread that set {@code writing} calls it.
   */
  private void drain() throws IOException {
    while (true) {
      byte[] buf;
      int len;
      synchronized (this) {
        if (pendingLength == 0 || failure != null) {
          writing = false;
          notifyAll();
          if (failure != null) {
            throw failure;
          }
          return;
        }
        buf = pending;
        len = pendingLength;
        pending = spare;
        pendingLength = 0;
        lastWrite = System.nanoTime();
      }
      try {
        file.write(buf, 0, len);
      } catch (IOException e) {
        synchronized (this) {
          failure = new IOException("Cannot write the journal: " + e.getMessage(), e);
        }
      }
      synchronized (this) {
        spare = buf;
      }
    }
  }

  private void flushLoop() {
    while (true) {
      boolean active;
      synchronized (this) {
        // Lines waiting, or lines coming faster than the window: let more gather for half the
        // window, then write them. Otherwise sleep until an append leaves a line behind (or a
        // while passes). Staying awake while lines keep coming spares the appenders a wake-up call
        // per window; sleeping when they come slower (a sweep of commands: a line every few
        // milliseconds, each written by its appender) spares the cores, where the commands run, a
        // timer interrupt every half window.
        active = pendingLength > 0 || closed || System.nanoTime() - lastAppend < WINDOW_NANOS;
        flusherIdle = !active;
      }
      LockSupport.parkNanos(active ? WINDOW_NANOS / 2 : IDLE_NANOS);
      flusherIdle = false;
      synchronized (this) {
        if (closed) {
          return;
        }
        if (writing || pendingLength == 0) {
          continue;
        }
        writing = true;
      }
      try {
        drain();
      } catch (IOException e) {
        return; // kept in failure; the next append reports it
      }
    }
  }

  /** Lines appended through this writer. */
  synchronized long lines() {
    return lines;
  }

  @Override
  public void close() throws IOException {
    synchronized (this) {
      while (writing) {
        try {
          wait();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
      closed = true;
      writing = true;
    }
    try {
      drain();
      file.getFD().sync();
    } finally {
      file.close();
      LockSupport.unpark(flusher);
    }
  }
}
