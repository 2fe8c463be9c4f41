package org.sweeplab.store;

import java.nio.charset.StandardCharsets;

/**
 * JSON integers read from ASCII bytes without making a string, giving exactly what {@link
 * Long#parseLong} gives (JournalDecoderTest compares them on random numbers): the journal's decoder
 * reads two or three per line. Decimals: {@link org.sweeplab.results.AsciiDecimal}.
 */
final class AsciiNumbers {
  private AsciiNumbers() {}

  /** The integer in bytes [start, stop), as {@link Long#parseLong} reads it. */
  static long toLong(byte[] b, int start, int stop) {
    boolean negative = b[start] == '-';
    int k = negative ? start + 1 : start;
    int digits = stop - k;
    if (digits <= 19) {
      long v = 0;
      for (int last = Math.min(stop, k + 18); k < last; k++) {
        v = v * 10 + (b[k] - '0');
      }
      if (k == stop) {
        return negative ? -v : v;
      }
      int d = b[k] - '0'; // the 19th digit: fits unless past Long.MAX_VALUE
      if (v <= (Long.MAX_VALUE - d) / 10) {
        v = v * 10 + d;
        return negative ? -v : v;
      }
    }
    // Long.MIN_VALUE, or too large: the JDK decides, and throws when it does not fit
    return Long.parseLong(new String(b, start, stop - start, StandardCharsets.US_ASCII));
  }
}
