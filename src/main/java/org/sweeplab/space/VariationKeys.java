package org.sweeplab.space;

import com.google.common.hash.HashFunction;
import com.google.common.hash.Hasher;
import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Content keys of parameter assignments: a 128-bit MurmurHash3 (Guava) of a canonical encoding, as 32 hex digits.
 *
 * <p>The encoding does not depend on parameter order: names are hashed in sorted order (UTF-8, NUL-terminated), each
 * followed by a one-byte type tag and the value: {@code 's'} and the UTF-8 text with its length, {@code 'i'} and the
 * 64-bit integer, {@code 'f'} and the IEEE-754 bits of the double (-0.0 taken as 0.0), {@code 'b'} and 0 or 1. So
 * {@code 1} and {@code 1.0} differ. This is part of the output-folder contract: changing it would orphan every
 * existing journal.
 */
public final class VariationKeys {
  private static final HashFunction HASH = Hashing.murmur3_128(0x5eed1ab);

  private VariationKeys() {}

  /** The key of an assignment. */
  public static String key(List<String> names, Object[] values) {
    int n = names.size();
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, (a, b) -> names.get(a).compareTo(names.get(b)));
    Hasher h = HASH.newHasher();
    for (int k = 0; k < n; k++) {
      int i = order[k];
      h.putString(names.get(i), StandardCharsets.UTF_8).putByte((byte) 0);
      put(h, values[i]);
    }
    byte[] b = h.hash().asBytes();
    char[] out = new char[32];
    for (int i = 0; i < 16; i++) {
      out[2 * i] = HEX[(b[i] >> 4) & 0xF];
      out[2 * i + 1] = HEX[b[i] & 0xF];
    }
    return new String(out);
  }

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  /** The 64-bit number written as 16 hex digits at {@code offset} of a key. */
  public static long hexLong(CharSequence key, int offset) {
    long v = 0;
    for (int i = offset; i < offset + 16; i++) {
      char c = key.charAt(i);
      int d = c <= '9' ? c - '0' : c - 'a' + 10;
      if (d < 0 || d > 15) {
        throw new IllegalArgumentException("Variation key '" + key + "' is not 32 lower-case hex digits");
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

  private static void put(Hasher h, Object v) {
    if (v instanceof String s) {
      byte[] b = s.getBytes(StandardCharsets.UTF_8);
      h.putByte((byte) 's').putInt(b.length).putBytes(b);
    } else if (v instanceof Long || v instanceof Integer) {
      h.putByte((byte) 'i').putLong(((Number) v).longValue());
    } else if (v instanceof Double d) {
      double x = d == 0.0 ? 0.0 : d;
      h.putByte((byte) 'f').putLong(Double.doubleToLongBits(x));
    } else if (v instanceof Boolean b) {
      h.putByte((byte) 'b').putByte((byte) (b ? 1 : 0));
    } else {
      throw new IllegalArgumentException("Value " + v + " is not a string, integer, float or boolean");
    }
  }

  /** The lower 64 bits of a key (its first 16 hex digits), for compact indexes. */
  public static long shortKey(String key) {
    return hexLong(key, 0);
  }
}
