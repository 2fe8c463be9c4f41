package org.sweeplab.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NumbersTest {
  static String text(double d) {
    ByteLine line = new ByteLine();
    Numbers.append(line, d);
    return new String(line.toBytes(), java.nio.charset.StandardCharsets.US_ASCII);
  }

  @ParameterizedTest
  @CsvSource({
    "1.0, 1.0",
    "0.5, 0.5",
    "12.045, 12.045",
    "-0.25, -0.25",
    "0.001, 0.001",
    "123456.789, 123456.789",
    "0.30000000000000004, 0.30000000000000004",
    "1.0E-5, 1.0E-5",
    "1.0E7, 1.0E7",
    "9999999.5, 9999999.5",
    "0.1, 0.1",
    "5.9E-4, 5.9E-4"
  })
  void writesTheExpectedText(double d, String expected) {
    assertEquals(expected, text(d));
  }

  @Test
  void everyTextParsesBackToTheSameDouble() {
    SplittableRandom rng = new SplittableRandom(7);
    for (int i = 0; i < 200_000; i++) {
      double d =
          switch (i % 4) {
            case 0 -> rng.nextDouble() * Math.pow(10, rng.nextInt(-6, 9));
            case 1 -> Math.round(rng.nextDouble() * 1e6) / Math.pow(10, rng.nextInt(0, 7));
            case 2 -> -rng.nextInt(1_000_000) / 1000.0;
            default -> Double.longBitsToDouble(rng.nextLong());
          };
      if (Double.isFinite(d)) {
        assertEquals(
            d, Double.parseDouble(text(d)), () -> "round trip of " + d + " via " + text(d));
      }
    }
  }

  @Test
  void longsAndPaddedLongsMatchTheJdk() {
    SplittableRandom rng = new SplittableRandom(3);
    long[] edges = {
      0,
      1,
      9,
      10,
      99,
      100,
      101,
      999,
      1000,
      Long.MAX_VALUE,
      Long.MIN_VALUE,
      -1,
      -10,
      -100,
      999_999_999_999_999_999L,
      1_000_000_000_000_000_000L
    };
    for (int i = 0; i < 200_000 + edges.length; i++) {
      long v = i < edges.length ? edges[i] : rng.nextLong() >> rng.nextInt(64);
      ByteLine line = new ByteLine();
      line.number(v);
      assertEquals(
          Long.toString(v), new String(line.toBytes(), java.nio.charset.StandardCharsets.US_ASCII));
      if (v >= 0 && v < 1_000_000) {
        ByteLine padded = new ByteLine();
        padded.padded(v, 6);
        assertEquals(
            String.format("%06d", v),
            new String(padded.toBytes(), java.nio.charset.StandardCharsets.US_ASCII));
      }
    }
  }
}
