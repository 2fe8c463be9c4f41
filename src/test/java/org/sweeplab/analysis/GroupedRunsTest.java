package org.sweeplab.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The seed bookkeeping of the groups: the shortcuts (uniqueness without sorting, the count of
 * shared seeds without building pairs) agree with the definitions on random groups with repeated,
 * unordered and missing seeds.
 */
class GroupedRunsTest {
  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 4, 5, 6})
  void shortcutsAgreeWithTheDefinitions(int seed) throws IOException {
    SplittableRandom rng = new SplittableRandom(seed);
    int groups = 6;
    StringBuilder csv = new StringBuilder("variation_id,seed,status,score\n");
    // Even seeds of the test: every group's seeds distinct and increasing, or distinct but
    // shuffled;
    // odd: drawn from a small range (repeats), some missing.
    for (int g = 0; g < groups; g++) {
      int n = 5 + rng.nextInt(40);
      for (int i = 0; i < n; i++) {
        String s;
        if (seed % 2 == 0) {
          s = Long.toString(seed == 2 ? i * 3L : (i * 7919L) % 1009 + g % 2);
        } else {
          s = rng.nextInt(20) == 0 ? "" : Long.toString(rng.nextInt(60));
        }
        csv.append('v').append(g).append(',').append(s).append(",ok,").append(rng.nextDouble());
        csv.append('\n');
      }
    }
    Path f = dir.resolve("runs.csv");
    Files.writeString(f, csv.toString(), StandardCharsets.UTF_8);
    Runs runs = RunsReader.withDefaults().read(f);
    GroupedRuns g = GroupedRuns.of(runs, runs.requireGroups(), "score", NaNPolicy.EXCLUDE);
    boolean unique = true;
    for (int a = 0; a < g.size(); a++) {
      long[] s = g.seeds.get(a).toLongArray();
      Set<Long> seen = new HashSet<>();
      for (long x : s) {
        unique &= x != Long.MIN_VALUE && seen.add(x);
      }
      for (int b = 0; b < g.size(); b++) {
        Set<Long> both = new HashSet<>();
        for (long x : g.seeds.get(b).toLongArray()) {
          if (x != Long.MIN_VALUE && seen.contains(x)) {
            both.add(x);
          }
        }
        assertEquals(both.size(), g.matched(a, b)[0].length, "groups " + a + ", " + b);
      }
    }
    assertEquals(unique, g.seedsUniqueWithinGroups());
  }
}
