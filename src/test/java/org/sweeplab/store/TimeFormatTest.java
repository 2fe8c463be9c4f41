package org.sweeplab.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The journal's timestamps: fixed-width ISO-8601 UTC with milliseconds, whatever the instant. */
class TimeFormatTest {
  /** The reference: the JDK's own pattern formatter (not the code under test's Instant path). */
  private static final DateTimeFormatter REFERENCE =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  @ParameterizedTest
  @CsvSource({
    "0, 1970-01-01T00:00:00.000Z",
    "1, 1970-01-01T00:00:00.001Z",
    "999, 1970-01-01T00:00:00.999Z",
    "1000, 1970-01-01T00:00:01.000Z",
    "-1, 1969-12-31T23:59:59.999Z",
    "1764565443000, 2025-12-01T05:04:03.000Z",
    "1764565443050, 2025-12-01T05:04:03.050Z"
  })
  void writesTheDocumentedText(long millis, String expected) {
    assertEquals(expected, new JournalFormat.TimeFormat().format(millis));
  }

  @Test
  void agreesWithTheJdkPatternOnSeededInstants() {
    SplittableRandom rng = new SplittableRandom(11);
    JournalFormat.TimeFormat time = new JournalFormat.TimeFormat();
    long start = Instant.parse("2020-01-01T00:00:00Z").toEpochMilli();
    for (int i = 0; i < 100_000; i++) {
      // whole seconds in a quarter of the cases: the case Instant.toString writes shorter
      long millis = start + rng.nextLong(10L * 365 * 86_400_000L);
      if (i % 4 == 0) {
        millis -= Math.floorMod(millis, 1000L);
      }
      assertEquals(REFERENCE.format(Instant.ofEpochMilli(millis)), time.format(millis));
      // the same instant again comes from the cache
      assertEquals(REFERENCE.format(Instant.ofEpochMilli(millis)), time.format(millis));
    }
  }
}
