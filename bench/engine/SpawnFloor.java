import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The floor of (ii) for a JVM: the same 2,000 tiny_sim argument lists as
 * bench/engine/tiny-sim.yaml, two threads, each start a posix_spawn through JNA (as sweeplab starts
 * commands) with stdout on a memfd, then waitpid and pread; nothing else (no files, no journal, no
 * results). Prints the bytes read. Usage: bench/engine/spawn-floor.sh (it compiles this file
 * against the JNA jar of target/lib). Argument "setsid" adds POSIX_SPAWN_SETSID and closefrom(3),
 * as sweeplab does; a number as argument runs only the first that many of the 2,000 (used by
 * bench/engine/fixed-marginal.sh).
 */
public class SpawnFloor {
  static {
    Native.register(SpawnFloor.class, Platform.C_LIBRARY_NAME);
  }

  static native int posix_spawn_file_actions_init(Pointer actions);

  static native int posix_spawn_file_actions_destroy(Pointer actions);

  static native int posix_spawn_file_actions_adddup2(Pointer actions, int fd, int newFd);

  static native int posix_spawn_file_actions_addclosefrom_np(Pointer actions, int from);

  static native int posix_spawnattr_init(Pointer attributes);

  static native int posix_spawnattr_destroy(Pointer attributes);

  static native int posix_spawnattr_setflags(Pointer attributes, short flags);

  static native int posix_spawn(
      IntByReference pid,
      byte[] file,
      Pointer actions,
      Pointer attributes,
      Pointer argv,
      Pointer envp);

  static native int waitpid(int pid, IntByReference status, int options);

  static native int memfd_create(String name, int flags);

  static native long pread(int fd, byte[] buf, long count, long offset);

  static native int close(int fd);

  public static void main(String[] args) throws Exception {
    String sim = System.getenv().getOrDefault("TINY_SIM", "/tmp/tiny_sim");
    boolean setsid = false;
    int runs = 2_000;
    for (String arg : args) {
      if (arg.equals("setsid")) {
        setsid = true;
      } else {
        runs = Math.min(2_000, Integer.parseInt(arg));
      }
    }
    final boolean newSession = setsid;
    final int count = runs;
    String[] strategies = {"random", "greedy", "beam", "minimax", "mcts"};
    String[] difficulties = {"easy", "normal", "hard", "extreme"};
    int[] ticks = {50, 100, 200, 400, 800};
    AtomicInteger next = new AtomicInteger();
    AtomicInteger bytes = new AtomicInteger();
    Runnable worker =
        () -> {
          Memory actions = new Memory(256);
          Memory attributes = new Memory(512);
          Memory envp = new Memory(8);
          envp.setPointer(0, null);
          byte[] buf = new byte[8192];
          IntByReference pid = new IntByReference();
          IntByReference status = new IntByReference();
          for (int i; (i = next.getAndIncrement()) < count; ) {
            String[] argv = {
              sim,
              "--strategy",
              strategies[i / 400],
              "--difficulty",
              difficulties[i / 100 % 4],
              "--tick-budget",
              Integer.toString(ticks[i / 20 % 5]),
              "--seed",
              Integer.toString(i % 20 + 1),
              "--work-us",
              "0"
            };
            Memory[] strings = new Memory[argv.length];
            Memory pointers = new Memory(8L * (argv.length + 1));
            for (int k = 0; k < argv.length; k++) {
              strings[k] = new Memory(argv[k].length() + 1L);
              strings[k].setString(0, argv[k]);
              pointers.setPointer(8L * k, strings[k]);
            }
            pointers.setPointer(8L * argv.length, null);
            int out = memfd_create("stdout", 1); // MFD_CLOEXEC
            posix_spawn_file_actions_init(actions);
            posix_spawn_file_actions_adddup2(actions, out, 1);
            posix_spawnattr_init(attributes);
            if (newSession) {
              posix_spawn_file_actions_addclosefrom_np(actions, 3);
              posix_spawnattr_setflags(attributes, (short) 0x80); // POSIX_SPAWN_SETSID
            }
            byte[] file = (sim + "\0").getBytes(StandardCharsets.UTF_8);
            int error = posix_spawn(pid, file, actions, attributes, pointers, envp);
            posix_spawnattr_destroy(attributes);
            posix_spawn_file_actions_destroy(actions);
            if (error != 0) {
              throw new IllegalStateException("posix_spawn failed: " + error);
            }
            waitpid(pid.getValue(), status, 0);
            bytes.addAndGet((int) pread(out, buf, buf.length, 0));
            close(out);
          }
        };
    Thread a = new Thread(worker);
    Thread b = new Thread(worker);
    a.start();
    b.start();
    a.join();
    b.join();
    System.out.println(bytes.get() + " bytes of stdout from " + count + " runs");
  }
}
