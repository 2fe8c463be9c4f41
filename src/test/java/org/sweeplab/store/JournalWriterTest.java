package org.sweeplab.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalWriterTest {
  @TempDir Path tmp;

  /**
   * A cancelled sweep journals its abandoned runs on a thread that may have been interrupted (a
   * notebook kernel's interrupt button): the journal must stay open and take every line, where a
   * file channel would be closed for good by the first write.
   */
  @Test
  void anInterruptedThreadStillAppendsAndLaterLinesFollow() throws Exception {
    Path j = tmp.resolve("runs.jsonl");
    byte[] one = "{\"n\":1}\n".getBytes(StandardCharsets.UTF_8);
    byte[] two = "{\"n\":2}\n".getBytes(StandardCharsets.UTF_8);
    try (JournalWriter w = JournalWriter.open(j, 0)) {
      Thread.currentThread().interrupt();
      try {
        for (int i = 0; i < 50; i++) {
          w.append(one, one.length);
        }
      } finally {
        Thread.interrupted();
      }
      w.append(two, two.length);
    }
    String text = Files.readString(j, StandardCharsets.UTF_8);
    assertEquals("{\"n\":1}\n".repeat(50) + "{\"n\":2}\n", text);
  }

  @Test
  void aJournalThatIsASymbolicLinkIsRefused() throws Exception {
    Path target = Files.writeString(tmp.resolve("elsewhere.txt"), "keep\n");
    Path j = Files.createSymbolicLink(tmp.resolve("runs.jsonl"), target);
    assertThrows(IOException.class, () -> JournalWriter.open(j, 0).close());
    assertEquals("keep\n", Files.readString(target, StandardCharsets.UTF_8));
  }
}
