package org.sweeplab.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sweeplab.run.PlannedRun;
import org.sweeplab.run.RunRecord;
import org.sweeplab.run.RunStatus;
import org.sweeplab.space.Variation;
import org.sweeplab.space.VariationKeys;

/**
 * The journal's fast decoder must read every line exactly as the JSON parser does, or leave it to
 * the parser: on the golden journal, on lines the writer makes from random records, and on lines in
 * other forms.
 */
class JournalDecoderTest {

  private static void sameAsJackson(byte[] line, boolean canonical) throws IOException {
    JournalReader.Entry fast = JournalDecoder.decode(line, 0, line.length);
    JournalReader.Entry json = JournalReader.parseJson(line, 0, line.length);
    if (canonical) {
      assertNotNull(fast, () -> "decoded: " + new String(line, StandardCharsets.UTF_8));
    }
    if (fast != null) {
      assertEquals(json, fast, () -> new String(line, StandardCharsets.UTF_8));
      assertEquals(json.params().getClass(), fast.params().getClass());
    }
    assertEquals(json, JournalReader.parse(line, 0, line.length));
    JournalReader.Entry outcome = JournalDecoder.decode(line, 0, line.length, true);
    if (fast != null) {
      // a resume's reading: the same outcome, without what it does not need
      assertNotNull(outcome);
      assertEquals(
          new JournalReader.Entry(
              null,
              null,
              json.variationKey(),
              json.replicate(),
              json.seed(),
              Map.of(),
              json.status(),
              json.metrics(),
              json.cost(),
              null,
              json.durationMs(),
              json.attempts(),
              json.errorType(),
              json.errorMessage()),
          outcome);
    }
    // a resume's reading in place: the same outcome again, or the line left to the paths above
    JournalDecoder.Outcome o = new JournalDecoder.Outcome();
    o.names[0] = "value"; // a name left by an earlier line is reused only when it matches
    boolean decoded = JournalDecoder.decodeOutcome(line, 0, line.length, o);
    boolean knownStatus =
        json.status() != null
            && java.util.Arrays.stream(RunStatus.values())
                .anyMatch(st -> st.label().equals(json.status()));
    boolean hexKey = json.variationKey().matches("[0-9a-f]{16}.*");
    if (fast != null && knownStatus && hexKey) {
      assertTrue(decoded, () -> "in place: " + new String(line, StandardCharsets.UTF_8));
    }
    if (decoded) {
      assertNotNull(fast);
      assertEquals(VariationKeys.shortKey(json.variationKey()), o.shortKey);
      assertEquals(json.replicate(), o.replicate);
      assertEquals(json.seed(), o.seed);
      assertEquals(json.status(), o.status.label());
      assertEquals(json.metrics(), o.metricMap());
      for (Map.Entry<String, Object> m : json.metrics().entrySet()) {
        Object v = o.metricMap().get(m.getKey());
        assertEquals(
            m.getValue() == null ? null : m.getValue().getClass(), v == null ? null : v.getClass());
      }
      assertEquals(Double.doubleToLongBits(json.cost()), Double.doubleToLongBits(o.cost));
      assertEquals(
          Double.doubleToLongBits(json.durationMs()), Double.doubleToLongBits(o.durationMs));
      assertEquals(json.errorType(), o.errorType);
      assertEquals(json.errorMessage(), o.errorMessage);
    }
  }

