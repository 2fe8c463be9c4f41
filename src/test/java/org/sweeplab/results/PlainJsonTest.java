package org.sweeplab.results;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The streaming writer against the source of its expected values, jackson-databind's {@code
 * ObjectMapper} (2.18.2, the project's dependency): the same text, compact and indented.
 */
class PlainJsonTest {

  static Stream<Object> trees() {
    Map<String, Object> odd = new LinkedHashMap<>();
    // What safe YAML can put into a spec's metadata beside plain scalars: timestamps, binary, maps
    // with number keys; and the awkward numbers and strings.
    odd.put("date", new Date(1_700_000_000_123L));
    odd.put("binary", new byte[] {0, 1, (byte) 255});
    odd.put("number keys", Map.of(1, "a"));
    odd.put(
        "doubles",
        List.of(Double.NaN, Double.NEGATIVE_INFINITY, -0.0, 1e-300, 4.9e-324, 0.1, 1e22));
    odd.put(
        "other numbers",
        List.of(1.5f, (short) 7, (byte) -3, new BigDecimal("1.50"), BigInteger.TEN.pow(30)));
    odd.put("integers", List.of(Integer.MIN_VALUE, Long.MAX_VALUE, 0L));
    odd.put("text", "quote \" backslash \\ tab \t control \u0001 é ☃ 𝄞 </script>");
    odd.put(
        "nested", List.of(Map.of(), List.of(), new LinkedHashMap<>(Map.of("k", List.of(true)))));
    Map<String, Object> withNull = new LinkedHashMap<>();
    withNull.put("none", null);
    odd.put("null value", withNull);
    List<Object> listWithNull = new ArrayList<>();
    listWithNull.add(null);
    odd.put("null in a list", listWithNull);
    return Stream.of(
        odd, List.of(), Map.of(), "top-level text", 3.25, randomTree(new Random(7), 4));
  }

  /** A random tree of maps, lists and scalars, {@code depth} levels deep. */
  private static Object randomTree(Random rng, int depth) {
    int kind = depth == 0 ? 2 + rng.nextInt(5) : rng.nextInt(7);
    switch (kind) {
      case 0 -> {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = rng.nextInt(5); i > 0; i--) {
          m.put("k" + rng.nextInt(100), randomTree(rng, depth - 1));
        }
        return m;
      }
      case 1 -> {
        List<Object> l = new ArrayList<>();
        for (int i = rng.nextInt(5); i > 0; i--) {
          l.add(randomTree(rng, depth - 1));
        }
        return l;
      }
      case 2 -> {
        return Double.longBitsToDouble(rng.nextLong());
      }
      case 3 -> {
        return rng.nextLong();
      }
      case 4 -> {
        return rng.nextInt();
      }
      case 5 -> {
        return rng.nextBoolean();
      }
      default -> {
        StringBuilder b = new StringBuilder();
        for (int i = rng.nextInt(8); i > 0; i--) {
          b.append((char) rng.nextInt(0x3000));
        }
        return b.toString();
      }
    }
  }

  @ParameterizedTest
  @MethodSource("trees")
  void writesWhatJacksonDatabindWrites(Object tree) throws Exception {
    assertEquals(new ObjectMapper().writeValueAsString(tree), PlainJson.compact(tree));
    assertEquals(
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(tree),
        PlainJson.indented(tree));
    assertArrayEquals(
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(tree),
        PlainJson.indentedBytes(tree));
  }
}
