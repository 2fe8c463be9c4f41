package org.sweeplab.space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.google.common.hash.Hasher;
import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The hand-written hash must equal Guava's murmur3_128 over the documented encoding, for every kind
 * of value.
 */
class VariationKeysTest {

  static String guava(List<String> names, Object[] values) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      order.add(i);
    }
    order.sort((a, b) -> names.get(a).compareTo(names.get(b)));
    Hasher h = Hashing.murmur3_128(0x5eed1ab).newHasher();
    for (int i : order) {
      h.putString(names.get(i), StandardCharsets.UTF_8).putByte((byte) 0);
      Object v = values[i];
      if (v instanceof String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        h.putByte((byte) 's').putInt(b.length).putBytes(b);
      } else if (v instanceof Long l) {
        h.putByte((byte) 'i').putLong(l);
      } else if (v instanceof Double d) {
        h.putByte((byte) 'f').putLong(Double.doubleToLongBits(d == 0.0 ? 0.0 : d));
      } else {
        h.putByte((byte) 'b').putByte((byte) ((Boolean) v ? 1 : 0));
      }
    }
    return h.hash().toString();
  }

  @Test
  void equalsGuavaOnRandomAssignments() {
    SplittableRandom rng = new SplittableRandom(11);
    for (int t = 0; t < 20_000; t++) {
      int n = rng.nextInt(0, 7);
      List<String> names = new ArrayList<>();
      Object[] values = new Object[n];
      for (int i = 0; i < n; i++) {
        names.add("p" + rng.nextInt(1000) + (rng.nextBoolean() ? "é" : "") + i);
        values[i] =
            switch (rng.nextInt(4)) {
              case 0 -> "v" + "x".repeat(rng.nextInt(40)) + (rng.nextBoolean() ? "✓" : "");
              case 1 -> rng.nextLong();
              case 2 -> rng.nextDouble() * 1e6 - 5e5;
              default -> rng.nextBoolean();
            };
      }
      assertEquals(guava(names, values), VariationKeys.key(names, values));
    }
  }

  @Test
  void orderOfParametersDoesNotMatterButTypesDo() {
    assertEquals(
        VariationKeys.key(List.of("a", "b"), new Object[] {1L, "x"}),
        VariationKeys.key(List.of("b", "a"), new Object[] {"x", 1L}));
    assertNotEquals(
        VariationKeys.key(List.of("a"), new Object[] {1L}),
        VariationKeys.key(List.of("a"), new Object[] {1.0}));
    assertEquals(
        VariationKeys.key(List.of("a"), new Object[] {0.0}),
        VariationKeys.key(List.of("a"), new Object[] {-0.0}));
  }
}
