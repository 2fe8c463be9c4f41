package org.sweeplab.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The journal read on several threads against the one-thread reader, the source of the expected
 * values: the same entries in the same order and the same report, whatever the block size.
 */
class JournalBlocksTest {
  @TempDir Path tmp;

  /** A journal of good lines, garbage, empty lines, a line longer than a block, a torn tail. */
  private Path journal(long seed, boolean tornTail) throws IOException {
    Random rng = new Random(seed);
    StringBuilder sb = new StringBuilder();
    for (int i = 1; i <= 400; i++) {
      int kind = rng.nextInt(20);
      String line =
          JournalReaderTest.LINE
              .replace("\"replicate\":1", "\"replicate\":" + i)
              .replace("\"seed\":5", "\"seed\":" + rng.nextLong());
      if (kind == 0) {
        sb.append("not json at all ").append(i).append('\n');
      } else if (kind == 1) {
        sb.append('\n');
      } else if (kind == 2) {
        sb.append(line.replace("boom", "b".repeat(700 + rng.nextInt(700))));
      } else if (kind < 8) {
        sb.append(
            line.replace("\"status\":\"failed\"", "\"status\":\"ok\"")
                .replace("\"metrics\":{}", "\"metrics\":{\"score\":" + rng.nextGaussian() + "}"));
      } else {
        sb.append(line);
      }
    }
    if (tornTail) {
      sb.append(JournalReaderTest.LINE, 0, 90);
    }
    Path j = tmp.resolve("runs-" + seed + "-" + tornTail + ".jsonl");
    Files.writeString(j, sb.toString(), StandardCharsets.UTF_8);
    return j;
  }

  static Stream<Arguments> layouts() {
    List<Arguments> out = new ArrayList<>();
    for (int block : new int[] {50, 333, 1000, 4096, 1 << 20}) {
      for (int threads : new int[] {2, 3}) {
        for (boolean torn : new boolean[] {false, true}) {
          out.add(Arguments.of(block, threads, torn));
        }
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "blocks of {0} bytes, {1} threads, torn tail {2}")
  @MethodSource("layouts")
  void handsOverWhatTheOneThreadReaderReads(int block, int threads, boolean torn) throws Exception {
    Path j = journal(block * 31L + threads, torn);
    for (boolean outcomeOnly : new boolean[] {false, true}) {
      List<JournalReader.Entry> serial = new ArrayList<>();
      JournalReader.Report expected = JournalReader.read(j, serial::add, outcomeOnly);
      List<JournalReader.Entry> blocks = new ArrayList<>();
      JournalReader.Report actual = JournalBlocks.read(j, threads, block, blocks::add, outcomeOnly);
      assertEquals(expected, actual);
      assertEquals(serial, blocks);
    }
  }

  @Test
  void aLineTheConsumerCannotTakeIsSkippedWithAWarningAsByTheOneThreadReader() throws Exception {
    Path j = journal(5, false);
    for (int threads : new int[] {1, 2}) {
      AtomicInteger seen = new AtomicInteger();
      JournalReader.Report r =
          JournalBlocks.read(
              j,
              threads,
              500,
              x -> {
                if (seen.incrementAndGet() == 100) {
                  throw new IllegalStateException("cannot take it");
                }
              },
              true);
      assertEquals(
          1, r.warnings().stream().filter(w -> w.endsWith("skipped: cannot take it")).count());
    }
  }
}
