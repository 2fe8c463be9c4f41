package org.sweeplab.sim;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Creates the files sweeplab writes inside an output folder without ever following a symbolic link:
 * an existing entry of the name (a planted link, a stale temporary file) is removed, never opened,
 * and the file is created exclusively ({@code O_CREAT|O_EXCL}, which fails on any link, even one
 * planted in between). So a link planted in a sweep folder can never make a write land outside it.
 *
 * <p>The usual case, a name not yet taken, costs one system call and no exception: the JDK's checks
 * with {@link LinkOption#NOFOLLOW_LINKS} build an exception with its stack trace for a missing
 * file, and a sweep of commands makes several such checks per run.
 */
public final class FreshFiles {
  private FreshFiles() {}

  /**
   * A new, empty file at {@code file}, open for writing.
   *
   * @throws IOException when the name is taken by a folder, or cannot be removed or created
   */
  public static OutputStream create(Path file) throws IOException {
    try {
      return Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    } catch (FileAlreadyExistsException taken) {
      // a stale file, a folder or a planted link: looked at below
    }
    if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
      throw new IOException(file + " is a folder, not a file");
    }
    Files.deleteIfExists(file); // removes a link itself, not its target
    return Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
  }

  /** Writes {@code bytes} to a fresh file at {@code file} (see {@link #create}). */
  public static void write(Path file, byte[] bytes) throws IOException {
    try (OutputStream out = create(file)) {
      out.write(bytes);
    }
  }

  /**
   * A folder at {@code dir}, created if missing; an existing one must be a real folder, not a link
   * to one.
   *
   * @throws IOException naming the link when it is one
   */
  public static Path folder(Path dir) throws IOException {
    if (onDefaultFileSystem(dir) && !dir.toFile().exists()) {
      try {
        Files.createDirectories(dir);
        return dir;
      } catch (FileAlreadyExistsException linkOrRace) {
        // a link to nothing, or made meanwhile: looked at below
      }
    }
    if (Files.isSymbolicLink(dir)) {
      throw new IOException(
          dir + " is a symbolic link; sweeplab does not write through links in an output folder");
    }
    if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
      Files.createDirectories(dir);
    }
    return dir;
  }

  /**
   * True when {@code file} is a regular file and not a symbolic link; false when it is missing,
   * without building an exception (the JDK's check with {@link LinkOption#NOFOLLOW_LINKS} builds
   * one).
   */
  public static boolean isPlainFile(Path file) {
    if (onDefaultFileSystem(file) && !file.toFile().isFile()) {
      return false; // missing, not a file, or a link to no file
    }
    return Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS);
  }

  private static boolean onDefaultFileSystem(Path p) {
    return p.getFileSystem() == FileSystems.getDefault();
  }
}