  @Test
  void goldenLinesDecodeLikeJackson() throws IOException {
    List<String> lines =
        Files.readAllLines(Path.of("src/test/resources/golden/runs.jsonl"), StandardCharsets.UTF_8);
    assertEquals(2, lines.size());
    for (String l : lines) {
      // both golden lines hold escapes (a quote in a parameter, a tab, a newline): the parser's
      sameAsJackson(l.getBytes(StandardCharsets.UTF_8), false);
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void writtenLinesDecodeLikeJackson(long seed) throws IOException {
    SplittableRandom rnd = new SplittableRandom(seed);
    ByteLine sb = new ByteLine();
    JournalFormat.TimeFormat time = new JournalFormat.TimeFormat();
    int decoded = 0;
    for (int n = 0; n < 2000; n++) {
      List<String> names = List.of("strategy", "budget", "alpha", "flag");
      Object[] values = {
        pick(rnd, "greedy", "beam", "a \"q\"", "ü"),
        rnd.nextLong(),
        rnd.nextDouble() * 1e6 - 5e5,
        rnd.nextBoolean()
      };
      Variation v = new Variation(n, "var-" + n, VariationKeys.key(names, values), names, values);
      PlannedRun run = new PlannedRun(v, 1 + rnd.nextInt(100), rnd.nextLong(), "r-" + n, n);
      Map<String, Object> metrics = new LinkedHashMap<>();
      metrics.put("score", rnd.nextGaussian() * Math.pow(10, rnd.nextInt(-30, 30)));
      metrics.put("n", rnd.nextLong() >> rnd.nextInt(64));
      metrics.put("win", rnd.nextBoolean());
      metrics.put("note", pick(rnd, "plain", "tab\there", "x", "", "€"));
      metrics.put("missing", rnd.nextBoolean() ? null : Double.NaN);
      // few digits, as most metrics are: the in-place reader's own decimal path
      metrics.put("short", Math.round(rnd.nextGaussian() * 1e6) / Math.pow(10, rnd.nextInt(0, 9)));
      boolean failed = rnd.nextInt(5) == 0;
      RunRecord r =
          new RunRecord(
              run,
              failed ? RunStatus.FAILED : RunStatus.OK,
              failed ? Map.of() : metrics,
              rnd.nextBoolean() ? Double.NaN : rnd.nextDouble() * 10,
              1_795_000_000_000L + rnd.nextInt(1_000_000),
              rnd.nextLong(0, 10_000_000_000L),
              1 + rnd.nextInt(3),
              failed ? "Boom" : null,
              failed ? pick(rnd, "plain message", "line\nbreak", "quote \" here") : null);
      sb.reset();
      JournalFormat.encode(sb, r, time);
      byte[] line = java.util.Arrays.copyOf(sb.array(), sb.length() - 1); // without the newline
      String text = new String(line, StandardCharsets.UTF_8);
      boolean plain = !text.contains("\\") && text.chars().allMatch(c -> c < 0x80);
      sameAsJackson(line, plain);
      if (plain) {
        decoded++;
      }
    }
    assertEquals(true, decoded > 200, "most random lines take the fast path: " + decoded);
  }

  @Test
  void decimalsAreReadAsTheJdkReadsThem() {
    SplittableRandom rnd = new SplittableRandom(17);
    JournalDecoder.Outcome o = new JournalDecoder.Outcome();
    for (int n = 0; n < 50_000; n++) {
      StringBuilder t = new StringBuilder(rnd.nextBoolean() ? "-" : "");
      int digits = rnd.nextInt(1, 19);
      int point = rnd.nextInt(1, digits + 1);
      for (int k = 0; k < digits; k++) {
        if (k == point) {
          t.append('.');
        }
        // a leading zero only alone before the point, as JSON has it
        t.append(k == 0 && point > 1 ? rnd.nextInt(1, 10) : rnd.nextInt(10));
      }
      if (point == digits) {
        t.append(".").append(rnd.nextInt(10)); // a fraction, so a double
      }
      String text = t.toString();
      byte[] line =
          ("{\"run_id\":\"r\",\"variation_id\":\"v\",\"variation_key\":"
                  + "\"0123456789abcdef0123456789abcdef\",\"replicate\":1,\"seed\":-2,"
                  + "\"params\":{},\"status\":\"ok\",\"metrics\":{\"x\":"
                  + text
                  + "},\"cost\":"
                  + text
                  + ",\"started_at\":\"t\",\"duration_ms\":1,\"attempts\":1,\"error\":null}")
              .getBytes(StandardCharsets.US_ASCII);
      assertTrue(JournalDecoder.decodeOutcome(line, 0, line.length, o), text);
      double expected = Double.parseDouble(text);
      assertEquals(expected, (Double) o.values[0], 0.0, text);
      assertEquals(
          Double.doubleToLongBits(expected), Double.doubleToLongBits((Double) o.values[0]));
      assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(o.cost), text);
    }
  }

  @ParameterizedTest
  @ValueSource(
      longs = {
        0,
        1,
        -1,
        9,
        10,
        999_999_999_999_999_999L,
        -999_999_999_999_999_999L,
        1_000_000_000_000_000_000L,
        Long.MAX_VALUE,
        Long.MIN_VALUE,
        Long.MAX_VALUE - 7,
        Long.MIN_VALUE + 1
      })
  void integersAreReadAsTheJdkReadsThem(long value) {
    byte[] line =
        ("{\"run_id\":\"r\",\"variation_id\":\"v\",\"variation_key\":"
                + "\"0123456789abcdef0123456789abcdef\",\"replicate\":1,\"seed\":"
                + value
                + ",\"params\":{},\"status\":\"ok\",\"metrics\":{\"n\":"
                + value
                + "},\"cost\":null,\"started_at\":\"t\",\"duration_ms\":1,\"attempts\":1,"
                + "\"error\":null}")
            .getBytes(StandardCharsets.US_ASCII);
    JournalDecoder.Outcome o = new JournalDecoder.Outcome();
    assertTrue(JournalDecoder.decodeOutcome(line, 0, line.length, o));
    assertEquals(value, o.seed);
    assertEquals(Long.valueOf(value), o.values[0]);
    byte[] over =
        new String(line, StandardCharsets.US_ASCII)
            .replace("\"seed\":" + value, "\"seed\":" + value + "0")
            .getBytes(StandardCharsets.US_ASCII);
    if (Math.abs((double) value) > 1e18) { // ten times more does not fit: left to the parser
      assertEquals(false, JournalDecoder.decodeOutcome(over, 0, over.length, o));
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"variation_key\":\"ab\",\"replicate\":1,\"status\":\"ok\"}",
        "{ \"run_id\":\"r\",\"variation_id\":\"v\",\"variation_key\":\"k\",\"replicate\":1,\"seed\":2,"
            + "\"params\":{},\"status\":\"ok\",\"metrics\":{},\"cost\":null,\"started_at\":\"t\","
            + "\"duration_ms\":1.5,\"attempts\":1,\"error\":null}",
        "{\"run_id\":\"r\",\"variation_id\":\"v\",\"variation_key\":\"k\",\"replicate\":1,\"seed\":2,"
            + "\"params\":{\"a\":1,\"a\":2},\"status\":\"ok\",\"metrics\":{},\"cost\":3,"
            + "\"started_at\":\"t\",\"duration_ms\":1,\"attempts\":1,\"error\":null}",
        "{\"run_id\":\"r\",\"variation_id\":\"v\",\"variation_key\":\"k\",\"replicate\":1,\"seed\":2,"
            + "\"params\":{\"a\":[1,2]},\"status\":\"ok\",\"metrics\":{\"m\":{\"x\":1}},\"cost\":3,"
            + "\"started_at\":\"t\",\"duration_ms\":1,\"attempts\":1,\"error\":{\"type\":\"T\"}}",
        "{\"run_id\":\"r\",\"variation_id\":\"v\",\"variation_key\":\"k\",\"replicate\":1,\"seed\":2,"
            + "\"params\":{},\"status\":\"ok\",\"metrics\":{\"big\":123456789012345678901234567890},"
            + "\"cost\":1e400,\"started_at\":\"t\",\"duration_ms\":-0.0,\"attempts\":1,\"error\":null}",
        "{\"run_id\":\"r\",\"variation_id\":\"v\",\"variation_key\":\"k\",\"replicate\":1,\"seed\":2,"
            + "\"params\":{},\"status\":\"ok\",\"metrics\":{\"x\":1E-3,\"y\":-7},\"cost\":1,"
            + "\"started_at\":\"t\",\"duration_ms\":0,\"attempts\":1,\"error\":null,\"extra\":true}"
      })
  void otherFormsAreLeftToTheParserOrReadAlike(String text) throws IOException {
    byte[] line = text.getBytes(StandardCharsets.UTF_8);
    JournalReader.Entry fast = JournalDecoder.decode(line, 0, line.length);
    JournalReader.Entry json;
    try {
      json = JournalReader.parseJson(line, 0, line.length);
    } catch (IOException | RuntimeException e) {
      assertNull(fast, "the parser refuses it, so must the decoder");
      return;
    }
    if (fast != null) {
      assertEquals(json, fast);
    }
  }

  @Test
  void canonicalLineWithoutEscapesTakesTheFastPath() {
    byte[] line =
        ("{\"run_id\":\"var-0001-run-00002\",\"variation_id\":\"var-0001\",\"variation_key\":"
                + "\"f097b837bba89e3a30d5090d638b6c3c\",\"replicate\":2,\"seed\":9114526575327964380,"
                + "\"params\":{\"strategy\":\"random\",\"tick_budget\":50},\"status\":\"ok\","
                + "\"metrics\":{\"value\":50.57},\"cost\":null,\"started_at\":\"2026-11-30T15:02:05.638Z\","
                + "\"duration_ms\":6.964,\"attempts\":1,\"error\":null}")
            .getBytes(StandardCharsets.UTF_8);
    JournalReader.Entry e = JournalDecoder.decode(line, 0, line.length);
    assertNotNull(e);
    assertEquals(9114526575327964380L, e.seed());
    assertEquals(Map.of("strategy", "random", "tick_budget", 50L), e.params());
    assertEquals(50.57, (Double) e.metrics().get("value"));
    assertEquals(6.964, e.durationMs());
    assertEquals(Double.NaN, e.cost());
  }

  private static String pick(SplittableRandom rnd, String... options) {
    return options[rnd.nextInt(options.length)];
  }
}
