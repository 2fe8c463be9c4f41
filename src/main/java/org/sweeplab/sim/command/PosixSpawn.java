package org.sweeplab.sim.command;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Starts a command with {@code posix_spawnp(3)} from the C library (Linux, glibc 2.34 or later,
 * through JNA): in a new session and process group of its own ({@code POSIX_SPAWN_SETSID}), with
 * stdin, stdout and stderr opened from files, in its working folder, with no signal blocked and
 * every signal at its default disposition, and no other descriptor of sweeplab's. One process start
 * per run, where {@link ProcessBuilder} needs a second one (the {@code setsid} program) to give the
 * command a group of its own. When the functions cannot be bound, {@link #AVAILABLE} is false and
 * commands start through {@link ProcessBuilder}.
 */
final class PosixSpawn {
  private static final int O_RDONLY = 0;
  private static final int O_WRONLY = 1;
  private static final int O_APPEND = 02000;
  private static final short POSIX_SPAWN_SETSIGDEF = 0x04;
  private static final short POSIX_SPAWN_SETSIGMASK = 0x08;
  private static final short POSIX_SPAWN_SETSID = 0x80;
  private static final long INTERNAL_SIGNALS = (1L << 31) | (1L << 32);
  private static final int WNOHANG = 1;
  private static final int EINTR = 4;

  /** Whether {@link #start} can be called. */
  static final boolean AVAILABLE = register();

  private static final Charset PATHS =
      Charset.forName(System.getProperty("sun.jnu.encoding", "UTF-8"));

  private PosixSpawn() {}

  private static boolean register() {
    if (!Libc.AVAILABLE // destroying a spawned process needs kill(2)
        || !Platform.is64Bit()
        || "0".equals(System.getenv("SWEEPLAB_NATIVE"))
        || "0".equals(System.getenv("SWEEPLAB_SETSID"))) {
      return false;
    }
    try {
      Native.register(PosixSpawn.class, Platform.C_LIBRARY_NAME);
      return true;
    } catch (Throwable unavailable) { // an older C library: ProcessBuilder and setsid instead
      return false;
    }
  }

  private static native int posix_spawn_file_actions_init(Pointer actions);

  private static native int posix_spawn_file_actions_destroy(Pointer actions);

  private static native int posix_spawn_file_actions_addopen(
      Pointer actions, int fd, byte[] path, int flags, int mode);

  private static native int posix_spawn_file_actions_adddup2(Pointer actions, int fd, int newFd);

  private static native int posix_spawn_file_actions_addchdir_np(Pointer actions, byte[] path);

  private static native int posix_spawn_file_actions_addclosefrom_np(Pointer actions, int from);

  private static native int posix_spawnattr_init(Pointer attributes);

  private static native int posix_spawnattr_destroy(Pointer attributes);

  private static native int posix_spawnattr_setflags(Pointer attributes, short flags);

  private static native int posix_spawnattr_setsigmask(Pointer attributes, Pointer set);

  private static native int posix_spawnattr_setsigdefault(Pointer attributes, Pointer set);

  private static native int sigemptyset(Pointer set);

  private static native int sigfillset(Pointer set);

  private static native int posix_spawnp(
      IntByReference pid,
      byte[] file,
      Pointer actions,
      Pointer attributes,
      Pointer argv,
      Pointer envp);

  private static native int waitpid(int pid, IntByReference status, int options);

  private static native String strerror(int errno);

  /**
   * Where a command's standard stream comes from or goes to: an existing file, opened by the
   * command (stdout and stderr are appended to), or a descriptor of sweeplab's, such as a {@link
   * MemoryFile}'s, that the command gets as a duplicate (sharing its position).
   */
  record Stdio(Path file, int fd) {
    static Stdio file(Path file) {
      return new Stdio(file, -1);
    }

    static Stdio descriptor(int fd) {
      return new Stdio(null, fd);
    }
  }

  /**
   * Starts {@code argv} in {@code dir} with exactly {@code environment}, reading stdin from {@code
   * stdin} and appending stdout and stderr to the existing files {@code stdout} and {@code stderr}.
   *
   * @throws IOException when it cannot be started, with a message as {@link ProcessBuilder} gives
   */
  static Process start(
      List<String> argv,
      Map<String, String> environment,
      Path dir,
      Path stdin,
      Path stdout,
      Path stderr)
      throws IOException {
    return start(argv, environment, dir, Stdio.file(stdin), Stdio.file(stdout), Stdio.file(stderr));
  }

  /**
   * Starts {@code argv} in {@code dir} with exactly {@code environment} and the three streams.
   *
   * @throws IOException when it cannot be started, with a message as {@link ProcessBuilder} gives
   */
  static Process start(
      List<String> argv,
      Map<String, String> environment,
      Path dir,
      Stdio stdin,
      Stdio stdout,
      Stdio stderr)
      throws IOException {
    // One block for the three C structures (glibc's are 80, 336 and 128 bytes): each Memory is a
    // native allocation JNA tracks in a map and frees from its cleaner thread.
    Memory structures = new Memory(1536);
    Pointer actions = structures;
    Pointer attributes = structures.share(256);
    Pointer signals = structures.share(1280);
    check(posix_spawn_file_actions_init(actions), "posix_spawn_file_actions_init");
    try {
      check(posix_spawnattr_init(attributes), "posix_spawnattr_init");
      try {
        redirect(actions, 0, stdin, O_RDONLY);
        redirect(actions, 1, stdout, O_WRONLY | O_APPEND);
        redirect(actions, 2, stderr, O_WRONLY | O_APPEND);
        check(
            posix_spawn_file_actions_addclosefrom_np(actions, 3),
            "posix_spawn_file_actions_addclosefrom_np");
        check(posix_spawn_file_actions_addchdir_np(actions, path(dir)), "addchdir_np");
        sigemptyset(signals);
        check(posix_spawnattr_setsigmask(attributes, signals), "posix_spawnattr_setsigmask");
        // Every signal back to its default disposition, whether the JVM handles or ignores it:
        // glibc resets each handled one in the child anyway, and without the full set it first
        // asks for the disposition of all 64, some 45 more system calls per start. sigfillset
        // leaves out glibc's two internal signals (32 and 33), which posix_spawn would then leave
        // ignored in the command; their bits are set directly (bit n-1 for signal n).
        sigfillset(signals);
        signals.setLong(0, signals.getLong(0) | INTERNAL_SIGNALS);
        check(posix_spawnattr_setsigdefault(attributes, signals), "setsigdefault");
        check(
            posix_spawnattr_setflags(
                attributes,
                (short) (POSIX_SPAWN_SETSID | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF)),
            "posix_spawnattr_setflags");
        String[] env = new String[environment.size()];
        int i = 0;
        for (Map.Entry<String, String> e : environment.entrySet()) {
          env[i++] = e.getKey() + "=" + e.getValue();
        }
        IntByReference pid = new IntByReference();
        int error =
            posix_spawnp(
                pid,
                path(argv.get(0)),
                actions,
                attributes,
                cStrings(argv.toArray(new String[0])),
                cStrings(env));
        if (error != 0) {
          throw new IOException(
              "Cannot run program \""
                  + argv.get(0)
                  + "\" (in directory \""
                  + dir
                  + "\"): error="
                  + error
                  + ", "
                  + strerror(error));
        }
        return new SpawnedProcess(pid.getValue());
      } finally {
        posix_spawnattr_destroy(attributes);
      }
    } finally {
      posix_spawn_file_actions_destroy(actions);
    }
  }

  /**
   * The exit status of child {@code pid} once it has exited (and reaps it), in {@link Process}'s
   * terms (the exit code, or 128 + the signal that killed it); -1 while it runs.
   */
  static int reap(int pid) {
    IntByReference status = new IntByReference();
    int r = waitpid(pid, status, WNOHANG);
    if (r == 0 || (r < 0 && Native.getLastError() == EINTR)) {
      return -1;
    }
    if (r != pid) {
      return 128 + 9; // waitpid failed (ECHILD): the child is gone, reaped elsewhere
    }
    int s = status.getValue();
    int signal = s & 0x7f;
    return signal == 0 ? (s >> 8) & 0xff : 128 + signal;
  }

  /**
   * The strings as C's {@code char *[]}, ended by a null pointer, with the strings after the
   * pointers in the same block of native memory. JNA's {@code StringArray} makes one tracked
   * allocation per string: with the environment, some 60 per run, whose bookkeeping and cleaning
   * took 14% of the samples of a sweep of 2,000 tiny commands.
   */
  static Memory cStrings(String[] strings) {
    int n = strings.length;
    byte[][] bytes = new byte[n][];
    long size = 8L * (n + 1);
    for (int i = 0; i < n; i++) {
      bytes[i] = strings[i].getBytes(PATHS);
      size += bytes[i].length + 1;
    }
    Memory m = new Memory(size);
    long base = Pointer.nativeValue(m);
    long at = 8L * (n + 1);
    for (int i = 0; i < n; i++) {
      m.write(at, bytes[i], 0, bytes[i].length);
      m.setByte(at + bytes[i].length, (byte) 0);
      m.setLong(8L * i, base + at);
      at += bytes[i].length + 1;
    }
    m.setLong(8L * n, 0);
    return m;
  }

  private static void redirect(Pointer actions, int stream, Stdio to, int flags)
      throws IOException {
    if (to.file() == null) {
      check(
          posix_spawn_file_actions_adddup2(actions, to.fd(), stream),
          "posix_spawn_file_actions_adddup2");
    } else {
      check(
          posix_spawn_file_actions_addopen(actions, stream, path(to.file()), flags, 0),
          "posix_spawn_file_actions_addopen");
    }
  }

  private static byte[] path(Object p) {
    byte[] b = p.toString().getBytes(PATHS);
    byte[] z = new byte[b.length + 1];
    System.arraycopy(b, 0, z, 0, b.length);
    return z;
  }

  private static void check(int error, String what) throws IOException {
    if (error != 0) {
      throw new IOException(what + " failed: error=" + error + ", " + strerror(error));
    }
  }
}
