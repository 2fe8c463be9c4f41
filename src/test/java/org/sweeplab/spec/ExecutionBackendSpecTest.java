package org.sweeplab.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExecutionBackendSpecTest {
  static final String SPARK =
      "name: s\nsimulation: bench\nparameters: {x: [1, 2]}\nexecution:\n  backend: spark\n"
          + "  shard: 2/4\n  spark:\n    master: local[2,3]\n    partitions: 8\n"
          + "    conf: {spark.executor.memory: 4g, spark.task.maxFailures: 4}\n";

  @Test
  void backendSparkSettingsAndShardAreReadWrittenAndLeftOutOfTheHash() {
    SweepSpec s = SpecLoader.parse(SPARK, "s.yaml");
    Execution e = s.execution();
    assertEquals(BackendKind.SPARK, e.backend());
    assertEquals(Shard.of(2, 4), e.shard());
    assertEquals(
        new SparkSettings(
            "local[2,3]", 8, Map.of("spark.executor.memory", "4g", "spark.task.maxFailures", "4")),
        e.spark());
    assertEquals(
        s,
        SpecLoader.parse(SpecWriter.toYaml(s), "again.yaml"),
        "the resolved YAML reads back equal");
    SweepSpec local =
        SpecLoader.parse("name: s\nsimulation: bench\nparameters: {x: [1, 2]}\n", "l.yaml");
    assertEquals(Execution.defaults(), local.execution());
    assertEquals(SpecWriter.configHash(local), SpecWriter.configHash(s));
    assertEquals(
        BackendKind.SPARK,
        SpecLoader.parse(
                "name: s\nsimulation: bench\n", "o.yaml", List.of("execution.backend=spark"))
            .execution()
            .backend());
  }

  @Test
  void badValuesNameTheKey() {
    SpecException b =
        assertThrows(
            SpecException.class,
            () ->
                SpecLoader.parse(
                    "name: s\nsimulation: bench\nexecution: {backend: mpi}\n", "b.yaml"));
    assertTrue(
        b.getMessage().contains("execution.backend")
            && b.getMessage().contains("valid backends are local," + " spark"),
        b.getMessage());
    SpecException sh =
        assertThrows(
            SpecException.class,
            () ->
                SpecLoader.parse(
                    "name: s\nsimulation: bench\nexecution: {shard: 4/4}\n", "sh.yaml"));
    assertTrue(
        sh.getMessage().contains("shard index 4 is outside 0..3 for 4 shards"), sh.getMessage());
    SpecException k =
        assertThrows(
            SpecException.class,
            () ->
                SpecLoader.parse(
                    "name: s\nsimulation: bench\nexecution: {spark: {masterr: yarn}}\n", "k.yaml"));
    assertTrue(
        k.getMessage().contains("masterr") && k.getMessage().contains("master"), k.getMessage());
  }
}
