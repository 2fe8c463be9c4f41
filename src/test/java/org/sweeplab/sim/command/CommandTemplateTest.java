package org.sweeplab.sim.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sweeplab.spec.SimulationSpec;

class CommandTemplateTest {
  private static final Map<String, String> VALUES =
      Map.of("seed", "42", "alpha", "0.5", "run_id", "r1");

  private static String expand(String template) {
    return CommandTemplate.parse(template, "argv[1]").expand(VALUES::get, List.of("alpha"));
  }

  @Test
  void expandsPlaceholdersInsideText() {
    assertEquals("--alpha=0.5 seed42/r1", expand("--alpha={alpha} seed{seed}/{run_id}"));
    assertEquals("plain", expand("plain"));
    assertEquals("", expand(""));
  }

  @Test
  void doubledBracesAreLiteral() {
    assertEquals("{alpha}", expand("{{alpha}}"));
    assertEquals("{\"a\": 0.5}", expand("{{\"a\": {alpha}}}"));
    assertEquals("awk '{print $1}'", expand("awk '{{print $1}}'"));
  }

  @Test
  void bracesAroundNonNamesAreLiteral() {
    assertEquals("{\"x\": 0.5}", expand("{\"x\": {alpha}}"));
    assertEquals("awk '{print $1}'", expand("awk '{print $1}'"));
    assertEquals("{} a}b {open ${HOME", expand("{} a}b {open ${HOME"));
    assertEquals(Set.of(), CommandTemplate.parse("echo '{\"ok\": true}' {}", "argv[2]").names());
  }

  @Test
  void unknownNameListsTheValidNames() {
    CommandTemplate t = CommandTemplate.parse("--beta={beta}", "argv[3]");
    assertEquals(Set.of("beta"), t.names());
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> t.check(List.of("alpha")));
    assertEquals(
        "simulation.command argv[3] '--beta={beta}' uses unknown placeholder '{beta}'; valid names are"
            + " seed, run_id, variation_id, replicate, run_dir, config, alpha (write '{{' and '}}' for literal braces)",
        e.getMessage());
    IllegalArgumentException atRun =
        assertThrows(IllegalArgumentException.class, () -> t.expand(VALUES::get, List.of("alpha")));
    assertEquals(e.getMessage(), atRun.getMessage());
  }

  @Test
  void checkAtConstructionWhenParameterNamesAreGiven() {
    SimulationSpec.Command spec =
        SimulationSpec.Command.of(List.of("/bin/echo", "{alpha}", "{gamma}"));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> CommandSimulation.of(spec, List.of("alpha", "beta")));
    assertTrue(e.getMessage().contains("unknown placeholder '{gamma}'"), e.getMessage());
    assertTrue(
        e.getMessage()
            .endsWith(
                "valid names are seed, run_id, variation_id, replicate, run_dir, config, alpha, beta"
                    + " (write '{{' and '}}' for literal braces)"),
        e.getMessage());
    assertEquals(spec, CommandSimulation.of(spec, List.of("alpha", "gamma")).spec());
  }

  @Test
  void formatsNumbersCanonically() {
    assertEquals("3", CommandTemplate.format(3L));
    assertEquals("-12", CommandTemplate.format(-12L));
    assertEquals("2.0", CommandTemplate.format(2.0));
    assertEquals("0.1", CommandTemplate.format(0.1));
    assertEquals("1.0E-7", CommandTemplate.format(1e-7));
    assertEquals("true", CommandTemplate.format(Boolean.TRUE));
    assertEquals("a b", CommandTemplate.format("a b"));
  }

  @Test
  void environmentNamesAreUpperCasedAndSanitised() {
    assertEquals(
        Map.of("alpha", "SWEEP_PARAM_ALPHA", "my-rate.1", "SWEEP_PARAM_MY_RATE_1"),
        CommandSimulation.envNames(List.of("alpha", "my-rate.1")));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> CommandSimulation.envNames(List.of("a-b", "a_b")));
    assertEquals(
        "parameters 'a-b' and 'a_b' both map to the environment variable SWEEP_PARAM_A_B; rename one",
        e.getMessage());
  }

  @Test
  void resultFileMustStayInsideTheRunFolder() {
    for (String bad : List.of("../x.json", "a/../../x.json", "/etc/passwd")) {
      SimulationSpec.Command spec =
          new SimulationSpec.Command(List.of("/bin/true"), null, null, "file:" + bad, 1024, null);
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> CommandSimulation.of(spec));
      assertEquals(
          "simulation.result 'file:"
              + bad
              + "' must name a file inside the run folder: a relative path"
              + " without '..'",
          e.getMessage());
    }
  }
}
