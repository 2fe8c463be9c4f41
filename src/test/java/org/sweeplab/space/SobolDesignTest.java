package org.sweeplab.space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.sweeplab.space.Specs.points;
import static org.sweeplab.space.Specs.sweep;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.random.SobolSequenceGenerator;
import org.junit.jupiter.api.Test;
import org.sweeplab.spec.Design;
import org.sweeplab.spec.Parameter;
import org.sweeplab.spec.SpecException;
import org.sweeplab.spec.SweepSpec;

class SobolDesignTest {

  @Test
  void pointsAreCommonsMathsSequenceAfterTheOriginTransformed() {
    SweepSpec spec =
        sweep()
            .uniform("x", 2, 5)
            .normal("y", 10, 2)
            .values("k", "a", "b", "c")
            .design(Design.sobol(64))
            .build();
    Parameter.Normal y = new Parameter.Normal("y", 10, 2);
    SobolSequenceGenerator g = new SobolSequenceGenerator(3);
    double[] origin = g.nextVector();
    assertEquals(List.of(0.0, 0.0, 0.0), List.of(origin[0], origin[1], origin[2]));
    List<List<Object>> expected = new ArrayList<>();
    for (int i = 0; i < 64; i++) {
      double[] u = g.nextVector();
      expected.add(
          List.of(
              2 + u[0] * 3,
              y.fromUnit(u[1]),
              List.of("a", "b", "c").get((int) Math.floor(u[2] * 3))));
    }
    assertEquals(expected, points(DesignSpace.of(spec)));
    assertEquals(List.of(3.5, 10.0, "b"), expected.get(0)); // element 1 is (1/2, 1/2, 1/2)
  }

  @Test
  void onlyListsIsAnError() {
    SpecException e =
        assertThrows(
            SpecException.class,
            () -> DesignSpace.of(sweep().values("a", 1, 2).design(Design.sobol(4)).build()));
    assertEquals(
        "design 'sobol' needs at least one distribution parameter; with only values use 'grid' or"
            + " 'random'",
        e.problem());
  }

  @Test
  void moreThanAThousandDimensionsIsAnError() {
    SweepSpec.Builder b = sweep().design(Design.sobol(4));
    for (int i = 0; i < 1001; i++) {
      b.uniform("p" + i, 0, 1);
    }
    SpecException e = assertThrows(SpecException.class, () -> DesignSpace.of(b.build()));
    assertEquals(
        "design 'sobol' supports at most 1000 parameters (Commons Math's direction numbers), got 1001;"
            + " use design 'lhs' or 'random'",
        e.problem());
  }

  @Test
  void aThousandDimensionsWork() {
    SweepSpec.Builder b = sweep().design(Design.sobol(2));
    for (int i = 0; i < 1000; i++) {
      b.uniform("p" + i, 0, 1);
    }
    assertEquals(List.of(0.5, 0.5), points(DesignSpace.of(b.build())).get(0).subList(0, 2));
  }
}
