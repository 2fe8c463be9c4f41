package org.sweeplab.sim.command;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;

/**
 * Reads a {@link Spool} as the command writes it: at the end of the file, waits for more bytes
 * (looking again every {@link #POLL_NANOS}, or at once when told the command exited), and ends only
 * after {@link #writerDone()} and one last read that finds nothing new. A command that writes more
 * than {@link #MAX_BYTES} to stdout fails the read (the spool is a disk file: it must not fill the
 * disk).
 */
final class SpoolTail extends InputStream {
  /** How long a read waits at the end of the file before it looks again. */
  static final long POLL_NANOS = 5_000_000L;

  /** The most a command may write to stdout in one attempt: 1 GiB. */
  static final long MAX_BYTES = 1L << 30;

  private final InputStream in;
  private final long maxBytes;
  private volatile boolean writerDone;
  private volatile Thread reader;
  private long total;

  SpoolTail(Path spool) throws IOException {
    this(spool, MAX_BYTES);
  }

  /** A tail that fails past {@code maxBytes} (tests use a small limit). */
  SpoolTail(Path spool, long maxBytes) throws IOException {
    this.in = Files.newInputStream(spool, LinkOption.NOFOLLOW_LINKS);
    this.maxBytes = maxBytes;
  }

  /** The command exited: the bytes in the file are all there will be. Callable from any thread. */
  void writerDone() {
    writerDone = true;
    Thread t = reader;
    if (t != null) {
      LockSupport.unpark(t);
    }
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    reader = Thread.currentThread();
    while (true) {
      // Looked at before reading: bytes written before the exit are in the file by then.
      boolean done = writerDone;
      int n = in.read(b, off, len);
      if (n > 0) {
        total += n;
        if (total > maxBytes) {
          throw new IOException(
              String.format(
                  Locale.ROOT,
                  "the command wrote more than %,d bytes to stdout; write large output to a file"
                      + " in the run folder instead",
                  maxBytes));
        }
        return n;
      }
      if (done) {
        return -1;
      }
      LockSupport.parkNanos(this, POLL_NANOS);
      if (Thread.interrupted()) {
        throw new InterruptedIOException("reading the stdout spool was interrupted");
      }
    }
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
