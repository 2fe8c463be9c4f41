package org.sweeplab.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link FourDigits} against {@code String.format(Locale.ROOT, "%.4g", x)}: the expected strings
 * below are what Java 17's formatter writes; the seeded values span every magnitude.
 */
class FourDigitsTest {

  @ParameterizedTest
  @CsvSource({
    "1.2345, 1.235",
    "1.2355, 1.236",
    "12345, 1.235e+04",
    "99995, 1.000e+05",
    "99994, 9.999e+04",
    "1.0E-4, 0.0001000",
    "9.999E-5, 9.999e-05",
    "9.9995E-5, 0.0001000",
    "9999.5, 1.000e+04",
    "9999.4, 9999",
    "1.0E-5, 1.000e-05",
    "1.23456789E8, 1.235e+08",
    "-0.5, -0.5000",
    "1.0E300, 1.000e+300",
    "4.9E-324, 4.900e-324",
    "0.1, 0.1000",
    "100, 100.0",
    "1000, 1000",
    "10000, 1.000e+04",
    "2.5, 2.500",
    "1.2345E-4, 0.0001235",
    "-51.91176629213483, -51.91",
    "0, 0.000",
    "-0.0, -0.000",
    "NaN, NaN",
    "Infinity, Infinity"
  })
  void writesWhatTheFormatterWrites(double x, String expected) {
    assertEquals(expected, FourDigits.format(x));
  }

  static LongStream seeds() {
    return LongStream.rangeClosed(1, 20);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void agreesWithTheFormatterAtEveryMagnitude(long seed) {
    Random r = new Random(seed);
    for (int i = 0; i < 5_000; i++) {
      double x = r.nextGaussian() * Math.pow(10, r.nextInt(40) - 20);
      if (r.nextInt(4) == 0) {
        x = Math.round(x * 1e4) / 1e4; // short decimals, where halves are ties
      }
      assertEquals(String.format(Locale.ROOT, "%.4g", x), FourDigits.format(x), "x = " + x);
    }
  }
}
