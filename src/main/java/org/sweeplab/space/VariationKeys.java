package org.sweeplab.space;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Content keys of parameter assignments: a 128-bit MurmurHash3 (x64, seed 0x5eed1ab, byte order as
 * Guava's {@code Hashing.murmur3_128}) of a canonical encoding, as 32 hex digits.
 *
 * <p>The encoding does not depend on parameter order: names are hashed in sorted order (UTF-8,
 * NUL-terminated), each followed by a one-byte type tag and the value: {@code 's'} and the UTF-8
 * text with its length, {@code 'i'} and the 64-bit integer, {@code 'f'} and the IEEE-754 bits of
 * the double (-0.0 taken as 0.0), {@code 'b'} and 0 or 1. So {@code 1} and {@code 1.0} differ. This
 * is part of the output-folder contract: changing it would orphan every existing journal.
 */
public final class VariationKeys {
  private static final int SEED = 0x5eed1ab;
  private static final char[] HEX = "0123456789abcdef".toCharArray();
  private static final ThreadLocal<Encoder> ENCODER = ThreadLocal.withInitial(Encoder::new);

  private VariationKeys() {}

  /** The key of an assignment. */
  public static String key(List<String> names, Object[] values) {
    Encoder e = ENCODER.get();
    int[] order = e.order(names);
    e.len = 0;
    for (int i : order) {
      e.utf8(names.get(i));
      e.put((byte) 0);
      e.value(values[i]);
    }
    Murmur3.hash(e.buf, e.len, SEED, e.hash);
    char[] out = new char[32];
    hex(e.hash[0], out, 0);
    hex(e.hash[1], out, 16);
    return new String(out);
  }

  /** Writes the 8 little-endian bytes of {@code v} as 16 hex digits. */
  private static void hex(long v, char[] out, int at) {
    for (int i = 0; i < 8; i++) {
      int b = (int) (v >>> (8 * i)) & 0xFF;
      out[at + 2 * i] = HEX[b >> 4];
      out[at + 2 * i + 1] = HEX[b & 0xF];
    }
  }

  /** The 64-bit number written as 16 hex digits at {@code offset} of a key. */
  public static long hexLong(CharSequence key, int offset) {
    long v = 0;
    for (int i = offset; i < offset + 16; i++) {
      char c = key.charAt(i);
      int d = c <= '9' ? c - '0' : c - 'a' + 10;
      if (d < 0 || d > 15) {
        throw new IllegalArgumentException(
            "Variation key '" + key + "' is not 32 lower-case hex digits");
      }
      v = (v << 4) | d;
    }
    return v;
  }

  /** The key of an assignment given as a map. */
  public static String key(Map<String, Object> params) {
    List<String> names = List.copyOf(params.keySet());
    return key(names, params.values().toArray());
  }

  /** The lower 64 bits of a key (its first 16 hex digits), for compact indexes. */
  public static long shortKey(String key) {
    return hexLong(key, 0);
  }

  /**
   * A reusable per-thread buffer for the canonical encoding (little-endian numbers, as Guava's
   * hashers write).
   */
  private static final class Encoder {
    byte[] buf = new byte[256];
    int len;
    final long[] hash = new long[2];
    private List<String> lastNames;
    private int[] lastOrder;

    /**
     * The indices of {@code names} in sorted name order, cached for the plan's shared names list.
     */
    int[] order(List<String> names) {
      if (names != lastNames) {
        Integer[] o = new Integer[names.size()];
        for (int i = 0; i < o.length; i++) {
          o[i] = i;
        }
        java.util.Arrays.sort(o, (a, b) -> names.get(a).compareTo(names.get(b)));
        lastOrder = new int[o.length];
        for (int i = 0; i < o.length; i++) {
          lastOrder[i] = o[i];
        }
        lastNames = names;
      }
      return lastOrder;
    }

    void put(byte b) {
      if (len == buf.length) {
        buf = java.util.Arrays.copyOf(buf, buf.length * 2);
      }
      buf[len++] = b;
    }

    void putLong(long v) {
      for (int i = 0; i < 8; i++) {
        put((byte) (v >>> (8 * i)));
      }
    }

    void putInt(int v) {
      for (int i = 0; i < 4; i++) {
        put((byte) (v >>> (8 * i)));
      }
    }

    void utf8(String s) {
      byte[] b = s.getBytes(StandardCharsets.UTF_8);
      for (byte x : b) {
        put(x);
      }
    }

    void value(Object v) {
      if (v instanceof String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        put((byte) 's');
        putInt(b.length);
        for (byte x : b) {
          put(x);
        }
      } else if (v instanceof Long || v instanceof Integer) {
        put((byte) 'i');
        putLong(((Number) v).longValue());
      } else if (v instanceof Double d) {
        double x = d == 0.0 ? 0.0 : d;
        put((byte) 'f');
        putLong(Double.doubleToLongBits(x));
      } else if (v instanceof Boolean b) {
        put((byte) 'b');
        put((byte) (b ? 1 : 0));
      } else {
        throw new IllegalArgumentException(
            "Value " + v + " is not a string, integer, float or boolean");
      }
    }
  }
}
