package org.sweeplab.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalReaderTest {
  @TempDir Path tmp;

  static final String LINE =
      "{\"run_id\":\"var-0001-run-001\",\"variation_id\":\"var-0001\","
          + "\"variation_key\":\"0123456789abcdef0123456789abcdef\",\"replicate\":1,\"seed\":5,"
          + "\"params\":{\"a\":\"x \\\"status\\\":\\\"ok\\\"\"},\"status\":\"failed\",\"metrics\":{},\"cost\":null,"
          + "\"started_at\":\"2026-11-22T00:00:00.000Z\",\"duration_ms\":1.5,\"attempts\":1,"
          + "\"error\":{\"type\":\"X\",\"message\":\"boom\\nline 2\"}}\n";

  @Test
  void tornLastLineIsDroppedAndCutOffBeforeAppending() throws Exception {
    Path j = tmp.resolve("runs.jsonl");
    String torn = LINE.substring(0, 70);
    Files.writeString(
        j,
        LINE
            + LINE.replace("run-001", "run-002").replace("\"replicate\":1", "\"replicate\":2")
            + torn,
        StandardCharsets.UTF_8);
    List<JournalReader.Entry> entries = new ArrayList<>();
    JournalReader.Report r = JournalReader.read(j, entries::add);
    assertEquals(2, r.lines());
    assertTrue(r.tornTail());
    assertEquals(2L * LINE.getBytes(StandardCharsets.UTF_8).length, r.validLength());
    assertTrue(r.warnings().get(0).contains("incomplete line"), r.warnings().toString());
    assertEquals("boom\nline 2", entries.get(0).errorMessage());
    assertEquals("x \"status\":\"ok\"", entries.get(0).params().get("a"));

    try (JournalWriter w = JournalWriter.open(j, r.validLength())) {
      byte[] line =
          LINE.replace("run-001", "run-003")
              .replace("\"replicate\":1", "\"replicate\":3")
              .getBytes(StandardCharsets.UTF_8);
      w.append(line, line.length);
    }
    List<JournalReader.Brief> briefs = new ArrayList<>();
    JournalReader.Report again = JournalReader.scan(j, briefs::add);
    assertEquals(3, again.lines());
    assertTrue(again.warnings().isEmpty(), again.warnings().toString());
    // The scan finds the real status, not the quoted text inside a parameter value.
    assertEquals("failed", briefs.get(0).status());
    assertEquals(3, briefs.get(2).replicate());
    assertEquals(0x0123456789abcdefL, briefs.get(0).keyHigh());
  }

  @Test
  void garbageLinesInTheMiddleAreSkippedWithAWarning() throws Exception {
    Path j = tmp.resolve("runs.jsonl");
    Files.writeString(j, LINE + "not json at all\n" + LINE, StandardCharsets.UTF_8);
    List<JournalReader.Entry> entries = new ArrayList<>();
    JournalReader.Report r = JournalReader.read(j, entries::add);
    assertEquals(2, entries.size());
    assertEquals(1, r.warnings().size());
    assertTrue(r.warnings().get(0).startsWith("runs.jsonl line 2 "), r.warnings().get(0));
  }

  @Test
  void parallelScanSeesTheSameLinesAsASerialScan() throws Exception {
    Path j = tmp.resolve("runs.jsonl");
    StringBuilder sb = new StringBuilder();
    for (int i = 1; i <= 2000; i++) {
      sb.append(LINE.replace("\"replicate\":1", "\"replicate\":" + i));
    }
    sb.append(LINE, 0, 50); // a torn tail
    Files.writeString(j, sb.toString(), StandardCharsets.UTF_8);
    List<JournalReader.Brief> serial = new ArrayList<>();
    JournalReader.Report one = JournalReader.scan(j, serial::add);
    for (int parts = 1; parts <= 5; parts++) {
      List<List<JournalReader.Brief>> byPart = new ArrayList<>();
      for (int p = 0; p < parts; p++) {
        byPart.add(new ArrayList<>());
      }
      JournalReader.Report r = JournalReader.scanParallel(j, parts, p -> byPart.get(p)::add);
      List<JournalReader.Brief> all = new ArrayList<>();
      byPart.forEach(all::addAll);
      assertEquals(serial, all, parts + " parts");
      assertEquals(one.lines(), r.lines());
      assertEquals(one.validLength(), r.validLength());
      assertTrue(r.tornTail());
    }
  }
}
