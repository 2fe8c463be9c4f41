package org.sweeplab.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link ByteLine#ascii} keeps the low 8 bits of each char, whatever the string holds. */
class ByteLineTest {
  /** The reference: the loop {@code ascii} was before it copied with {@code String.getBytes}. */
  private static byte[] lowBits(String s) {
    byte[] out = new byte[s.length()];
    for (int i = 0; i < out.length; i++) {
      out[i] = (byte) s.charAt(i);
    }
    return out;
  }

  @Test
  void asciiKeepsTheLowEightBitsOfEachChar() {
    SplittableRandom random = new SplittableRandom(20261201L);
    ByteLine line = new ByteLine();
    java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
    for (int round = 0; round < 2_000; round++) {
      StringBuilder s = new StringBuilder();
      int n = random.nextInt(0, 40);
      for (int i = 0; i < n; i++) {
        // mostly ASCII; some Latin-1 and some wider chars, which make the string UTF-16 inside
        int kind = random.nextInt(10);
        s.append(
            (char)
                (kind < 7
                    ? random.nextInt(0x20, 0x7f)
                    : kind < 9 ? random.nextInt(0x80, 0x100) : random.nextInt(0x100, 0x10000)));
      }
      String text = s.toString();
      line.ascii(text).put('|');
      all.writeBytes(lowBits(text));
      all.write('|');
    }
    assertArrayEquals(all.toByteArray(), line.toBytes());
  }
}
