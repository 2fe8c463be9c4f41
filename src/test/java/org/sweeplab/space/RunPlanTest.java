package org.sweeplab.space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sweeplab.space.Specs.sweep;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sweeplab.spec.Seeding;
import org.sweeplab.spec.Shard;
import org.sweeplab.spec.SpecException;
import org.sweeplab.spec.SweepSpec;

class RunPlanTest {

  @ParameterizedTest
  @CsvSource({
    "5, var-0001, var-0005",
    "9999, var-0001, var-9999",
    "10000, var-00001, var-10000",
    "123456, var-000001, var-123456"
  })
  void variationIdsWidenWithTheCount(int levels, String first, String last) {
    RunPlan plan = RunPlan.of(sweep().range("a", 1, levels, 1).build());
    assertEquals(first, plan.variations().next().id());
    assertEquals(last, plan.variationId(plan.variationCount() - 1));
  }

  @ParameterizedTest
  @CsvSource({"1, var-0001-run-001", "999, var-0001-run-001", "1000, var-0001-run-0001"})
  void runIdsWidenWithTheReplicates(int replicates, String firstRun) {
    RunPlan plan = RunPlan.of(sweep().values("a", 1, 2).replicates(replicates).build());
    assertEquals(firstRun, plan.runId(plan.variationId(0), 1));
    assertEquals(2L * replicates, plan.runCount());
  }

  @ParameterizedTest
  @CsvSource({
    "3, var-0002, 1, var-0002-run-001",
    "3, var-0002, 3, var-0002-run-003",
    "12, var-0010, 12, var-0010-run-012",
    "1000, var-0001, 7, var-0001-run-0007",
    "1000, var-0001, 1000, var-0001-run-1000",
    "10000, var-0100, 10000, var-0100-run-10000",
    // a replicate past the plan's own (a merge of a wider folder) widens its id
    "3, var-0001, 12345, var-0001-run-12345"
  })
  void runIdsPadTheReplicateNumber(int replicates, String variation, int replicate, String id) {
    RunPlan plan = RunPlan.of(sweep().values("a", 1, 2).replicates(replicates).build());
    assertEquals(id, plan.runId(variation, replicate));
  }

  @Test
  void seedsDependOnContentNotOnIterationOrder() {
    SweepSpec forward =
        sweep().values("a", 1, 2, 3).values("b", "x", "y").replicates(2).seed(11).build();
    SweepSpec swapped =
        sweep().values("b", "y", "x").values("a", 3, 2, 1).replicates(2).seed(11).build();
    Map<Map<String, Object>, List<Long>> a = seedsByParams(RunPlan.of(forward), Shard.all());
    Map<Map<String, Object>, List<Long>> b = seedsByParams(RunPlan.of(swapped), Shard.all());
    assertEquals(a, b);
    // Shards visit the variations in another order and agree too.
    Map<Map<String, Object>, List<Long>> sharded = new HashMap<>();
    sharded.putAll(seedsByParams(RunPlan.of(forward), Shard.of(2, 3)));
    sharded.putAll(seedsByParams(RunPlan.of(forward), Shard.of(0, 3)));
    sharded.putAll(seedsByParams(RunPlan.of(forward), Shard.of(1, 3)));
    assertEquals(a, sharded);
    assertEquals(12, new HashSet<>(a.values().stream().flatMap(List::stream).toList()).size());
  }

  @Test
  void commonSeedingGivesEqualSeedsPerReplicateAcrossVariations() {
    SweepSpec spec = sweep().values("a", 1, 2, 3).replicates(3).seeding(Seeding.COMMON).build();
    Map<Map<String, Object>, List<Long>> seeds = seedsByParams(RunPlan.of(spec), Shard.all());
    List<List<Long>> perVariation = new ArrayList<>(seeds.values());
    assertEquals(perVariation.get(0), perVariation.get(1));
    assertEquals(perVariation.get(0), perVariation.get(2));
    assertEquals(3, new HashSet<>(perVariation.get(0)).size());
    SweepSpec indep =
        sweep().values("a", 1, 2, 3).replicates(3).seeding(Seeding.INDEPENDENT).build();
    List<List<Long>> perVariationIndependent =
        new ArrayList<>(seedsByParams(RunPlan.of(indep), Shard.all()).values());
    assertNotEquals(perVariationIndependent.get(0), perVariationIndependent.get(1));
  }

