package org.sweeplab.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.sweeplab.run.RunStatus;
import org.sweeplab.sim.FreshFiles;

/**
 * What the journal held when a session wrote the tables of a complete folder: its size, its
 * modification time and file identity, the spec's configuration hash, the planned runs, and the
 * finished runs by status ({@code .sweeplab-journal}, one {@code key=value} a line). A resume of
 * that folder trusts these counts instead of scanning the journal again when the journal is still
 * the same file of the same size and time: the journal is only ever appended to (or cut back to its
 * last whole line), and either changes both. Anything else (no such file, another format, another
 * journal) makes the resume scan as before, so the file is a cache, never the record.
 */
public final class JournalCheck {
  /** The file's name in the output folder. */
  public static final String FILE = ".sweeplab-journal";

  private static final String FORMAT = "sweeplab-journal-check 1";

  private JournalCheck() {}

  /**
   * Records the journal as it is now with the folder's counts when the folder is complete, else
   * removes the record; best effort (a folder without one is scanned on resume).
   */
  static void write(Path dir, String configHash, long planned, long[] counts, boolean complete) {
    Path file = dir.resolve(FILE);
    try {
      String journal = identity(dir.resolve(OutputFolder.JOURNAL));
      if (journal == null || !complete) {
        Files.deleteIfExists(file);
        return;
      }
      StringBuilder sb = new StringBuilder(FORMAT).append('\n');
      sb.append("journal=").append(journal).append('\n');
      sb.append("config_hash=").append(configHash).append('\n');
      sb.append("planned=").append(planned).append('\n');
      for (RunStatus s : RunStatus.values()) {
        sb.append(s.label()).append('=').append(counts[s.ordinal()]).append('\n');
      }
      Path tmp = dir.resolve(FILE + ".tmp");
      FreshFiles.write(tmp, sb.toString().getBytes(StandardCharsets.UTF_8));
      Files.move(
          tmp,
          file,
          java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException | RuntimeException e) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException ignored) {
        // A stale file cannot match a journal that changed; a resume scans then.
      }
    }
  }

  /**
   * The finished runs by {@link RunStatus} ordinal that the folder's tables were written from, when
   * the journal is unchanged since and the hash and planned runs match; else null.
   */
  public static long[] counts(Path dir, String configHash, long planned) {
    try {
      Path file = dir.resolve(FILE);
      if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
        return null;
      }
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      if (lines.size() != 4 + RunStatus.values().length || !lines.get(0).equals(FORMAT)) {
        return null;
      }
      String journal = identity(dir.resolve(OutputFolder.JOURNAL));
      if (journal == null
          || !lines.get(1).equals("journal=" + journal)
          || !lines.get(2).equals("config_hash=" + configHash)
          || !lines.get(3).equals("planned=" + planned)) {
        return null;
      }
      long[] counts = new long[RunStatus.values().length];
      for (RunStatus s : RunStatus.values()) {
        String line = lines.get(4 + s.ordinal());
        String prefix = s.label() + "=";
        if (!line.startsWith(prefix)) {
          return null;
        }
        counts[s.ordinal()] = Long.parseLong(line.substring(prefix.length()));
      }
      return Arrays.stream(counts).anyMatch(c -> c < 0) ? null : counts;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** Size, modification time (ns) and file key of the journal, or null when it is not a file. */
  private static String identity(Path journal) throws IOException {
    if (!Files.isRegularFile(journal, LinkOption.NOFOLLOW_LINKS)) {
      return null;
    }
    BasicFileAttributes a =
        Files.readAttributes(journal, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    return a.size()
        + " "
        + a.lastModifiedTime().to(TimeUnit.NANOSECONDS)
        + " "
        + Objects.toString(a.fileKey(), "-");
  }
}
