package org.sweeplab.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Issue 12, item 6: keys of other runners, all problems at once, reserved names. */
class ForgivingSpecTest {
  static final String BASE = "name: s\nsimulation: bench\nparameters: {x: [1]}\n";

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "max_workers: 3, execution.max_parallel",
    "runs_per_variation: 3, replicates",
    "budget_limit: 5, budget.total",
    "cost_per_run_limit: 1, budget.per_run",
    "output_dir: out, output.dir",
    "experiment_name: x, name",
    "variations: {}, parameters",
    "timeout_per_sweep: 10, execution.timeout_per_run",
    "max_parallel: 2, execution.max_parallel"
  })
  void keysOfOtherRunnersGetSweeplabsKey(String line, String ours) {
    SpecException e =
        assertThrows(SpecException.class, () -> SpecLoader.parse(BASE + line + "\n", "s.yaml"));
    assertTrue(e.getMessage().startsWith("s.yaml:4:1: "), e.getMessage());
    assertTrue(e.getMessage().contains("(did you mean '" + ours + "'?)"), e.getMessage());
  }

  @Test
  void insideExecutionTheHintIsRelativeToIt() {
    SpecException e =
        assertThrows(
            SpecException.class,
            () -> SpecLoader.parse(BASE + "execution: {max_workers: 3}\n", "s.yaml"));
    assertTrue(
        e.getMessage()
            .contains(
                "execution.max_workers: unknown key 'max_workers' in 'execution' (did you"
                    + " mean 'max_parallel'?)"),
        e.getMessage());
  }

  @Test
  void everyProblemIsReportedAtOnceWithFileLineAndKey() {
    String spec =
        "name: s\nsimulation: bench\nparameters:\n  x: []\n  y: {type: range, start: 1}\n"
            + "replicates: zero\nmax_workers: 2\nexecution: {max_parallel: -1}\n";
    SpecException e = assertThrows(SpecException.class, () -> SpecLoader.parse(spec, "s.yaml"));
    List<String> lines = e.getMessage().lines().toList();
    assertEquals(5, lines.size(), e.getMessage());
    assertTrue(lines.get(0).startsWith("s.yaml:7:1: max_workers: unknown key"), lines.get(0));
    assertTrue(
        lines.get(1).startsWith("s.yaml:4:6: parameters.x: the list of values is empty"),
        lines.get(1));
    assertTrue(
        lines.get(2).startsWith("s.yaml:5:6: parameters.y.stop: missing key 'stop'"), lines.get(2));
    assertTrue(
        lines.get(3).startsWith("s.yaml:6:13: replicates: expected an integer"), lines.get(3));
    assertTrue(lines.get(4).startsWith("s.yaml:8:27: execution.max_parallel:"), lines.get(4));
    assertEquals(5, ((SpecErrors) e).errors().size());
  }

  @Test
  void atMostTwentyProblemsAreListed() {
    StringBuilder sb = new StringBuilder("name: s\nsimulation: bench\n");
    for (int i = 0; i < 25; i++) {
      sb.append("unknown_").append(i).append(": 1\n");
    }
    SpecException e =
        assertThrows(SpecException.class, () -> SpecLoader.parse(sb.toString(), "s.yaml"));
    List<String> lines = e.getMessage().lines().toList();
    assertEquals(21, lines.size());
    assertEquals("(5 more problems not shown; fix these first)", lines.get(20));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "seed | use 'replicates', and 'seeding: common'",
        "replicate | 'replicates: N'",
        "cost | limited by 'budget'"
      })
  void reservedNamesSayWhatToUseInstead(String name, String instead) {
    SpecException e =
        assertThrows(
            SpecException.class,
            () ->
                SpecLoader.parse(
                    "name: s\nsimulation: bench\n" + "parameters: {" + name + ": [1, 2]}\n",
                    "s.yaml"));
    assertTrue(
        e.getMessage().contains("parameter name '" + name + "' is reserved"), e.getMessage());
    assertTrue(e.getMessage().contains(instead), e.getMessage());
  }
}
