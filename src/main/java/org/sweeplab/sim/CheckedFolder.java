package org.sweeplab.sim;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A folder inside an output folder that is checked, and created if missing, by {@link
 * FreshFiles#folder} on first use and trusted from then on: a sweep's {@code runs/} and {@code
 * runs/.spool/} folders, which every run would otherwise check again (three file-system calls each,
 * and the JDK's path handling around them, for each of the folders). Safe for concurrent use; two
 * first uses at once both check.
 */
public final class CheckedFolder {
  private final Path dir;
  private volatile boolean checked;

  /** The folder {@code dir}, not checked yet. */
  public CheckedFolder(Path dir) {
    this.dir = Objects.requireNonNull(dir, "dir");
  }

  /**
   * The folder, checked the first time.
   *
   * @throws IOException as {@link FreshFiles#folder} does (a link, or a folder that cannot be
   *     made); the next call checks again
   */
  public Path get() throws IOException {
    if (!checked) {
      FreshFiles.folder(dir);
      checked = true;
    }
    return dir;
  }

  /**
   * The folder, checked (and created) again: for a caller that found it gone since, such as a sweep
   * started in the place of a removed one.
   *
   * @throws IOException as {@link FreshFiles#folder} does
   */
  public Path recheck() throws IOException {
    checked = false;
    return get();
  }
}
