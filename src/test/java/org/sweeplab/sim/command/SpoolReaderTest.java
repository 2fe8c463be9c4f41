package org.sweeplab.sim.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A spool is read as it grows, without waiting, and not past its size limit. */
class SpoolReaderTest {
  @TempDir Path tmp;

  @Test
  void readsWhatArrivesAndNothingWhenNothingIsNew() throws Exception {
    Path spool = Files.createFile(tmp.resolve("s.spool"));
    byte[] buf = new byte[64];
    try (SpoolReader r = new SpoolReader(spool, "stdout");
        OutputStream w = Files.newOutputStream(spool, StandardOpenOption.APPEND)) {
      assertEquals(0, r.read(buf));
      w.write("{\"cost\": 1}\n".getBytes(StandardCharsets.UTF_8));
      w.flush();
      assertEquals(12, r.read(buf));
      assertEquals("{\"cost\": 1}\n", new String(buf, 0, 12, StandardCharsets.UTF_8));
      assertEquals(0, r.read(buf));
      w.write("{\"y\": 2}".getBytes(StandardCharsets.UTF_8));
      w.flush();
      assertEquals(8, r.read(buf));
    }
  }

  @Test
  void failsPastItsLimit() throws Exception {
    Path spool = Files.write(tmp.resolve("big.spool"), new byte[5000]);
    try (SpoolReader r = new SpoolReader(spool, "stderr", 4096)) {
      byte[] buf = new byte[8192];
      IOException e = assertThrows(IOException.class, () -> r.read(buf));
      assertEquals(
          "the command wrote more than 4,096 bytes to stderr; write large output to a file in the"
              + " run folder instead",
          e.getMessage());
    }
  }
}
