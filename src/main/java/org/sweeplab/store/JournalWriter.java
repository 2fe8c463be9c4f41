package org.sweeplab.store;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Appends journal lines with group commit: a line is handed to the operating system as soon as no other write is in
 * progress, and lines that arrive during a write go out together in the next one. So a killed process (even
 * {@code kill -9}) loses at most the runs that were finishing at that instant, while a fast sweep still writes in
 * large blocks.
 */
final class JournalWriter implements Closeable {
  private final FileChannel channel;
  private byte[] pending = new byte[1 << 16];
  private byte[] spare = new byte[1 << 16];
  private int pendingLength;
  private boolean flushing;
  private IOException failure;
  private long lines;

  private JournalWriter(FileChannel channel) {
    this.channel = channel;
  }

  /** Opens the journal for appending after {@code validLength} bytes (a torn tail beyond it is cut off). */
  static JournalWriter open(Path file, long validLength) throws IOException {
    FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    if (ch.size() > validLength) {
      ch.truncate(validLength);
    }
    ch.position(validLength);
    return new JournalWriter(ch);
  }

  /** Appends one complete line (ending in a newline). Thread-safe. */
  void append(byte[] line) throws IOException {
    synchronized (this) {
      if (failure != null) {
        throw failure;
      }
      if (pendingLength + line.length > pending.length) {
        byte[] bigger = new byte[Math.max(pending.length * 2, pendingLength + line.length)];
        System.arraycopy(pending, 0, bigger, 0, pendingLength);
        pending = bigger;
      }
      System.arraycopy(line, 0, pending, pendingLength, line.length);
      pendingLength += line.length;
      lines++;
      if (flushing) {
        return;
      }
      flushing = true;
    }
    drain();
  }

  /** Writes pending bytes until none are left; only the thread that set {@code flushing} calls it. */
  private void drain() throws IOException {
    while (true) {
      byte[] buf;
      int len;
      synchronized (this) {
        if (pendingLength == 0 || failure != null) {
          flushing = false;
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
      }
      try {
        ByteBuffer bb = ByteBuffer.wrap(buf, 0, len);
        while (bb.hasRemaining()) {
          channel.write(bb);
        }
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

  /** Lines appended through this writer. */
  synchronized long lines() {
    return lines;
  }

  @Override
  public void close() throws IOException {
    synchronized (this) {
      while (flushing) {
        try {
          wait();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
      flushing = true;
    }
    try {
      drain();
      channel.force(false);
    } finally {
      channel.close();
    }
  }
}
