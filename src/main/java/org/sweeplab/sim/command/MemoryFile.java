package org.sweeplab.sim.command;

import com.sun.jna.Native;
import com.sun.jna.Platform;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * An anonymous file in memory ({@code memfd_create(2)}, Linux 3.17 or later), handed to a command
 * as its stdin or stderr by {@link PosixSpawn}. Unlike a file in the sweep folder it costs no inode
 * to create and delete (on this project's machine a file created and deleted per run cost 0.1–0.2
 * ms, as the file system skips recently deleted inodes), and unlike a pipe its writer never blocks.
 * What a command writes to it is lost when sweeplab dies, so it is only used where nothing needs to
 * survive a crash: stdin (written before the start) and stderr (kept only as a log); stdout, which
 * carries cost lines, stays a {@link Spool} file. When the functions cannot be bound, {@link
 * #AVAILABLE} is false and commands get files instead.
 */
final class MemoryFile implements Closeable {
  private static final int MFD_CLOEXEC = 1;
  private static final int SEEK_SET = 0;
  private static final int FALLOC_FL_KEEP_SIZE = 1;
  private static final int FALLOC_FL_PUNCH_HOLE = 2;

  /** Read bytes are given back to the system in steps of this size (a page multiple). */
  private static final long RELEASE_STEP = 1L << 20;

  private static final byte[] NAME = "sweeplab\0".getBytes(StandardCharsets.US_ASCII);

  /** Whether {@link #create} can be called. */
  static final boolean AVAILABLE = register();

  private final int fd;
  private boolean closed;

  private MemoryFile(int fd) {
    this.fd = fd;
  }

  private static boolean register() {
    if (!Platform.isLinux() || "0".equals(System.getenv("SWEEPLAB_NATIVE"))) {
      return false;
    }
    try {
      Native.register(MemoryFile.class, Platform.C_LIBRARY_NAME);
      int probe = memfd_create(NAME, MFD_CLOEXEC);
      if (probe < 0) {
        return false; // e.g. a sandbox that forbids the call
      }
      close(probe);
      return true;
    } catch (Throwable unavailable) { // UnsatisfiedLinkError and friends: files instead
      return false;
    }
  }

  private static native int memfd_create(byte[] name, int flags);

  private static native long write(int fd, byte[] buf, long count);

  private static native long pread(int fd, byte[] buf, long count, long offset);

  private static native long lseek(int fd, long offset, int whence);

  private static native int fallocate(int fd, int mode, long offset, long length);

  private static native int close(int fd);

  /** A new, empty memory file, closed on exec (a command gets it only as a redirected stream). */
  static MemoryFile create() throws IOException {
    int fd = memfd_create(NAME, MFD_CLOEXEC);
    if (fd < 0) {
      throw new IOException("memfd_create failed: errno " + Native.getLastError());
    }
    return new MemoryFile(fd);
  }

  /** A memory file holding {@code bytes}, positioned at its start: a command's stdin. */
  static MemoryFile holding(byte[] bytes) throws IOException {
    MemoryFile f = create();
    try {
      long done = 0;
      while (done < bytes.length) {
        byte[] rest =
            done == 0 ? bytes : java.util.Arrays.copyOfRange(bytes, (int) done, bytes.length);
        long n = write(f.fd, rest, rest.length);
        if (n <= 0) {
          throw new IOException("cannot write a command's stdin: errno " + Native.getLastError());
        }
        done += n;
      }
      if (lseek(f.fd, 0, SEEK_SET) != 0) {
        throw new IOException("cannot rewind a command's stdin: errno " + Native.getLastError());
      }
      return f;
    } catch (IOException | RuntimeException e) {
      f.close();
      throw e;
    }
  }

  /** The file descriptor, for {@link PosixSpawn}. */
  int fd() {
    return fd;
  }

  /**
   * A reader of what the file holds beyond what it read before, without waiting (0 bytes when
   * nothing is new), that does not move the file's own position (the command's writes go there).
   * Memory of bytes it has read is released as it goes, so a long chatty command holds at most
   * about a mebibyte of it.
   */
  InputStream reader() {
    return new InputStream() {
      private long position;
      private long released;

      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) <= 0 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        byte[] into = off == 0 ? b : new byte[len];
        long n = pread(fd, into, len, position);
        if (n < 0) {
          throw new IOException("cannot read a command's output: errno " + Native.getLastError());
        }
        if (n == 0) {
          return -1;
        }
        if (into != b) {
          System.arraycopy(into, 0, b, off, (int) n);
        }
        position += n;
        if (position - released >= RELEASE_STEP) {
          long upTo = position & ~4095L;
          fallocate(fd, FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE, 0, upTo); // best effort
          released = upTo;
        }
        return (int) n;
      }
    };
  }

  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      close(fd);
    }
  }
}
