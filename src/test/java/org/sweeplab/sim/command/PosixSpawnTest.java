package org.sweeplab.sim.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
}
