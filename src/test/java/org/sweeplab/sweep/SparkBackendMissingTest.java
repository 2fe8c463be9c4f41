package org.sweeplab.sweep;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import org.junit.jupiter.api.Test;
import org.sweeplab.spec.BackendKind;
import org.sweeplab.spec.SweepSpec;

class SparkBackendMissingTest {
  static boolean sparkOnClasspath() {
    try {
      Class.forName(
          "org.apache.spark.SparkContext", false, SparkBackendMissingTest.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }

  /**
   * The default build has no Spark: asking for it is a clear usage error, not a
   * ClassNotFoundException.
   */
  @Test
  void sparkBackendWithoutSparkIsAClearError() {
    assumeFalse(sparkOnClasspath(), "built with -Pspark: the Spark tests cover the backend");
    SweepSpec spec = SweepSpec.builder("s").simulation("bench").range("x", 1, 3, 1).build();
    SweepSpec spark = spec.withExecution(spec.execution().withBackend(BackendKind.SPARK));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Sweep.of(spark).backend());
    assertTrue(
        e.getMessage()
            .startsWith(
                "the spark backend needs Apache Spark on the classpath: build with -Pspark"),
        e.getMessage());
  }
}
