package org.sweeplab.store;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Opens the append-only files of an output folder (the journal, the charge ledger): never through a
 * symbolic link, cut back to the length that holds only whole lines, and as a plain file rather
 * than a {@link FileChannel}, because a channel is closed for good when a thread that writes to it
 * is interrupted, and the threads that append (runs being cancelled, a notebook cell being
 * interrupted) may be.
 */
final class AppendFile {
  /** Chooses how much of an existing file to keep. */
  @FunctionalInterface
  interface Keep {
    long length(FileChannel existing) throws IOException;
  }

  private AppendFile() {}

  /**
   * The file, created if missing, cut to {@code keep}'s length and positioned there for writing.
   *
   * @throws IOException when it is a symbolic link or cannot be opened
   */
  static RandomAccessFile open(Path file, Keep keep) throws IOException {
    long length;
    try (FileChannel ch =
        FileChannel.open(
            file,
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            StandardOpenOption.READ,
            LinkOption.NOFOLLOW_LINKS)) {
      length = keep.length(ch);
      if (ch.size() > length) {
        ch.truncate(length);
      }
    }
    // Checked again after the channel is closed: a link planted in between is refused too.
    if (Files.isSymbolicLink(file)) {
      throw new IOException(
          file + " is a symbolic link; sweeplab does not write through links in an output folder");
    }
    RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw");
    try {
      raf.seek(length);
    } catch (IOException e) {
      raf.close();
      throw e;
    }
    return raf;
  }
}
