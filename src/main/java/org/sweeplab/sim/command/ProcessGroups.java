package org.sweeplab.sim.command;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Starting each command in its own process group and session, and signalling a whole group. Where
 * the C library can be reached (Linux, glibc 2.34 or later), {@link PosixSpawn} starts the command
 * with {@code POSIX_SPAWN_SETSID} and groups are signalled with {@code kill(2)}; elsewhere the
 * command is started through util-linux's {@code setsid} program (which, as sweeplab's child is
 * never a group leader, calls setsid and execs the command in the same process) and groups are
 * signalled by the {@code kill} program. Either way the command's pid is its group id. Then a
 * terminal's Ctrl-C, which signals the foreground process group, reaches sweeplab alone, and
 * sweeplab can end everything a command left behind with one signal to the group. With {@code
 * SWEEPLAB_SETSID=0} (or without either way) commands run in sweeplab's group, and leftovers are
 * found through their environment tag only.
 */
final class ProcessGroups {
  private static final Path SETSID = find("/usr/bin/setsid", "/bin/setsid");
  private static final Path KILL = find("/usr/bin/kill", "/bin/kill");
  private static final boolean ENABLED =
      !"0".equals(System.getenv("SWEEPLAB_SETSID"))
          && (PosixSpawn.AVAILABLE || (SETSID != null && (KILL != null || Libc.AVAILABLE)));

  private ProcessGroups() {}

  /** Whether commands get their own process group. */
  static boolean enabled() {
    return ENABLED;
  }

  /**
   * The argv that starts {@code command} in a new session and process group, or {@code command}
   * itself when that is not available or when the program cannot be found (so that the start fails
   * with the usual message).
   */
  static List<String> wrap(List<String> command, Map<String, String> environment, Path workdir) {
    if (!ENABLED
        || SETSID == null
        || command.isEmpty()
        || !findable(command.get(0), environment, workdir)) {
      return command;
    }
    List<String> out = new ArrayList<>(command.size() + 1);
    out.add(SETSID.toString());
    out.addAll(command);
    return out;
  }

  /**
   * Sends {@code signal} ({@code TERM} or {@code KILL}) to every process of group {@code pgid};
   * quietly does nothing when the group is empty. Calls {@code kill(2)} directly where the C
   * library can be reached (Linux, through JNA): a few microseconds, where starting the {@code
   * kill} program costs a process start per run. Elsewhere it starts the program and waits at most
   * a second for it.
   *
   * @return true when the group is known to have had a process to signal (only {@code kill(2)}
   *     tells): a signal is delivered after the call returns, so a caller that must see them gone
   *     waits for them
   */
  static boolean signal(long pgid, String signal) {
    if (!ENABLED || pgid <= 1) {
      return false;
    }
    if (Libc.AVAILABLE) {
      return Libc.killGroup(pgid, "KILL".equals(signal) ? Libc.SIGKILL : Libc.SIGTERM);
    }
    try {
      Process p =
          new ProcessBuilder(KILL.toString(), "-s", signal, "--", "-" + pgid)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      p.getOutputStream().close();
      if (!p.waitFor(1, TimeUnit.SECONDS)) {
        p.destroyForcibly();
      }
    } catch (IOException e) {
      // Best effort: the tree and tag search still end what they find.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return false;
  }

  /**
   * Whether {@code program} names an executable file (a path, or a name on the PATH the command
   * will have).
   */
  private static boolean findable(String program, Map<String, String> environment, Path workdir) {
    if (program.indexOf('/') >= 0) {
      Path p = Path.of(program);
      return Files.isExecutable(p.isAbsolute() || workdir == null ? p : workdir.resolve(p));
    }
    String path = environment.getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin");
    for (String dir : path.split(":", -1)) {
      Path p = Path.of(dir.isEmpty() ? "." : dir).resolve(program);
      if (Files.isRegularFile(p) && Files.isExecutable(p)) {
        return true;
      }
    }
    return false;
  }

  private static Path find(String... candidates) {
    for (String c : candidates) {
      Path p = Path.of(c);
      if (Files.isExecutable(p)) {
        return p;
      }
    }
    return null;
  }
}
