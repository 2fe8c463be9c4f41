package org.sweeplab.sim.command;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

/**
 * Processes left by an earlier session of a sweep folder. Every command of a sweep carries, in its
 * environment, {@code SWEEPLAB_SWEEP_TAG}: a hash of its folder's absolute {@code runs/} path,
 * inherited by everything it starts. When sweeplab dies without ending them (e.g. {@code kill -9}),
 * they keep running as orphans; the next session of the folder, which holds the folder's lock so no
 * other live session can own them, ends them before rerunning their runs. Linux only (it reads
 * {@code /proc}); elsewhere nothing is found.
 */
public final class Leftovers {
  /** The environment variable naming the sweep folder a command belongs to. */
  public static final String SWEEP_TAG_VARIABLE = "SWEEPLAB_SWEEP_TAG";

  private Leftovers() {}

  /** The tag of the sweep whose run folders are in {@code runsRoot}. */
  public static String sweepTag(Path runsRoot) {
    try {
      byte[] h =
          MessageDigest.getInstance("SHA-256")
              .digest(
                  runsRoot
                      .toAbsolutePath()
                      .normalize()
                      .toString()
                      .getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(h, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Ends every process tagged with the sweep of {@code runsRoot}: SIGTERM, then SIGKILL to those
   * still running after {@code grace}. Call it only while holding the folder's lock.
   *
   * @return how many processes were found
   */
  public static int end(Path runsRoot, Duration grace) {
    byte[] entry =
        (SWEEP_TAG_VARIABLE + "=" + sweepTag(runsRoot) + "\0").getBytes(StandardCharsets.UTF_8);
    List<ProcessHandle> found = CommandProcessTree.carrying(entry);
    if (found.isEmpty()) {
      return 0;
    }
    found.forEach(ProcessHandle::destroy);
    long deadline = System.nanoTime() + grace.toNanos();
    while (found.stream().anyMatch(CommandProcessTree::isRunning) && System.nanoTime() < deadline) {
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    for (int round = 0; round < 10; round++) {
      List<ProcessHandle> left = CommandProcessTree.carrying(entry);
      if (left.stream().noneMatch(CommandProcessTree::isRunning)) {
        break;
      }
      left.forEach(ProcessHandle::destroyForcibly);
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    return found.size();
  }
}