  @ParameterizedTest
  @CsvSource({"10, 1", "10, 3", "10, 10", "10, 13", "7, 2"})
  void shardsPartitionThePlanInBalancedSlices(int levels, int count) {
    RunPlan plan = RunPlan.of(sweep().range("a", 1, levels, 1).values("b", "x", "y").build());
    List<Variation> all = list(plan.variations());
    List<Variation> union = new ArrayList<>();
    for (int s = 0; s < count; s++) {
      Shard shard = Shard.of(s, count);
      List<Variation> slice = list(plan.variations(shard));
      assertEquals(plan.variationCount(shard), slice.size());
      assertTrue(
          Math.abs(slice.size() - plan.variationCount() / (double) count) < 1, shard::toString);
      for (Variation v : slice) {
        assertEquals(s, v.index() % count);
        assertEquals(all.get((int) v.index()), v);
      }
      union.addAll(slice);
    }
    assertEquals(all.size(), union.size());
    assertEquals(new HashSet<>(all), new HashSet<>(union));
  }

  @ParameterizedTest
  @CsvSource({
    "-1, 3, 'shard index -1 is outside 0..2 for 3 shards (indices start at 0)'",
    "3, 3, 'shard index 3 is outside 0..2 for 3 shards (indices start at 0)'",
    "0, 0, 'shard count must be >= 1, got 0'"
  })
  void badShardsAreErrors(int index, int count, String message) {
    assertEquals(
        message,
        assertThrows(IllegalArgumentException.class, () -> Shard.of(index, count)).getMessage());
  }

  @Test
  void variationsOfAHugePlanAreLazy() {
    RunPlan plan = RunPlan.of(GridDesignTest.twelveByTen().build());
    assertEquals(1_000_000_000_000L, plan.variationCount());
    List<Variation> head = plan.head(3);
    assertEquals(
        List.of("var-0000000000001", "var-0000000000002", "var-0000000000003"),
        head.stream().map(Variation::id).toList());
    assertEquals(2L, head.get(2).get("p11"));
    Variation v = plan.variations(Shard.of(4, 1000)).next();
    assertEquals(4, v.index());
  }

  @Test
  void headIsShortWhenThePlanIs() {
    RunPlan plan = RunPlan.of(sweep().values("a", 1, 2).build());
    assertEquals(2, plan.head(5).size());
    assertEquals(0, plan.head(0).size());
    assertThrows(IllegalArgumentException.class, () -> plan.head(-1));
  }

  @Test
  void tooManyRunsIsAnError() {
    SpecException e =
        assertThrows(
            SpecException.class,
            () -> RunPlan.of(sweep().range("a", 1, 10, 1).replicates(3).maxRuns(20).build()));
    assertEquals("execution.max_runs", e.keyPath());
    assertEquals(
        "the sweep has 30 runs (10 variations x 3 replicates), more than the limit of 20; raise it with"
            + " --set execution.max_runs=30 if you mean it",
        e.problem());
  }

  private static Map<Map<String, Object>, List<Long>> seedsByParams(RunPlan plan, Shard shard) {
    Map<Map<String, Object>, List<Long>> out = new HashMap<>();
    for (Iterator<Variation> it = plan.variations(shard); it.hasNext(); ) {
      Variation v = it.next();
      List<Long> seeds = new ArrayList<>();
      for (int r = 1; r <= plan.replicates(); r++) {
        seeds.add(plan.seed(v.key(), r));
      }
      out.put(Map.copyOf(v.params()), seeds);
    }
    return out;
  }

  private static <T> List<T> list(Iterator<T> it) {
    List<T> out = new ArrayList<>();
    it.forEachRemaining(out::add);
    return out;
  }
}
