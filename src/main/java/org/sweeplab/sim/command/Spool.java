package org.sweeplab.sim.command;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.sweeplab.sim.CheckedFolder;
import org.sweeplab.sim.FreshFiles;
import org.sweeplab.sim.RunContext;

/**
 * A command's stdout spool: the file its stdout goes to while it runs, in {@code runs/.spool/} of
 * the sweep folder, read as it grows and removed when the attempt ends (its stderr goes to a file
 * beside it, {@code ….stderr}). Unlike bytes in a pipe, what the command wrote there survives a
 * {@code kill -9} of sweeplab; the next resume charges the cost lines the spool holds but the
 * charge ledger does not ({@code org.sweeplab.store.SpoolRecovery}). The file name carries the run,
 * its variation key and replicate, the attempt and a tag unique to the attempt: {@code
 * RUN_ID~VARIATION_KEY~REPLICATE~ATTEMPT~TAG.spool}.
 */
public final class Spool {
  /** The folder of spools, inside the sweep's {@code runs/} folder. */
  public static final String FOLDER = ".spool";

  private static final String SUFFIX = ".spool";
  private static final String STDERR_SUFFIX = ".stderr";
  private static final String STDIN_SUFFIX = ".stdin";

  /** A spool's run and attempt, read from its file name. */
  public record Name(String runId, String variationKey, int replicate, int attempt) {}

  private Spool() {}

  /** A new, empty spool file in {@code spools} for the attempt under way in {@code ctx}. */
  static Path create(RunContext ctx, CheckedFolder spools, String tag) throws IOException {
    Path dir = spools.get();
    Path file =
        dir.resolve(
            ctx.runId()
                + "~"
                + ctx.variationKey()
                + "~"
                + ctx.replicate()
                + "~"
                + ctx.attempt()
                + "~"
                + tag
                + SUFFIX);
    try (OutputStream created = FreshFiles.create(file)) {
      return file;
    } catch (NoSuchFileException gone) {
      // Removed since it was checked: one command simulation may serve a later sweep in the same
      // place (a notebook's next cell).
      spools.recheck();
      try (OutputStream created = FreshFiles.create(file)) {
        return file;
      }
    }
  }

  /** The file beside a spool that holds the command's stderr while it runs. */
  static Path stderrOf(Path spool) {
    String name = spool.getFileName().toString();
    return spool.resolveSibling(name.substring(0, name.length() - SUFFIX.length()) + STDERR_SUFFIX);
  }

  /** The file beside a spool that holds the command's stdin. */
  static Path stdinOf(Path spool) {
    String name = spool.getFileName().toString();
    return spool.resolveSibling(name.substring(0, name.length() - SUFFIX.length()) + STDIN_SUFFIX);
  }

  /**
   * True for the stderr or stdin file of a spool ({@link #stderrOf}, {@link #stdinOf}): a leftover
   * of a crash, which a resume removes.
   */
  public static boolean isSideFile(String fileName) {
    for (String suffix : new String[] {STDERR_SUFFIX, STDIN_SUFFIX}) {
      if (fileName.endsWith(suffix)
          && parse(fileName.substring(0, fileName.length() - suffix.length()) + SUFFIX) != null) {
        return true;
      }
    }
    return false;
  }

  /** The run and attempt of a spool file, or null when the name is not a spool's. */
  public static Name parse(String fileName) {
    if (!fileName.endsWith(SUFFIX)) {
      return null;
    }
    String[] parts = fileName.substring(0, fileName.length() - SUFFIX.length()).split("~", -1);
    if (parts.length != 5 || parts[0].isEmpty() || parts[1].length() != 32) {
      return null;
    }
    try {
      return new Name(parts[0], parts[1], Integer.parseInt(parts[2]), Integer.parseInt(parts[3]));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /**
   * The cost lines of a spool, in order, as the live reader sees them ({@code {"cost": x}} alone on
   * a line of at most {@link CommandStdout#MAX_LINE} bytes): the k-th element is cost line k. An
   * amount that is not a finite number >= 0 is NaN (the live reader fails the run on it and charges
   * nothing).
   */
  public static List<Double> costLines(Path spool) throws IOException {
    List<Double> out = new ArrayList<>();
    if (!Files.isRegularFile(spool, LinkOption.NOFOLLOW_LINKS)) {
      return out;
    }
    CommandStdout reader =
        new CommandStdout(
            CommandLog.discarding(),
            false,
            event -> {
              if (event instanceof CommandRun.Charge c) {
                double a = c.amount();
                out.add(Double.isFinite(a) && a >= 0 ? a : Double.NaN);
              }
            });
    try (InputStream in = Files.newInputStream(spool, LinkOption.NOFOLLOW_LINKS)) {
      byte[] chunk = new byte[8192];
      for (int n; (n = in.read(chunk)) > 0; ) {
        reader.feed(chunk, n);
      }
    }
    reader.end();
    return out;
  }
}
