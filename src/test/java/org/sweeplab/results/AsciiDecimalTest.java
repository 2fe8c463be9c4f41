package org.sweeplab.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The exact decimal path gives what the JDK's correctly rounded {@link Double#parseDouble} gives
 * (the reference), bit for bit, and NaN for whatever it leaves to a slower path.
 */
class AsciiDecimalTest {
  private static double exact(String s) {
    byte[] b = ("x" + s + "y").getBytes(StandardCharsets.US_ASCII); // read inside a larger array
    return AsciiDecimal.exact(b, 1, b.length - 1);
  }

  @Test
  void randomDecimalsAsParseDoubleReadsThem() {
    SplittableRandom random = new SplittableRandom(20261201L);
    int taken = 0;
    for (int round = 0; round < 100_000; round++) {
      int intDigits = random.nextInt(0, 10);
      int fractionDigits = random.nextInt(0, 12);
      StringBuilder s = new StringBuilder(random.nextInt(4) == 0 ? "-" : "");
      for (int k = 0; k < intDigits; k++) {
        s.append((char) ('0' + random.nextInt(10)));
      }
      if (intDigits == 0 || random.nextBoolean()) {
        s.append('.');
        if (intDigits == 0 && fractionDigits == 0) {
          fractionDigits = 1;
        }
        for (int k = 0; k < fractionDigits; k++) {
          s.append((char) ('0' + random.nextInt(10)));
        }
      }
      double d = exact(s.toString());
      if (!Double.isNaN(d)) {
        taken++;
        double expected = Double.parseDouble(s.toString());
        assertEquals(
            Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(d), s::toString);
      }
    }
    assertTrue(taken > 90_000, "the fast path took only " + taken);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "0",
        "-0.0",
        "+1.5",
        "007.250",
        "0.1",
        "123456789012345678",
        "9007199254740991",
        "1.0000000000000000000001",
        "3.",
        "-.5"
      })
  void edgesAsParseDoubleReadsThem(String s) {
    double d = exact(s);
    if (!Double.isNaN(d)) {
      assertEquals(
          Double.doubleToRawLongBits(Double.parseDouble(s)), Double.doubleToRawLongBits(d), s);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "+",
        "-",
        ".",
        "1e5",
        "1E-3",
        "12a",
        "1.2.3",
        "NaN",
        "Infinity",
        "9007199254740993",
        "1234567890123456789",
        "0.00000000000000000000001",
        " 1"
      })
  void leftToTheSlowPath(String s) {
    assertTrue(
        Double.isNaN(exact(s)), () -> String.format(Locale.ROOT, "%s read as %s", s, exact(s)));
  }
}
