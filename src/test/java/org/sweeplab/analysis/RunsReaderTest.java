package org.sweeplab.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sweeplab.results.ColumnType;

/**
 * The parallel CSV reader: every split of a file gives the same columns as one thread, whatever the
 * file holds.
 */
class RunsReaderTest {
  @TempDir Path dir;

  /**
   * A file with quoted fields holding commas, quotes and line breaks, CRLF line ends, text in a
   * number column.
   */
  private Path awkward(int rows, long seed, boolean crlf, boolean bom) throws IOException {
    SplittableRandom rng = new SplittableRandom(seed);
    String eol = crlf ? "\r\n" : "\n";
    StringBuilder b = new StringBuilder(bom ? "\uFEFF" : "");
    b.append("run_id,variation_id,note,budget,seed,status,score,cost,error_type,error_message")
        .append(eol);
    for (int i = 0; i < rows; i++) {
      boolean ok = rng.nextDouble() < 0.8;
      String note =
          switch (rng.nextInt(4)) {
            case 0 -> "plain";
            case 1 -> "\"with, comma\"";
            case 2 -> "\"two\nlines \"\"quoted\"\"\"";
            default -> "";
          };
      b.append(i)
          .append(",v")
          .append(i % 7)
          .append(',')
          .append(note)
          .append(',')
          .append(100 * (1 + i % 3))
          .append(',')
          .append(Long.MAX_VALUE - i)
          .append(',')
          .append(ok ? "ok" : "failed")
          .append(',')
          .append(
              ok
                  ? String.format(Locale.ROOT, "%.6f", rng.nextGaussian())
                  : rng.nextBoolean() ? "timeout" : "")
          .append(',')
          .append(String.format(Locale.ROOT, "%.3f", rng.nextDouble()))
          .append(',')
          .append(ok ? "" : "Crash")
          .append(',')
          .append(ok ? "" : "\"failed at step " + i + "\r\nbye\"")
          .append(eol);
    }
    Path f = dir.resolve("awkward-" + seed + (crlf ? "-crlf" : "") + (bom ? "-bom" : "") + ".csv");
    Files.writeString(f, b.toString(), StandardCharsets.UTF_8);
    return f;
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 64, 257, 4096})
  void everySplitGivesTheColumnsOfOneThread(long rangeBytes) throws IOException {
    for (boolean crlf : new boolean[] {false, true}) {
      Path f = awkward(3000, 7, crlf, crlf);
      Runs one = RunsReader.withDefaults().withThreads(1).read(f);
      Runs many = RunsReader.withDefaults().withThreads(8).withMinRangeBytes(rangeBytes).read(f);
      assertEquals(3000, one.rowCount());
      assertEquals(one.columnNames(), many.columnNames());
      for (String c : one.columnNames()) {
        assertArrayEquals(one.text(c), many.text(c), c);
      }
    }
  }

  /**
   * Text cells are matched to the cell above by one word when they have at most eight bytes: keys
   * that share their first bytes, differ only in length or only past the eighth byte, repeated and
   * alternating, each read back as written at every split.
   */
  @ParameterizedTest
  @ValueSource(longs = {1, 13, 4096})
  void textKeysSharingPrefixesAreToldApart(long rangeBytes) throws IOException {
    String[] keys = {
      "a",
      "ab",
      "abc",
      "abcdefg",
      "abcdefgh",
      "abcdefgi",
      "abcdefghi",
      "abcdefghj",
      "b",
      "abcd",
      "abcdefghijklmnop",
      "abcdefghijklmnoq",
      "é",
      "éa"
    };
    SplittableRandom rng = new SplittableRandom(3);
    StringBuilder b = new StringBuilder("run_id,variation_id,status,score\n");
    String[] expected = new String[5000];
    for (int i = 0; i < expected.length; i++) {
      expected[i] = rng.nextInt(3) == 0 && i > 0 ? expected[i - 1] : keys[rng.nextInt(keys.length)];
      b.append(i).append(',').append(expected[i]).append(",ok,").append(i % 10).append('\n');
    }
    Path f = dir.resolve("keys.csv");
    Files.writeString(f, b.toString(), StandardCharsets.UTF_8);
    Runs r = RunsReader.withDefaults().withThreads(4).withMinRangeBytes(rangeBytes).read(f);
    assertArrayEquals(expected, r.text("variation_id"));
  }

  @Test
  void quotedFieldsCrlfAndBomAreRead() throws IOException {
    Path f = awkward(50, 3, true, true);
    Runs r = RunsReader.withDefaults().withThreads(2).withMinRangeBytes(100).read(f);
    assertEquals(
        List.of(
            "run_id",
            "variation_id",
            "note",
            "budget",
            "seed",
            "status",
            "score",
            "cost",
            "error_type",
            "error_message"),
        r.columnNames());
    String[] notes = r.text("note");
    assertTrue(List.of(notes).contains("with, comma"));
    assertTrue(List.of(notes).contains("two\nlines \"quoted\""));
    String[] messages = r.text("error_message");
    for (String m : messages) {
      assertTrue(m.isEmpty() || m.startsWith("failed at step ") && m.endsWith("\r\nbye"), m);
    }
    assertEquals(ColumnType.LONG, r.column("seed").type());
    assertEquals(Long.MAX_VALUE - 49, r.longs("seed")[49]);
    assertEquals(ColumnType.DOUBLE, r.column("score").type());
    assertEquals(List.of("score"), r.metrics());
    assertEquals(List.of("note", "budget"), r.parameters());
  }

  @Test
  void textInAFailedRunsMetricIsCountedNotFatal() throws IOException {
    Path f = dir.resolve("t.csv");
    Files.writeString(
        f, "variation_id,status,score\na,ok,1\na,ok,2\na,failed,timeout\nb,ok,3\nb,ok,5\n");
    Runs r = Runs.read(f);
    double[] score = r.numeric("score");
    assertTrue(Double.isNaN(score[2]));
    AnalysisResult a = Analysis.of(r).withMetric("score").run();
    assertEquals(5, a.runs().rowCount());
    Path bad = dir.resolve("bad.csv");
    Files.writeString(bad, "variation_id,status,score\na,ok,1\na,ok,oops\nb,ok,3\n");
    AnalysisException e =
        assertThrows(AnalysisException.class, () -> Runs.read(bad).numeric("score"));
    assertTrue(e.getMessage().contains("'oops' in an ok run at row 2"), e.getMessage());
  }

  @Test
  void raggedRowNamesItsLine() throws IOException {
    Path f = dir.resolve("ragged.csv");
    Files.writeString(f, "a,b,c\n1,2,3\n\"x\ny\",2,3\n4,5\n6,7,8\n");
    AnalysisException e =
        assertThrows(
            AnalysisException.class, () -> RunsReader.withDefaults().withThreads(1).read(f));
    assertEquals(
        f + " line 5 has 2 fields; the header has 3; quote fields that hold commas or line breaks",
        e.getMessage());
  }

  @Test
  void emptyLinesAndAMissingLastLineBreakAreFine() throws IOException {
    Path f = dir.resolve("gaps.csv");
    Files.writeString(f, "x,y\n1,a\n\n2,b\n\n\n3,c");
    for (long range : new long[] {1, 3, 1 << 20}) {
      Runs r = RunsReader.withDefaults().withThreads(4).withMinRangeBytes(range).read(f);
      assertArrayEquals(new String[] {"1", "2", "3"}, r.text("x"));
      assertArrayEquals(new String[] {"a", "b", "c"}, r.text("y"));
    }
  }

  @Test
  void headerOnlyIsAnError() throws IOException {
    Path f = dir.resolve("empty.csv");
    Files.writeString(f, "x,y\n");
    AnalysisException e = assertThrows(AnalysisException.class, () -> Runs.read(f));
    assertTrue(e.getMessage().contains("has no rows"), e.getMessage());
  }

  @Test
  void integerColumnWithADecimalBecomesNumbers() throws IOException {
    StringBuilder b = new StringBuilder("x,label\n");
    for (int i = 0; i < 20_000; i++) {
      b.append(i).append(",a\n");
    }
    b.append("1.5,b\nnot-a-number,c\n");
    Path f = dir.resolve("widen.csv");
    Files.writeString(f, b.toString());
    Runs r = Runs.read(f);
    assertEquals(ColumnType.DOUBLE, r.column("x").type());
    assertEquals(1.5, r.column("x").number(20_000));
    assertEquals("not-a-number", r.column("x").text(20_001));
    assertEquals(r.table().rowCount(), 20_002);
  }

  @Test
  void statusColumnOfAnotherNameKeepsEveryOtherRole() throws IOException {
    // Issue "Analysis core", item 1: the table of the audit.
    Path f = dir.resolve("other.csv");
    Files.writeString(
        f,
        "run_id,arm,algo,outcome,latency\n1,a,x,PASS,1.0\n2,a,x,PASS,1.2\n3,a,x,FAIL,\n"
            + "4,b,y,PASS,2.0\n5,b,y,PASS,2.4\n6,b,y,FAIL,\n7,b,y,PASS,2.2\n8,a,x,PASS,1.1\n");
    Runs r =
        Runs.read(f)
            .withVariationColumn("arm")
            .withStatus("outcome", "PASS")
            .withMetrics("latency");
    assertEquals(List.of("algo"), r.parameters());
    assertEquals(List.of("arm"), r.groups());
    AnalysisResult a = Analysis.of(r).run();
    assertEquals("latency", a.metric());
  }
}
