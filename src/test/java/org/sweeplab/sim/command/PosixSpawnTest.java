package org.sweeplab.sim.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The C string arrays handed to posix_spawnp, and a command that prints them back. */
class PosixSpawnTest {
  @TempDir Path tmp;

  private static final String[] STRINGS = {"/bin/echo", "", "a b", "é ☃ 𝄞", "x=1=2", "last"};

  @Test
  void stringsAreLaidOutAsCharPointersEndedByNull() {
    assumeTrue(PosixSpawn.AVAILABLE, "posix_spawnp cannot be bound here");
    Memory m = PosixSpawn.cStrings(STRINGS);
    Charset cs = Charset.forName(System.getProperty("sun.jnu.encoding", "UTF-8"));
    List<String> back = new ArrayList<>();
    for (int i = 0; ; i++) {
      Pointer p = m.getPointer(8L * i);
      if (p == null) {
        break;
      }
      back.add(p.getString(0, cs.name()));
    }
    assertEquals(List.of(STRINGS), back);
    assertEquals(List.of(), readBack(PosixSpawn.cStrings(new String[0])));
  }

  private static List<String> readBack(Memory m) {
    List<String> back = new ArrayList<>();
    for (int i = 0; m.getPointer(8L * i) != null; i++) {
      back.add(m.getPointer(8L * i).getString(0));
    }
    return back;
  }

  @Test
  void aCommandGetsItsArgumentsAndExactlyItsEnvironment() throws Exception {
    assumeTrue(PosixSpawn.AVAILABLE, "posix_spawnp cannot be bound here");
    Path in = Files.writeString(tmp.resolve("in"), "");
    Path out = Files.writeString(tmp.resolve("out"), "");
    Path err = Files.writeString(tmp.resolve("err"), "");
    Map<String, String> env = new LinkedHashMap<>();
    env.put("ONLY", "é ☃");
    env.put("EMPTY", "");
    Process p =
        PosixSpawn.start(
            List.of("/bin/sh", "-c", "printf '%s|' \"$0\" \"$1\"; env | sort", "a b", ""),
            env,
            tmp,
            in,
            out,
            err);
    assertEquals(0, p.waitFor());
    String printed = Files.readString(out);
    assertEquals(
        "a b||EMPTY=\nONLY=é ☃\nPWD=" + tmp + "\n", printed.replaceAll("(?m)^SHLVL=.*\n", ""));
  }

  /** The C library's {@code signal(2)}, to make sweeplab ignore a signal for one test. */
  public interface Signals extends com.sun.jna.Library {
    Pointer signal(int signal, Pointer handler);
  }

  @Test
  void aCommandStartsWithEverySignalAtItsDefaultAndNoneBlocked() throws Exception {
    assumeTrue(PosixSpawn.AVAILABLE, "posix_spawnp cannot be bound here");
    assumeTrue(Files.isReadable(Path.of("/proc/self/status")), "no /proc");
    int sigwinch = 28; // not used by the JVM; an ignored disposition would survive exec
    Signals libc = com.sun.jna.Native.load("c", Signals.class);
    Pointer before = libc.signal(sigwinch, new Pointer(1)); // SIG_IGN
    try {
      Path in = Files.writeString(tmp.resolve("in"), "");
      Path out = Files.writeString(tmp.resolve("out"), "");
      Path err = Files.writeString(tmp.resolve("err"), "");
      Process p =
          PosixSpawn.start(List.of("/bin/cat", "/proc/self/status"), Map.of(), tmp, in, out, err);
      assertEquals(0, p.waitFor());
      Map<String, Long> masks = new LinkedHashMap<>();
      for (String line : Files.readAllLines(out)) {
        for (String key : List.of("SigBlk", "SigIgn", "SigCgt")) {
          if (line.startsWith(key + ":")) {
            masks.put(key, Long.parseUnsignedLong(line.substring(key.length() + 1).trim(), 16));
          }
        }
      }
      assertEquals(Map.of("SigBlk", 0L, "SigIgn", 0L, "SigCgt", 0L), masks);
    } finally {
      libc.signal(sigwinch, before);
    }
  }

  @Test
  void stdinAndStderrCanBeMemoryFiles() throws Exception {
    assumeTrue(PosixSpawn.AVAILABLE && MemoryFile.AVAILABLE, "no posix_spawnp or memfd_create");
    Path out = Files.writeString(tmp.resolve("out"), "");
    try (MemoryFile in = MemoryFile.holding("hello é\n".getBytes(StandardCharsets.UTF_8));
        MemoryFile err = MemoryFile.create()) {
      // 3 MB of stderr: read back whole while the memory of what was read is given back
      Process p =
          PosixSpawn.start(
              List.of(
                  "/bin/sh",
                  "-c",
                  "cat; echo oops >&2; head -c 3000000 /dev/zero | tr '\\0' x >&2"),
              Map.of("PATH", "/usr/bin:/bin"),
              tmp,
              PosixSpawn.Stdio.descriptor(in.fd()),
              PosixSpawn.Stdio.file(out),
              PosixSpawn.Stdio.descriptor(err.fd()));
      assertTrue(p.waitFor(30, TimeUnit.SECONDS));
      assertEquals(0, p.exitValue());
      assertEquals("hello é\n", Files.readString(out));
      InputStream r = err.reader();
      byte[] buf = new byte[8192];
      long total = 0;
      StringBuilder head = new StringBuilder();
      boolean allX = true; // not zeros: a hole punched too far would read as zeros
      for (int n; (n = r.read(buf, 0, buf.length)) > 0; ) {
        for (int i = 0; i < n; i++, total++) {
          if (total < 5) {
            head.append((char) buf[i]);
          } else if (buf[i] != 'x') {
            allX = false;
          }
        }
      }
      assertEquals("oops\n", head.toString());
      assertEquals(5 + 3_000_000, total);
      assertTrue(allX);
      assertEquals(-1, r.read(buf, 0, buf.length), "nothing new");
    }
  }

  @Test
  void waitingEndsAtTheExitOrTheTimeout() throws Exception {
    assumeTrue(PosixSpawn.AVAILABLE, "posix_spawnp cannot be bound here");
    Path f = Files.writeString(tmp.resolve("f"), "");
    Process quick = PosixSpawn.start(List.of("/bin/sleep", "0.2"), Map.of(), tmp, f, f, f);
    long start = System.nanoTime();
    assertTrue(quick.waitFor(60, TimeUnit.SECONDS));
    assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(20));
    assertEquals(0, quick.exitValue());
    Process slow = PosixSpawn.start(List.of("/bin/sleep", "30"), Map.of(), tmp, f, f, f);
    start = System.nanoTime();
    assertFalse(slow.waitFor(50, TimeUnit.MILLISECONDS));
    assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(50));
    slow.destroyForcibly();
    assertTrue(slow.waitFor(20, TimeUnit.SECONDS));
    assertEquals(128 + 9, slow.exitValue());
  }
}
