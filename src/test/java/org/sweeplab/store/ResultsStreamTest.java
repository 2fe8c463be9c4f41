package org.sweeplab.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sweeplab.results.ResultColumn;
import org.sweeplab.run.RunStatus;
import org.sweeplab.space.RunPlan;
import org.sweeplab.spec.SweepSpec;

/**
 * results.csv written while the runs go ({@link ResultsStream}) must be the very file that {@link
 * ResultsWriter#write} writes in one pass after the runs, whatever the order in which runs finish
 * and however they end; the plan spans several chunks, with variations across chunk boundaries.
 */
class ResultsStreamTest {
  @TempDir Path tmp;

  /** How the session's runs finish. */
  enum Scenario {
    /** One thread, in plan order. */
    IN_ORDER,
    /** Two threads, each finishing its half of a shuffled plan. */
    SHUFFLED_TWO_THREADS,
    /**
     * The first runs come from an earlier session (a resume); the rest finish now. The chunks the
     * earlier session completed are written by a thread of the stream's own.
     */
    RESUMED,
    /** Only some runs finish (a cancelled or budget-stopped session). */
    PARTIAL,
    /** The last run reports a metric no other run reported: the header changes. */
    LATE_METRIC,
    /** The last run reports a double for a metric of longs: the column widens. */
    WIDENED,
    /** A metric named like a parameter, renamed in the table (with a warning). */
    RENAMED
  }

  private static RunPlan plan() {
    // 3 variations x 10,000 replicates = 30,000 runs: 4 chunks of 8,192, variations straddling them
    return RunPlan.of(
        SweepSpec.builder("stream")
            .simulation("custom")
            .values("s", "a", "b,c", "d")
            .replicates(10_000)
            .seed(5)
            .build());
  }

  private static void put(RunColumns cols, long i, Scenario scenario, long last) {
    Map<String, Object> m =
        scenario == Scenario.RENAMED
            ? Map.of("s", i * 0.5)
            : Map.of("score", i / 3.0, "n", i, "ok", i % 2 == 0);
    if (i == last && scenario == Scenario.LATE_METRIC) {
      m = Map.of("score", 1.0, "n", i, "ok", true, "late", "x\"y");
    } else if (i == last && scenario == Scenario.WIDENED) {
      m = Map.of("score", 1.0, "n", 2.5, "ok", true);
    }
    RunStatus st = i % 97 == 0 ? RunStatus.FAILED : RunStatus.OK;
    cols.put(
        i,
        i * 7919,
        st,
        st == RunStatus.OK ? m : Map.of(),
        i % 5 == 0 ? i * 0.01 : Double.NaN,
        (i % 1000) / 7.0,
        st == RunStatus.OK ? null : "Boom",
        st == RunStatus.OK ? null : "line one\nline, two");
  }

  @ParameterizedTest
  @EnumSource(Scenario.class)
  void streamedFileIsTheOnePassFile(Scenario scenario) throws Exception {
    RunPlan plan = plan();
    int runs = (int) plan.runCount();
    RunColumns cols = new RunColumns(runs);
    int resumedUpTo = scenario == Scenario.RESUMED ? 15_000 : 0;
    for (int i = 0; i < resumedUpTo; i++) {
      put(cols, i, scenario, -1);
    }
    PendingRuns pending = PendingRuns.of(plan, cols, FailedRuns.KEEP);
    Path file = tmp.resolve("results.csv");
    ResultsStream stream = ResultsStream.of(file, plan, cols, pending);

    List<Long> order = new ArrayList<>();
    for (long i = resumedUpTo; i < runs; i++) {
      if (scenario != Scenario.PARTIAL || i < 12_000 || i > 20_000) {
        order.add(i);
      }
    }
    long last = order.get(order.size() - 1);
    if (scenario == Scenario.SHUFFLED_TWO_THREADS) {
      Collections.shuffle(order, new Random(11));
      List<Thread> threads = new ArrayList<>();
      int half = order.size() / 2;
      for (List<Long> part : List.of(order.subList(0, half), order.subList(half, order.size()))) {
        Thread t =
            new Thread(
                () -> {
                  for (long i : part) {
                    put(cols, i, scenario, -1);
                    stream.finished(i);
                  }
                });
        threads.add(t);
        t.start();
      }
      for (Thread t : threads) {
        t.join();
      }
    } else {
      for (long i : order) {
        put(cols, i, scenario, last);
        stream.finished(i);
      }
    }
    Path streamedPart = ResultsWriter.temporary(file);
    // A resumed session writes the earlier sessions' chunks on a thread of its own: wait for it.
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (scenario == Scenario.RESUMED
        && !(Files.isRegularFile(streamedPart) && Files.size(streamedPart) > 0)
        && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertTrue(
        Files.isRegularFile(streamedPart) && Files.size(streamedPart) > 0,
        "rows are written before the end");

    List<String> streamWarnings = new ArrayList<>();
    List<ResultColumn> schema = stream.finish(streamWarnings);
    stream.close();
    assertFalse(Files.exists(streamedPart));

    Path onePass = tmp.resolve("one-pass.csv");
    List<String> onePassWarnings = new ArrayList<>();
    List<ResultColumn> expectedSchema = ResultsWriter.write(onePass, plan, cols, onePassWarnings);
    assertArrayEquals(Files.readAllBytes(onePass), Files.readAllBytes(file));
    assertEquals(expectedSchema, schema);
    assertEquals(onePassWarnings, streamWarnings);
    assertEquals(scenario == Scenario.RENAMED ? 1 : 0, streamWarnings.size());
  }

  @ParameterizedTest
  @EnumSource(
      value = Scenario.class,
      names = {"IN_ORDER"})
  void closedWithoutFinishLeavesNoPartialFile(Scenario scenario) throws IOException {
    RunPlan plan = plan();
    RunColumns cols = new RunColumns(plan.runCount());
    Path file = tmp.resolve("results.csv");
    ResultsStream stream =
        ResultsStream.of(file, plan, cols, PendingRuns.of(plan, cols, FailedRuns.KEEP));
    for (long i = 0; i < 20_000; i++) {
      put(cols, i, scenario, -1);
      stream.finished(i);
    }
    assertTrue(Files.exists(ResultsWriter.temporary(file)));
    stream.close();
    assertFalse(Files.exists(ResultsWriter.temporary(file)));
    assertFalse(Files.exists(file));
  }
}
