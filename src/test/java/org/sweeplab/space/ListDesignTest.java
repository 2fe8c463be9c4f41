package org.sweeplab.space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.sweeplab.space.Specs.points;
import static org.sweeplab.space.Specs.sweep;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sweeplab.spec.Design;
import org.sweeplab.spec.SpecException;
import org.sweeplab.spec.SweepSpec;

class ListDesignTest {

  @Test
  void withoutParametersTheNamesComeFromTheFirstPoint() {
    DesignSpace space =
        DesignSpace.of(
            sweep()
                .design(Design.list(List.of(point("b", 1L, "a", "x"), point("a", "y", "b", 2L))))
                .build());
    assertEquals(List.of("b", "a"), space.names());
    assertEquals(List.of(List.of(1L, "x"), List.of(2L, "y")), points(space));
  }

  @Test
  void withParametersPointsFollowTheirOrderAndSingleValuesAreDefaults() {
    SweepSpec spec =
        sweep()
            .uniform("alpha", 0, 1)
            .range("n", 1, 5, 1)
            .values("mode", "fast")
            .design(
                Design.list(
                    List.of(
                        point("n", 3L, "alpha", 0.25),
                        point("alpha", 1L, "n", 4.0, "mode", "slow"))))
            .build();
    DesignSpace space = DesignSpace.of(spec);
    assertEquals(List.of("alpha", "n", "mode"), space.names());
    // 1 becomes 1.0 for the float parameter, 4.0 becomes 4 for the integer one.
    assertEquals(List.of(List.of(0.25, 3L, "fast"), List.of(1.0, 4L, "slow")), points(space));
  }

  @Test
  void javaIntsAndFloatsAreWidened() {
    DesignSpace space =
        DesignSpace.of(sweep().design(Design.list(List.of(point("a", 1, "b", 0.5f)))).build());
    assertEquals(List.of(List.of(1L, 0.5)), points(space));
  }

  @Test
  void exclusionsApply() {
    DesignSpace space =
        DesignSpace.of(
            sweep()
                .design(
                    Design.list(List.of(point("a", 1L), point("a", 2L), point("a", 3L)))
                        .excluding(Map.of("a", 2.0)))
                .build());
    assertEquals(2, space.size());
    assertEquals(List.of(List.of(1L), List.of(3L)), points(space));
  }

  static Stream<Arguments> errors() {
    return Stream.of(
        Arguments.of(
            "unknown key",
            sweep().values("alpha", 1, 2).design(Design.list(List.of(point("alpah", 1L)))),
            "point 1 gives 'alpah', which is not a parameter (did you mean 'alpha'?); parameters are [alpha]"),
        Arguments.of(
            "missing parameter",
            sweep()
                .values("alpha", 1, 2)
                .values("beta", 1, 2)
                .design(Design.list(List.of(point("alpha", 1L, "beta", 1L), point("alpha", 2L)))),
            "point 2 gives no value for 'beta'; every point gives every parameter, except parameters with a single"
                + " value, which act as defaults"),
        Arguments.of(
            "different keys",
            sweep().design(Design.list(List.of(point("alpha", 1L), point("alhpa", 2L)))),
            "point 2 gives 'alhpa', which point 1 does not (did you mean 'alpha'?); without declared parameters"
                + " every point gives the same names [alpha]"),
        Arguments.of(
            "fewer keys",
            sweep().design(Design.list(List.of(point("a", 1L, "b", 1L), point("a", 2L)))),
            "point 2 gives no value for 'b'; without declared parameters every point gives the same names [a, b]"),
        Arguments.of(
            "fraction for an integer",
            sweep().range("n", 1, 5, 1).design(Design.list(List.of(point("n", 2.5)))),
            "point 1 gives 2.5 for 'n', which takes integers (range)"),
        Arguments.of(
            "repeated point",
            sweep().design(Design.list(List.of(point("a", 1L), point("a", 2L), point("a", 1L)))),
            "point 3 repeats point 1; each point is one variation (use replicates to run a point several times)"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("errors")
  void badPointsAreErrors(String what, SweepSpec.Builder builder, String problem) {
    // Some problems are caught when the spec is built, the others when its design space is made.
    SpecException e = assertThrows(SpecException.class, () -> DesignSpace.of(builder.build()));
    assertEquals("design.points", e.keyPath());
    assertEquals(problem, e.problem());
  }

  private static Map<String, Object> point(Object... pairs) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put((String) pairs[i], pairs[i + 1]);
    }
    return m;
  }

  @org.junit.jupiter.api.Test
  void listValueIsRejectedByTheModel() {
    IllegalArgumentException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            IllegalArgumentException.class,
            () -> Design.list(List.of(point("a", List.of(1L, 2L)))));
    assertEquals(
        "point value for 'a' is a list; use a string, integer, float or boolean", e.getMessage());
  }
}
