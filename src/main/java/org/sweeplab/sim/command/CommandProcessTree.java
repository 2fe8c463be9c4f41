package org.sweeplab.sim.command;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The processes of one command: its process group (see {@link ProcessGroups}), the process started,
 * its descendants, and, on Linux, every process whose environment carries the command's tag (so
 * that children already re-parented to init, e.g. by {@code (cmd &)}, are found too, also those
 * that left the group). Killing signals the group, then goes deepest first, the started process
 * last: SIGTERM, a grace period, then SIGKILL until none is left.
 */
final class CommandProcessTree {
  /** The environment variable that marks every process of one command run. */
  static final String TAG_VARIABLE = "SWEEPLAB_PROCESS_TAG";

  private static final Path PROC = Path.of("/proc");
  private static final boolean HAS_PROC = Files.isDirectory(PROC.resolve("self"));
  private static final long SELF = ProcessHandle.current().pid();

  private final Process root;
  private final byte[] tagEntry;
  private final Set<ProcessHandle> seen = new LinkedHashSet<>();

  /**
   * The command's process group id (its pid, as it was started by setsid), or -1 when it has none
   * of its own.
   */
  private final long group;

  CommandProcessTree(Process root, String tag) {
    this.root = root;
    this.tagEntry = (TAG_VARIABLE + "=" + tag + "\0").getBytes(StandardCharsets.UTF_8);
    this.group = ProcessGroups.enabled() ? root.pid() : -1;
  }

  /**
   * Sends SIGKILL to the command's process group (a no-op without process groups or when it is
   * empty); when it had processes, returns once they are gone (zombies count as gone).
   */
  void endGroup() {
    if (ProcessGroups.signal(group, "KILL")) {
      terminate(Duration.ZERO);
      // A process dying of the signal may be missed by terminate's search (its environment is no
      // longer readable): wait for the group itself to empty, not longer than a zombie that no
      // init reaps would keep it.
      Libc.awaitGroupGone(group, TimeUnit.MILLISECONDS.toNanos(200));
    }
  }

  /**
   * Ends every process of the command: SIGTERM, then SIGKILL after {@code grace} to whatever still
   * runs (at once when the grace is zero). Returns when none is left, or after a few rounds of
   * SIGKILL.
   */
  void terminate(Duration grace) {
    boolean interrupted = Thread.interrupted();
    if (!grace.isZero() && !grace.isNegative()) {
      List<ProcessHandle> all = collect();
      ProcessGroups.signal(group, "TERM");
      all.forEach(ProcessHandle::destroy);
      interrupted |= awaitGone(all, grace);
    }
    for (int round = 0; round < 10; round++) {
      List<ProcessHandle> all = collect();
      if (all.stream().noneMatch(CommandProcessTree::isRunning)) {
        break;
      }
      ProcessGroups.signal(group, "KILL");
      all.forEach(ProcessHandle::destroyForcibly);
      interrupted |= awaitGone(all, Duration.ofMillis(500));
    }
    try {
      root.waitFor(1, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      interrupted = true;
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** The processes of the command, deepest first, the started one last. */
  private List<ProcessHandle> collect() {
    ProcessHandle top;
    try {
      top = root.toHandle();
    } catch (UnsupportedOperationException reaped) {
      // Exited and reaped before anyone asked: its children have moved to another parent, and
      // the tag finds them.
      top = null;
    }
    List<ProcessHandle> found =
        new ArrayList<>(top == null ? List.of() : top.descendants().toList());
    found.addAll(tagged());
    seen.addAll(found);
    List<ProcessHandle> ordered = new ArrayList<>(seen);
    java.util.Collections.reverse(ordered);
    if (top != null) {
      ordered.remove(top);
      ordered.add(top);
    }
    return ordered;
  }

  /** Processes carrying this command's tag in their environment (Linux only; empty elsewhere). */
  private List<ProcessHandle> tagged() {
    return carrying(tagEntry);
  }

  /**
   * Running processes but this one whose environment holds {@code entry} ({@code NAME=VALUE\0});
   * Linux only.
   */
  static List<ProcessHandle> carrying(byte[] entry) {
    List<ProcessHandle> out = new ArrayList<>();
    if (!HAS_PROC) {
      return out;
    }
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(PROC)) {
      for (Path dir : dirs) {
        String name = dir.getFileName().toString();
        if (name.isEmpty() || !Character.isDigit(name.charAt(0))) {
          continue;
        }
        long pid;
        try {
          pid = Long.parseLong(name);
        } catch (NumberFormatException e) {
          continue;
        }
        if (pid != SELF && hasEntry(dir, entry)) {
          ProcessHandle.of(pid).ifPresent(out::add);
        }
      }
    } catch (IOException e) {
      return out; // best effort: the descendants are still found
    }
    return out;
  }

  private static boolean hasEntry(Path procDir, byte[] tagEntry) {
    byte[] env;
    try {
      env = Files.readAllBytes(procDir.resolve("environ"));
    } catch (IOException | SecurityException e) {
      return false; // another user's process, or gone
    }
    outer:
    for (int start = 0; start + tagEntry.length <= env.length; ) {
      for (int i = 0; i < tagEntry.length; i++) {
        if (env[start + i] != tagEntry[i]) {
          int nul = indexOfNul(env, start);
          start = nul < 0 ? env.length : nul + 1;
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  private static int indexOfNul(byte[] b, int from) {
    for (int i = from; i < b.length; i++) {
      if (b[i] == 0) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Waits until none of the handles runs or the limit passes; true if an interrupt arrived
   * meanwhile.
   */
  private static boolean awaitGone(List<ProcessHandle> handles, Duration limit) {
    boolean interrupted = false;
    long deadline = System.nanoTime() + limit.toNanos();
    while (handles.stream().anyMatch(CommandProcessTree::isRunning)
        && System.nanoTime() < deadline) {
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    return interrupted;
  }

  /** Alive and not a zombie (a zombie is dead and only waits for its parent to reap it). */
  static boolean isRunning(ProcessHandle h) {
    if (!h.isAlive()) {
      return false;
    }
    if (!HAS_PROC) {
      return true;
    }
    String s;
    try {
      s =
          Files.readString(
              PROC.resolve(Long.toString(h.pid())).resolve("stat"), StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      return false;
    }
    int paren = s.lastIndexOf(')');
    char state = paren >= 0 && paren + 2 < s.length() ? s.charAt(paren + 2) : '?';
    return state != 'Z' && state != 'X';
  }
}
