package org.sweeplab.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 10, defect 8: YAML aliases can expand a small spec into one that sweeplab cannot write or
 * read back. The expanded size is bounded at load, and no sweep.yaml over what the reader accepts
 * is ever written.
 */
class SpecSizeTest {
  /**
   * {@code levels} levels of 6 aliases each over a 1000-character string, in {@code metadata}:
   * 6^levels copies.
   */
  static String aliasBomb(int levels) {
    StringBuilder sb =
        new StringBuilder("name: bomb\nsimulation: m\nparameters: {a: [1]}\nmetadata:\n");
    sb.append("  l0: &l0 \"").append("x".repeat(1000)).append("\"\n");
    for (int i = 1; i <= levels; i++) {
      String p = "*l" + (i - 1);
      sb.append("  l")
          .append(i)
          .append(": &l")
          .append(i)
          .append(" [")
          .append(p)
          .append(", ")
          .append(p)
          .append(", ")
          .append(p)
          .append(", ")
          .append(p)
          .append(", ")
          .append(p)
          .append(", ")
          .append(p)
          .append("]\n");
    }
    return sb.toString();
  }

  @ParameterizedTest
  @ValueSource(ints = {6, 7, 9})
  void anAliasBombIsRefusedAtLoadWithTheExpandedSize(int levels) {
    String yaml = aliasBomb(levels);
    assertTrue(yaml.length() < 2000, "a small spec: " + yaml.length());
    SpecException e =
        assertTimeoutPreemptively(
            Duration.ofSeconds(10),
            () -> assertThrows(SpecException.class, () -> SpecLoader.parse(yaml, "bomb.yaml")));
    assertTrue(e.getMessage().startsWith("bomb.yaml: "), e.getMessage());
    assertTrue(e.getMessage().contains("aliases expand this spec to about"), e.getMessage());
    assertTrue(
        e.getMessage().contains("more than the 3 MiB a sweep.yaml may hold"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(ints = {2, 3})
  void aModestUseOfAliasesStillLoadsAndRoundTrips(int levels) {
    SweepSpec spec = SpecLoader.parse(aliasBomb(levels), "ok.yaml");
    assertEquals(spec, SpecLoader.parse(SpecWriter.toYaml(spec), "sweep.yaml"));
  }

  @org.junit.jupiter.api.Test
  void aSpecTooLargeToReadBackIsNeverWritten() {
    SweepSpec big =
        SweepSpec.builder("big")
            .simulation("m")
            .values("a", 1)
            .metadata("blob", "y".repeat(4 << 20))
            .build();
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> SpecWriter.toYaml(big));
    assertTrue(
        e.getMessage().contains("more than the 3 MiB a sweep.yaml may hold"), e.getMessage());
  }
}
