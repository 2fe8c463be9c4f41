package org.sweeplab.store;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import org.sweeplab.sim.FreshFiles;

/**
 * The layout of an output folder (documented in docs/output-format.md) and its lock: one process
 * writes a folder at a time.
 */
public final class OutputFolder implements Closeable {
  public static final String SPEC = "sweep.yaml";
  public static final String JOURNAL = "runs.jsonl";
  static final String RESULTS = "results.csv";
  static final String SUMMARY = "summary.json";
  static final String COSTS = "costs.json";
  static final String CHARGES = "charges.jsonl";
  public static final String RUNS = "runs";
  static final String LOCK = ".sweeplab.lock";

  /** The files a sweep writes; REPLACE deletes exactly these. */
  private static final List<String> OWNED =
      List.of(
          SPEC,
          JOURNAL,
          CHARGES,
          RESULTS,
          "results.parquet",
          SUMMARY,
          COSTS,
          RUNS,
          "analysis",
          ResumeChanges.FILE,
          JournalCheck.FILE);

  private final Path dir;
  private final FileChannel lockChannel;
  private final FileLock lock;

  private OutputFolder(Path dir, FileChannel lockChannel, FileLock lock) {
    this.dir = dir;
    this.lockChannel = lockChannel;
    this.lock = lock;
  }

  /**
   * Opens (creating it if needed) and locks an output folder. An existing folder must be empty or
   * hold a {@code sweep.yaml}: sweeplab never writes into a folder that is not its own, so {@code
   * --out ~} or {@code --out /} cannot overwrite anything. Nothing is created in a refused folder.
   *
   * @throws IllegalArgumentException when the path is a file, a non-empty folder without a
   *     sweep.yaml, cannot be created, or another process holds it
   */
  public static OutputFolder open(Path dir) {
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new IllegalArgumentException(
          "output folder "
              + dir
              + " is an existing file, not a folder; choose"
              + " another path with --out");
    }
    requireOwnOrEmpty(dir);
    for (String name : OWNED) {
      if (Files.isSymbolicLink(dir.resolve(name))) {
        throw new IllegalArgumentException(
            "output folder "
                + dir
                + ": "
                + name
                + " is a symbolic link; sweeplab"
                + " never writes through links in an output folder; replace it with a real folder or file");
      }
    }
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "cannot create output folder " + dir + ": " + e.getMessage(), e);
    }
    FileChannel ch = null;
    try {
      ch =
          FileChannel.open(
              dir.resolve(LOCK),
              StandardOpenOption.CREATE,
              StandardOpenOption.WRITE,
              LinkOption.NOFOLLOW_LINKS);
      FileLock l = ch.tryLock();
      if (l == null) {
        throw new IllegalArgumentException(
            "output folder "
                + dir
                + " is in use by another sweeplab process;"
                + " wait for it to finish or stop it first");
      }
      return new OutputFolder(dir, ch, l);
    } catch (OverlappingFileLockException e) {
      closeQuietly(ch);
      throw new IllegalArgumentException(
          "output folder " + dir + " is already in use by a sweep in this process");
    } catch (IOException e) {
      closeQuietly(ch);
      throw new IllegalArgumentException(
          "cannot lock output folder " + dir + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      closeQuietly(ch);
      throw e;
    }
  }

  public Path dir() {
    return dir;
  }

  /**
   * Removes the temporary files a crash or a full disk left beside the files that are written
   * atomically.
   */
  public void removeTemporaryFiles() {
    for (String name : List.of(SPEC, RESULTS, SUMMARY, COSTS, JournalCheck.FILE)) {
      try {
        Files.deleteIfExists(dir.resolve(name + ".tmp"));
      } catch (IOException e) {
        // A leftover that cannot be removed now is replaced when the file is next written.
      }
    }
  }

  /**
   * Refuses an existing folder that has entries but no sweep.yaml (a leftover lock file alone is
   * fine).
   */
  public static void requireOwnOrEmpty(Path dir) {
    if (!Files.isDirectory(dir) || Files.exists(dir.resolve(SPEC), LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      for (Path e : entries) {
        if (!e.getFileName().toString().equals(LOCK)) {
          throw new IllegalArgumentException(
              "output folder "
                  + dir
                  + " is not empty and holds no "
                  + SPEC
                  + " (it has "
                  + e.getFileName()
                  + "), so it is not a sweep folder; sweeplab writes only into an empty"
                  + " or new folder or one of its own sweeps, and touched nothing; choose another folder with --out");
        }
      }
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "cannot read output folder " + dir + ": " + e.getMessage(), e);
    }
  }

  public Path spec() {
    return dir.resolve(SPEC);
  }

  public Path journal() {
    return dir.resolve(JOURNAL);
  }

  public Path results() {
    return dir.resolve(RESULTS);
  }

  public Path costs() {
    return dir.resolve(COSTS);
  }

  public Path summary() {
    return dir.resolve(SUMMARY);
  }

  /** The charge ledger, {@code charges.jsonl}. */
  public Path charges() {
    return dir.resolve(CHARGES);
  }

  public Path runs() {
    return dir.resolve(RUNS);
  }

  /**
   * Writes a file beside its target (created exclusively, never through a planted link), then moves
   * it into place, so readers never see half a file.
   */
  public static void writeAtomically(Path target, String text) {
    Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
    try {
      FreshFiles.write(tmp, text.getBytes(StandardCharsets.UTF_8));
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
    }
  }

  /** Deletes the files a sweep writes (nothing else in the folder). */
  public void clear() throws IOException {
    for (String name : OWNED) {
      Path p = dir.resolve(name);
      if (Files.isDirectory(p)) {
        Files.walkFileTree(
            p,
            new SimpleFileVisitor<>() {
              @Override
              public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
                  throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
              }

              @Override
              public FileVisitResult postVisitDirectory(Path d, IOException exc)
                  throws IOException {
                Files.delete(d);
                return FileVisitResult.CONTINUE;
              }
            });
      } else {
        Files.deleteIfExists(p);
      }
    }
  }

  @Override
  public void close() {
    try {
      lock.release();
    } catch (IOException ignored) {
      // Closing the channel releases it too.
    }
    closeQuietly(lockChannel);
  }

  private static void closeQuietly(FileChannel ch) {
    if (ch != null) {
      try {
        ch.close();
      } catch (IOException ignored) {
        // Nothing to do.
      }
    }
  }
}
