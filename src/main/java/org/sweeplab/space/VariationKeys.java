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
 * <p>The encoding does not depend on parameter order: names are hashed in sorted order, each with a type tag and
 * value ({@code s:}, {@code i:}, {@code f:}, {@code b:}), so {@code 1} and {@code 1.0} differ. This is part of the
 * output-folder contract: changing it would orphan every existing journal.
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
      h.putString(encode(values[i]), StandardCharsets.UTF_8).putByte((byte) 0);
    }
    return h.hash().toString();
  }

  /** The key of an assignment given as a map. */
  public static String key(Map<String, Object> params) {
    List<String> names = List.copyOf(params.keySet());
    return key(names, params.values().toArray());
  }

  /** The type-tagged canonical text of one value. */
  static String encode(Object v) {
    if (v instanceof String s) {
      return "s:" + s;
    }
    if (v instanceof Long || v instanceof Integer) {
      return "i:" + v;
    }
    if (v instanceof Double d) {
      return "f:" + Double.toString(d);
    }
    if (v instanceof Boolean b) {
      return "b:" + b;
    }
    throw new IllegalArgumentException("Value " + v + " is not a string, integer, float or boolean");
  }

  /** The lower 64 bits of a key (its first 16 hex digits), for compact indexes. */
  public static long shortKey(String key) {
    return Long.parseUnsignedLong(key.substring(0, 16), 16);
  }
}
