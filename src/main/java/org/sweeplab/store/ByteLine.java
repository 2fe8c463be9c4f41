package org.sweeplab.store;

import java.nio.charset.StandardCharsets;

/**
 * A reusable byte buffer for one line of output (a journal line or a CSV row), written as UTF-8
 * without going through String: the hot path of journal and results writing.
 */
final class ByteLine {
  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] MIN_LONG =
      Long.toString(Long.MIN_VALUE).getBytes(StandardCharsets.US_ASCII);

  private byte[] buf = new byte[512];
  private int len;

  void reset() {
    len = 0;
  }

  int length() {
    return len;
  }

  byte[] array() {
    return buf;
  }

  /** A copy of the bytes. */
  byte[] toBytes() {
    return java.util.Arrays.copyOf(buf, len);
  }

  private void ensure(int extra) {
    if (len + extra > buf.length) {
      buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, len + extra));
    }
  }

  ByteLine put(char c) {
    ensure(1);
    buf[len++] = (byte) c;
    return this;
  }

  /**
   * Appends text known to be plain ASCII (ids, keys, labels, field names of our own): the low 8
   * bits of each char.
   */
  @SuppressWarnings("deprecation") // String.getBytes(int, int, byte[], int): exactly those bits
  ByteLine ascii(String s) {
    int n = s.length();
    ensure(n);
    // One array copy for a compact string, where a loop over charAt, inlined by C2 at each of the
    // 25 call sites of a journal line and a results row, made those compilations larger and slower.
    s.getBytes(0, n, buf, len);
    len += n;
    return this;
  }

  /** Appends any text as UTF-8. */
  ByteLine text(String s) {
    int n = s.length();
    ensure(n);
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        buf[len++] = (byte) c;
      } else {
        utf8(s, i, c);
        if (Character.isHighSurrogate(c)
            && i + 1 < n
            && Character.isLowSurrogate(s.charAt(i + 1))) {
          i++;
        }
      }
    }
    return this;
  }

  private void utf8(String s, int i, char c) {
    int cp =
        Character.isHighSurrogate(c)
                && i + 1 < s.length()
                && Character.isLowSurrogate(s.charAt(i + 1))
            ? Character.toCodePoint(c, s.charAt(i + 1))
            : c;
    if (Character.isSurrogate(c) && cp == c) {
      cp = '?'; // an unpaired surrogate has no UTF-8 form
    }
    ensure(4);
    if (cp < 0x800) {
      buf[len++] = (byte) (0xC0 | (cp >> 6));
      buf[len++] = (byte) (0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      buf[len++] = (byte) (0xE0 | (cp >> 12));
      buf[len++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
      buf[len++] = (byte) (0x80 | (cp & 0x3F));
    } else {
      buf[len++] = (byte) (0xF0 | (cp >> 18));
      buf[len++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
      buf[len++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
      buf[len++] = (byte) (0x80 | (cp & 0x3F));
    }
  }

  /** Appends a JSON string literal, escaped. */
  ByteLine jsonString(String s) {
    put('"');
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> put('\\').put('"');
        case '\\' -> put('\\').put('\\');
        case '\n' -> put('\\').put('n');
        case '\r' -> put('\\').put('r');
        case '\t' -> put('\\').put('t');
        default -> {
          if (c < 0x20 || c == 0x2028 || c == 0x2029) {
            ensure(6);
            put('\\')
                .put('u')
                .put(c >= 0x1000 ? (char) HEX[c >> 12] : '0')
                .put(c >= 0x100 ? (char) HEX[(c >> 8) & 0xF] : '0')
                .put((char) HEX[(c >> 4) & 0xF])
                .put((char) HEX[c & 0xF]);
          } else if (c < 0x80) {
            put(c);
          } else {
            utf8(s, i, c);
            if (Character.isHighSurrogate(c)
                && i + 1 < n
                && Character.isLowSurrogate(s.charAt(i + 1))) {
              i++;
            }
          }
        }
      }
    }
    return put('"');
  }

  /** Appends a CSV field, quoted when it holds a comma, quote or line break. */
  ByteLine csvField(String s) {
    boolean quote = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == ',' || c == '"' || c == '\n' || c == '\r') {
        quote = true;
        break;
      }
    }
    if (!quote) {
      return text(s);
    }
    put('"');
    int start = 0;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == '"') {
        text(s.substring(start, i + 1)).put('"');
        start = i + 1;
      }
    }
    return text(s.substring(start)).put('"');
  }

  /**
   * Appends the decimal digits of a long (two digits per division, as the JDK's own formatting
   * does).
   */
  ByteLine number(long v) {
    if (v == Long.MIN_VALUE) {
      ensure(MIN_LONG.length);
      System.arraycopy(MIN_LONG, 0, buf, len, MIN_LONG.length);
      len += MIN_LONG.length;
      return this;
    }
    if (v < 0) {
      put('-');
      v = -v;
    }
    int digits = digits(v);
    ensure(digits);
    len += digits;
    writeDigits(v, len);
    return this;
  }

  /** Appends {@code digits} digits of {@code v} (non-negative), zero-padded on the left. */
  ByteLine padded(long v, int digits) {
    ensure(digits);
    int end = len + digits;
    int start = end - digits(v);
    for (int i = len; i < start; i++) {
      buf[i] = '0';
    }
    writeDigits(v, end);
    len = end;
    return this;
  }

  private static final long[] POWERS = new long[19];
  private static final byte[] TENS = new byte[100];
  private static final byte[] ONES = new byte[100];

  static {
    long p = 1;
    for (int i = 0; i < POWERS.length; i++) {
      POWERS[i] = p;
      p *= 10;
    }
    for (int i = 0; i < 100; i++) {
      TENS[i] = (byte) ('0' + i / 10);
      ONES[i] = (byte) ('0' + i % 10);
    }
  }

  /** The number of decimal digits of a non-negative long. */
  static int digits(long v) {
    int d = 1;
    while (d < 19 && v >= POWERS[d]) {
      d++;
    }
    return d;
  }

  /**
   * Writes the digits of non-negative {@code v} so that the last one lands just before {@code end}.
   */
  private void writeDigits(long v, int end) {
    int pos = end;
    while (v >= 100) {
      long q = v / 100;
      int r = (int) (v - q * 100);
      buf[--pos] = ONES[r];
      buf[--pos] = TENS[r];
      v = q;
    }
    int r = (int) v;
    if (r >= 10) {
      buf[--pos] = ONES[r];
      buf[--pos] = TENS[r];
    } else {
      buf[--pos] = (byte) ('0' + r);
    }
  }

  /** Appends a double that parses back to itself (see {@link Numbers}). */
  ByteLine decimal(double d) {
    Numbers.append(this, d);
    return this;
  }
}
