package org.sweeplab.sim.command;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.sweeplab.sim.FreshFiles;

/**
 * A size-capped log file in the run folder ({@code stdout.log} or {@code stderr.log}). The file,
 * and the run folder, are created on the first byte written, so a quiet command leaves no log.
 * Bytes past the cap are counted, not kept; {@link #close()} then appends a {@code …[truncated N
 * bytes]} line. Thread-safe; writes after close are dropped.
 */
final class CommandLog implements AutoCloseable {
  private final Supplier<Path> runDir;
  private final String fileName;
  private final long cap;
  private OutputStream out;
  private long written;
  private long dropped;
  private boolean closed;

  CommandLog(Supplier<Path> runDir, String fileName, long cap) {
    this.runDir = runDir;
    this.fileName = fileName;
    this.cap = cap;
  }

  /** A log that keeps nothing and creates no file. */
  static CommandLog discarding() {
    CommandLog log = new CommandLog(() -> null, "", 0);
    log.closed = true;
    return log;
  }

  /** Appends bytes, keeping at most the cap. */
  synchronized void write(byte[] b, int off, int len) {
    if (closed || len == 0) {
      return;
    }
    long room = cap - written;
    int keep = (int) Math.min(len, Math.max(0, room));
    dropped += len - keep;
    if (keep > 0) {
      try {
        open().write(b, off, keep);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write " + fileName + " in " + runDir.get(), e);
      }
      written += keep;
    }
  }

  /** Appends one line and a newline. */
  void writeLine(byte[] b, int off, int len) {
    synchronized (this) {
      write(b, off, len);
      write(NEWLINE, 0, 1);
    }
  }

  private static final byte[] NEWLINE = {'\n'};

  private OutputStream open() throws IOException {
    if (out == null) {
      Path dir = runDir.get();
      FreshFiles.folder(dir);
      out = new BufferedOutputStream(FreshFiles.create(dir.resolve(fileName)), 8192);
    }
    return out;
  }

  /** The bytes kept so far. */
  synchronized long written() {
    return written;
  }

  /** The bytes dropped past the cap so far. */
  synchronized long dropped() {
    return dropped;
  }

  /** Writes the truncation marker if needed and closes the file; later writes are ignored. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      if (dropped > 0) {
        byte[] marker = ("\n…[truncated " + dropped + " bytes]\n").getBytes(StandardCharsets.UTF_8);
        open().write(marker);
      }
      if (out != null) {
        out.close();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + fileName + " in " + runDir.get(), e);
    }
  }
}
