package org.sweeplab.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sweeplab.sim.command.Spool;

/**
 * Charges what commands of an earlier session wrote but that session did not record: the cost lines
 * in the stdout spools ({@link Spool}) left in {@code runs/.spool/} by runs in flight when sweeplab
 * died (e.g. {@code kill -9}). A spool line is charged when the ledger holds no charge for that
 * spool and line, so no line is charged twice; then the spool is removed. Call it while holding the
 * folder's lock, after the processes of the earlier session have been ended (they could still be
 * writing).
 */
public final class SpoolRecovery {
  private SpoolRecovery() {}

  /**
   * Recovers the spools of the sweep whose run folders are in {@code runsRoot} into the ledger
   * {@code charges} and adds a warning that says how many charges it recorded.
   *
   * @return the number of charges recorded
   */
  public static int recover(Path runsRoot, Path charges, List<String> warnings) {
    Path dir = runsRoot.resolve(Spool.FOLDER);
    if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
      return 0;
    }
    List<Path> spools = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
      for (Path file : files) {
        String name = file.getFileName().toString();
        if (Spool.isSideFile(name)) {
          Files.deleteIfExists(file); // stderr or stdin of a run in flight: nothing to recover
        } else if (Spool.parse(name) != null
            && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
          spools.add(file);
        } // anything else is not ours: left alone
      }
    } catch (IOException e) {
      throw failure(dir, e);
    }
    if (spools.isEmpty()) {
      return 0; // the usual case: the ledger is neither read nor opened
    }
    int recorded = 0;
    try {
      Map<String, Set<Long>> charged = ChargeLedger.spooledLines(charges);
      try (ChargeLedger ledger = ChargeLedger.open(charges)) {
        for (Path file : spools) {
          String name = file.getFileName().toString();
          Spool.Name run = Spool.parse(name);
          List<Double> amounts = Spool.costLines(file);
          Set<Long> done = charged.getOrDefault(name, Set.of());
          for (int k = 1; k <= amounts.size(); k++) {
            double amount = amounts.get(k - 1);
            if (!Double.isNaN(amount) && !done.contains((long) k)) {
              ledger.append(
                  run.runId(), run.variationKey(), run.replicate(), run.attempt(), amount, name, k);
              recorded++;
            }
          }
          Files.delete(file);
        }
      }
    } catch (IOException e) {
      throw failure(dir, e);
    }
    if (recorded > 0) {
      warnings.add(
          recorded
              + " charge(s) that commands of "
              + spools.size()
              + " run(s) in flight wrote before an earlier session ended, but that it had not"
              + " recorded, were recorded from their stdout kept in runs/"
              + Spool.FOLDER);
    }
    return recorded;
  }

  private static UncheckedIOException failure(Path dir, IOException e) {
    return new UncheckedIOException(
        "cannot recover the charges of runs in flight from " + dir + ": " + e.getMessage(), e);
  }
}
