package org.sweeplab.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sweeplab.run.RunStatus;
import org.sweeplab.sim.Metrics;
import org.sweeplab.spec.SweepSpec;
import org.sweeplab.store.*;

/**
 * JournalTail reads only what was appended, waits for a torn line's newline, and counts as status
 * does.
 */
class JournalTailTest {
  @TempDir Path tmp;

  @Test
  void eachPollReadsOnlyTheAppendedBytesAndATornLineWaitsForItsNewline() throws Exception {
    Path dir = tmp.resolve("out");
    SweepSpec spec =
        SweepSpec.builder("tail")
            .simulation("s")
            .values("mode", "a", "b")
            .range("n", 1, 3, 1)
            .replicates(2)
            .seed(9)
            .build();
    Sweep.of(spec)
        .simulation(
            ctx -> {
              if (ctx.getString("mode").equals("b") && ctx.replicate() == 2) {
                throw new IllegalArgumentException("no " + ctx.getLong("n"));
              }
              return Metrics.of("y", 1.0 * ctx.getLong("n"));
            })
        .output(dir)
        .run();
    Path journal = dir.resolve("runs.jsonl");
    List<String> lines = Files.readAllLines(journal, StandardCharsets.UTF_8);
    assertEquals(12, lines.size());
    // Keep the first 5 lines, then feed the rest back in pieces, the last one torn in two.
    Files.writeString(
        journal, String.join("\n", lines.subList(0, 5)) + "\n", StandardCharsets.UTF_8);
    JournalTail tail = JournalTail.open(dir);
    JournalTail.Snapshot s = tail.poll();
    assertEquals(5, s.finished());
    long bytes = s.journalBytes();
    assertEquals(Files.size(journal), bytes);
    assertEquals(s.journalBytes(), tail.poll().journalBytes(), "nothing appended, nothing read");
    String rest = String.join("\n", lines.subList(5, 11)) + "\n";
    String last = lines.get(11);
    Files.writeString(
        journal, rest + last.substring(0, 40), StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    s = tail.poll();
    assertEquals(11, s.finished(), "the torn last line is not counted yet");
    assertEquals(bytes + rest.getBytes(StandardCharsets.UTF_8).length, s.journalBytes());
    Files.writeString(
        journal, last.substring(40) + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    s = tail.poll();
    assertEquals(12, s.finished());
    assertEquals(Files.size(journal), s.journalBytes());
    FolderStatus status = FolderStatus.of(dir);
    for (RunStatus st : RunStatus.values()) {
      assertEquals(status.count(st), s.byStatus()[st.ordinal()], st.label());
    }
    assertEquals(status.missing(), s.missing());
    assertEquals(3, s.failures().get(0).count());
    assertEquals("IllegalArgumentException", s.failures().get(0).type());
    // A run journalled again (a resume that reruns it) replaces its first line rather than counting
    // twice.
    Files.writeString(
        journal, lines.get(0) + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    assertEquals(12, tail.poll().finished());
  }
}
