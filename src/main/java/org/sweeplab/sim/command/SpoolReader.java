package org.sweeplab.sim.command;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads a file a running command writes to ({@link Spool}): each {@link #read} returns what the
 * file holds beyond what was read before, 0 when nothing new is there, without waiting. A command
 * that writes more than {@link #MAX_BYTES} to one stream fails the read (the file is on disk: it
 * must not fill the disk).
 */
final class SpoolReader implements Closeable {
  /** The most a command may write to stdout, or to stderr, in one attempt: 1 GiB. */
  static final long MAX_BYTES = 1L << 30;

  private final InputStream in;
  private final String stream;
  private final long maxBytes;
  private long total;

  SpoolReader(Path file, String stream) throws IOException {
    this(file, stream, MAX_BYTES);
  }

  /** A reader that fails past {@code maxBytes} (tests use a small limit). */
  SpoolReader(Path file, String stream, long maxBytes) throws IOException {
    this(Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS), stream, maxBytes);
  }

  /**
   * A reader of a stream that returns what is new at each read ({@link MemoryFile#reader()}); it
   * closes the stream.
   */
  SpoolReader(InputStream in, String stream) {
    this(in, stream, MAX_BYTES);
  }

  private SpoolReader(InputStream in, String stream, long maxBytes) {
    this.in = in;
    this.stream = stream;
    this.maxBytes = maxBytes;
  }

  /**
   * Reads new bytes into {@code buf}: their count, 0 when there are none yet.
   *
   * @throws IOException past the size limit, or when the file cannot be read
   */
  int read(byte[] buf) throws IOException {
    int n = in.read(buf);
    if (n <= 0) {
      return 0;
    }
    total += n;
    if (total > maxBytes) {
      throw new IOException(
          String.format(
              Locale.ROOT,
              "the command wrote more than %,d bytes to %s; write large output to a file in the"
                  + " run folder instead",
              maxBytes,
              stream));
    }
    return n;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
