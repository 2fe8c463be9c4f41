package org.sweeplab.store;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Appends journal lines to {@code runs.jsonl} through a block buffer; {@link #flush()} hands the buffer to the
 * operating system. Not thread-safe: one thread (the journal thread of {@link JournalSink}) owns it.
 */
final class JournalWriter implements Closeable {
  private final FileChannel channel;
  private final byte[] buffer = new byte[1 << 20];
  private int length;

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

  /** Appends one complete line (its last byte a newline). */
  void write(byte[] line, int len) throws IOException {
    if (length + len > buffer.length) {
      flush();
    }
    if (len > buffer.length) {
      writeFully(ByteBuffer.wrap(line, 0, len));
      return;
    }
    System.arraycopy(line, 0, buffer, length, len);
    length += len;
  }

  /** Hands the buffered lines to the operating system (they survive the process being killed). */
  void flush() throws IOException {
    if (length > 0) {
      writeFully(ByteBuffer.wrap(buffer, 0, length));
      length = 0;
    }
  }

  private void writeFully(ByteBuffer bb) throws IOException {
    while (bb.hasRemaining()) {
      channel.write(bb);
    }
  }

  @Override
  public void close() throws IOException {
    try {
      flush();
      channel.force(false);
    } finally {
      channel.close();
    }
  }
}
