package org.sweeplab.sim.command;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stdout spool is read as it grows and ends only once its writer is done. */
class SpoolTailTest {
  @TempDir Path tmp;

  @Test
  void readsWhatArrivesWhileTheWriterRunsAndEndsAfterItIsDone() throws Exception {
    Path spool = Files.createFile(tmp.resolve("s.spool"));
    SpoolTail tail = new SpoolTail(spool);
    CompletableFuture<byte[]> read =
        CompletableFuture.supplyAsync(
            () -> {
              try (tail) {
                return tail.readAllBytes();
              } catch (IOException e) {
                throw new IllegalStateException(e);
              }
            });
    try (OutputStream w = Files.newOutputStream(spool, StandardOpenOption.APPEND)) {
      w.write("{\"cost\": 1}\n".getBytes(StandardCharsets.UTF_8));
      w.flush();
      Thread.sleep(30); // the reader is waiting at the end of the file now
      w.write("{\"y\": 2}".getBytes(StandardCharsets.UTF_8));
    }
    Thread.sleep(30);
    assertTrue(!read.isDone(), "the tail must not end before the writer is done");
    tail.writerDone();
    assertArrayEquals(
        "{\"cost\": 1}\n{\"y\": 2}".getBytes(StandardCharsets.UTF_8),
        read.get(5, TimeUnit.SECONDS));
  }

  @Test
  void failsPastItsLimit() throws Exception {
    Path spool = Files.write(tmp.resolve("big.spool"), new byte[5000]);
    try (SpoolTail tail = new SpoolTail(spool, 4096)) {
      tail.writerDone();
      ByteArrayOutputStream sink = new ByteArrayOutputStream();
      IOException e = assertThrows(IOException.class, () -> tail.transferTo(sink));
      assertEquals(
          "the command wrote more than 4,096 bytes to stdout; write large output to a file in the"
              + " run folder instead",
          e.getMessage());
    }
  }
}
