package org.sweeplab.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of bad spec, with the position, key path and message it must produce. Line and column
 * are 1-based and point at the offending key or value.
 */
class SpecErrorsTest {
  private static final String HEAD = "name: x\nsimulation: m\n";

  private static Arguments bad(
      String label, String yaml, int line, int column, String keyPath, String... fragments) {
    return Arguments.of(label, yaml, line, column, keyPath, fragments);
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        // unknown keys, with did-you-mean and the valid keys
        bad(
            "unknown top-level key",
            HEAD + "paramters: {}\n",
            3,
            1,
            "paramters",
            "unknown key 'paramters' at the top level (did you mean 'parameters'?)",
            "valid keys are name, description, simulation, base, base_file, parameters, design"),
        bad(
            "unknown execution key",
            HEAD + "execution:\n  max_paralel: 3\n",
            4,
            3,
            "execution.max_paralel",
            "unknown key 'max_paralel' in 'execution' (did you mean 'max_parallel'?)",
            "valid keys are max_parallel, timeout_per_run, fail_fast, max_runs"),
        bad(
            "unknown simulation key",
            "name: x\nsimulation:\n  command: [a]\n  evn: {A: b}\n",
            4,
            3,
            "simulation.evn",
            "unknown key 'evn' in 'simulation' (did you mean 'env'?)"),
        bad(
            "unknown parameter key",
            HEAD + "parameters:\n  a: {type: range, start: 1, stop: 3, stpe: 1}\n",
            4,
            39,
            "parameters.a.stpe",
            "unknown key 'stpe' in 'parameters.a' (did you mean 'step'?)",
            "valid keys are type, start, stop, step"),
        bad(
            "unknown output key",
            HEAD + "output: {dri: out}\n",
            3,
            10,
            "output.dri",
            "(did you mean 'dir'?)"),
        bad(
            "unknown design key",
            HEAD + "design: {type: lhs, sample: 3}\n",
            3,
            21,
            "design.sample",
            "(did you mean 'samples'?)"),

        // wrong types
        bad(
            "replicates is a string",
            HEAD + "replicates: abc\n",
            3,
            13,
            "replicates",
            "expected an integer, got 'abc' (a string)"),
        bad(
            "seed is a float",
            HEAD + "seed: 1.5\n",
            3,
            7,
            "seed",
            "expected an integer, got 1.5 (a float)"),
        bad(
            "seed is out of range",
            HEAD + "seed: 99999999999999999999\n",
            3,
            7,
            "seed",
            "integer 99999999999999999999 is out of range"),
        bad(
            "replicates is zero",
            HEAD + "replicates: 0\n",
            3,
            13,
            "replicates",
            "expected an integer >= 1, got 0"),
        bad(
            "max_parallel is negative",
            HEAD + "execution: {max_parallel: -1}\n",
            3,
            27,
            "execution.max_parallel",
            "expected an integer >= 0 (0 = all cores), got -1"),
        bad(
            "fail_fast is not a boolean",
            HEAD + "execution: {fail_fast: maybe}\n",
            3,
            24,
            "execution.fail_fast",
            "expected true or false, got 'maybe' (a string)"),
        bad(
            "timeout has a bad unit",
            HEAD + "execution: {timeout_per_run: 10 sec}\n",
            3,
            30,
            "execution.timeout_per_run",
            "'10 sec' is not a duration",
            "500ms, 30s, 2m, 1h"),
        bad(
            "timeout is zero",
            HEAD + "execution: {timeout_per_run: 0}\n",
            3,
            30,
            "execution.timeout_per_run",
            "the timeout must be positive"),
        bad(
            "name is a list",
            "name: [a]\nsimulation: m\n",
            1,
            7,
            "name",
            "expected a string, got a list"),
        bad(
            "name has a space",
            "name: my sweep\nsimulation: m\n",
            1,
            7,
            "name",
            "name 'my sweep' is not valid"),
        bad(
            "range start is a string",
            HEAD + "parameters:\n  a: {type: range, start: '1', stop: 5}\n",
            4,
            27,
            "parameters.a.start",
            "expected a number, got '1' (a string)"),
        bad(
            "metadata is a list",
            HEAD + "metadata: [a]\n",
            3,
            11,
            "metadata",
            "expected a map, got a list"),
        bad(
            "log cap with an unknown unit",
            "name: x\nsimulation: {command: [a], log_cap: 1TB}\n",
            2,
            37,
            "simulation.log_cap",
            "'1TB' is not a size"),
        bad(
            "exit code out of range",
            "name: x\nsimulation: {command: [a], transient_exit_codes: [300]}\n",
            2,
            51,
            "simulation.transient_exit_codes[0]",
            "expected an exit code from 0 to 255, got 300"),

        // parameters
        bad(
            "empty list of values",
            HEAD + "parameters:\n  a: []\n",
            4,
            6,
            "parameters.a",
            "the list of values is empty; give at least one value"),
        bad(
            "empty choice",
            HEAD
                + "parameters:\n  a: {type: choice, values: []}\ndesign: {type: random, samples: 1}\n",
            4,
            29,
            "parameters.a.values",
            "the list of values is empty"),
        bad(
            "parameter defined twice",
            HEAD + "parameters:\n  a: [1, 2]\n  b: [3]\n  a: [4]\n",
            6,
            3,
            "parameters.a",
            "duplicate key 'a': defined on line 4 and again on line 6"),
        bad(
            "zero step",
            HEAD + "parameters:\n  a: {type: range, start: 1, stop: 10, step: 0}\n",
            4,
            46,
            "parameters.a.step",
            "step is zero",
            "(positive)"),
        bad(
            "wrong-sign step",
            HEAD + "parameters:\n  a: {type: range, start: 1, stop: 10, step: -1}\n",
            4,
            46,
            "parameters.a.step",
            "step -1 has the wrong sign: from 1 to 10 needs a positive step"),
        bad(
            "wrong-sign default step",
            HEAD + "parameters:\n  a: {type: range, start: 5, stop: 1}\n",
            4,
            6,
            "parameters.a.step",
            "step 1 has the wrong sign: from 5 to 1 needs a negative step"),
        bad(
            "wrong-sign float step",
            HEAD
                + "parameters:\n  a:\n    type: range\n    start: 0.0\n    stop: 1.0\n"
                + "    step: -0.1\n",
            8,
            11,
            "parameters.a.step",
            "step -0.1 has the wrong sign"),
        bad(
            "unknown parameter type",
            HEAD + "parameters:\n  a: {type: rnage, start: 1, stop: 2}\n",
            4,
            13,
            "parameters.a.type",
            "unknown parameter type 'rnage' (did you mean 'range'?)",
            "valid values are values, range, linspace, logspace, uniform, loguniform, normal, intuniform, choice"),
        bad(
            "parameter map without type",
            HEAD + "parameters:\n  a: {start: 1, stop: 2}\n",
            4,
            6,
            "parameters.a",
            "missing key 'type'"),
        bad(
            "range without stop",
            HEAD + "parameters:\n  a: {type: range, start: 1}\n",
            4,
            6,
            "parameters.a.stop",
            "missing key 'stop': range needs start, stop, step"),
        bad(
            "logspace from zero",
            HEAD + "parameters:\n  a: {type: logspace, start: 0, stop: 10, num: 3}\n",
            4,
            6,
            "parameters.a",
            "logspace needs positive start and stop"),
        bad(
            "normal with sd zero",
            HEAD
                + "parameters:\n  a: {type: normal, mean: 0, sd: 0}\n"
                + "design: {type: lhs, samples: 4}\n",
            4,
            6,
            "parameters.a",
            "normal needs sd > 0, got 0.0"),
        bad(
            "weights do not match values",
            HEAD
                + "parameters:\n  a: {type: choice, values: [x, y], weights: [1]}\n"
                + "design: {type: lhs, samples: 4}\n",
            4,
            46,
            "parameters.a.weights",
            "2 values but 1 weights"),
        bad(
            "nested list as a value",
            HEAD + "parameters:\n  a: [1, [2]]\n",
            4,
            10,
            "parameters.a[1]",
            "expected a single value (a string, number or boolean), got a list"),
        bad(
            "null parameter",
            HEAD + "parameters:\n  a:\n",
            4,
            5,
            "parameters.a",
            "parameter 'a' has no value"),
        bad(
            "parameter name is not an identifier",
            HEAD + "parameters:\n  2x: [1]\n",
            4,
            3,
            "parameters.2x",
            "parameter name '2x' is not valid"),
        bad(
            "reserved parameter name",
            HEAD + "parameters:\n  status: [ok]\n",
            4,
            3,
            "parameters.status",
            "parameter name 'status' is reserved",
            "run_id, variation_id, replicate, seed"),
        bad(
            "distribution in a grid",
            HEAD + "parameters:\n  a: {type: uniform, low: 0, high: 1}\n",
            4,
            6,
            "parameters.a",
            "a uniform distribution, which a grid cannot enumerate"),

        // design
        bad(
            "unknown design type",
            HEAD + "design: sobl\n",
            3,
            9,
            "design",
            "unknown design 'sobl' (did you mean "
                + "'sobol'?); valid values are grid, random, lhs, sobol, list"),
        bad(
            "unknown design type in a map",
            HEAD + "design: {type: lhss, samples: 3}\n",
            3,
            16,
            "design.type",
            "(did you mean 'lhs'?)"),
        bad(
            "sampled design without samples",
            HEAD + "design: {type: sobol}\n",
            3,
            9,
            "design.samples",
            "design 'sobol' needs samples"),
        bad(
            "sampled design named without samples",
            HEAD + "design: random\n",
            3,
            9,
            "design",
            "design 'random' needs a number of samples"),
        bad(
            "grid with samples",
            HEAD + "design: {type: grid, samples: 3}\n",
            3,
            31,
            "design.samples",
            "design 'grid' does not take samples"),
        bad(
            "list without points",
            HEAD + "design: {type: list}\n",
            3,
            9,
            "design.points",
            "design 'list' needs at least one point"),
        bad(
            "exclusion of an unknown parameter",
            HEAD + "parameters: {alpha: [1, 2]}\ndesign:\n  exclude:\n" + "    - {alpa: 1}\n",
            6,
            8,
            "design.exclude[0].alpa",
            "'alpa' is not a parameter (did you mean " + "'alpha'?); parameters are alpha"),
        bad(
            "point of an unknown parameter",
            HEAD + "parameters: {a: [1]}\ndesign: {type: list, points: [{b: 1}]}\n",
            4,
            32,
            "design.points[0].b",
            "'b' is not a parameter"),
        bad(
            "empty exclusion rule",
            HEAD + "parameters: {a: [1]}\ndesign: {exclude: [{}]}\n",
            4,
            20,
            "design.exclude[0]",
            "an empty rule would exclude every point"),

        // simulation
        bad(
            "plain-string command",
            "name: x\nsimulation:\n  command: python sim.py --n 3\n",
            3,
            12,
            "simulation.command",
            "a command must be a list of arguments",
            "no shell is used"),
        bad(
            "empty command",
            "name: x\nsimulation: {command: []}\n",
            2,
            23,
            "simulation.command",
            "the command is empty"),
        bad(
            "two kinds of simulation",
            "name: x\nsimulation: {name: m, class: a.B}\n",
            2,
            13,
            "simulation",
            "exactly one of name, class, command, pipeline; got name and class"),
        bad(
            "code as a pipeline stage",
            "name: x\nsimulation: {pipeline: [bench, {in_code: lambda}]}\n",
            2,
            33,
            "simulation.pipeline[1].in_code",
            "a simulation given in code replaces the whole simulation"),
        bad(
            "code and a name",
            "name: x\nsimulation: {name: m, in_code: lambda}\n",
            2,
            13,
            "simulation",
            "exactly one of name, class, command, pipeline; got name and in_code"),
        bad(
            "command option on a named simulation",
            "name: x\nsimulation: {name: m, env: {A: b}}\n",
            2,
            23,
            "simulation.env",
            "'env' applies only to a command simulation"),
        bad(
            "bad result",
            "name: x\nsimulation: {command: [a], result: log}\n",
            2,
            36,
            "simulation.result",
            "must be 'stdout' or 'file:NAME', got 'log'"),
        bad(
            "bad stage in a pipeline",
            "name: x\nsimulation:\n  pipeline:\n    - prep\n    - {command: run}\n",
            5,
            17,
            "simulation.pipeline[1].command",
            "a command must be a list"),
        bad(
            "class is not a class name",
            "name: x\nsimulation: {class: 'my model'}\n",
            2,
            21,
            "simulation.class",
            "'my model' is not a Java class name"),
        bad("missing simulation", "name: x\n", 1, 1, "simulation", "missing key 'simulation'"),

        // the document itself
        bad("a list instead of a map", "- a\n- b\n", 1, 1, "", "expected a map of keys"),
        bad("broken YAML", "name: x\nsimulation: [a\n", 3, 1, null, "not valid YAML"),
        bad(
            "duplicate key in metadata",
            HEAD + "metadata:\n  a: 1\n  a: 2\n",
            5,
            3,
            "metadata.a",
            "duplicate key 'a': defined on line 4 and again on line 5"),
        bad(
            "seeding misspelt",
            HEAD + "seeding: commn\n",
            3,
            10,
            "seeding",
            "unknown seeding 'commn' (did you mean 'common'?); valid values are independent, common"),

        // tags
        bad(
            "java.net.URL tag",
            "name: x\nsimulation: !!java.net.URL [\"http://localhost/\"]\n",
            2,
            13,
            "simulation",
            "tag '!!java.net.URL' is not allowed",
            "no object is ever constructed"),
        bad(
            "ScriptEngineManager gadget",
            HEAD
                + "metadata:\n  x: !!javax.script.ScriptEngineManager "
                + "[!!java.net.URLClassLoader [[!!java.net.URL [\"http://localhost/\"]]]]\n",
            4,
            6,
            "metadata.x",
            "tag '!!javax.script.ScriptEngineManager' is not allowed"),
        bad(
            "local tag",
            HEAD + "description: !shell ls\n",
            3,
            14,
            "description",
            "tag '!shell' is not allowed"),
        bad(
            "set tag",
            HEAD + "metadata: !!set {a, b}\n",
            3,
            11,
            "metadata",
            "tag '!!set' is not allowed"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void badSpecIsReportedWithPositionAndKeyPath(
      String label, String yaml, int line, int column, String keyPath, String[] fragments) {
    SpecException e = assertThrows(SpecException.class, () -> SpecLoader.parse(yaml, "bad.yaml"));
    assertEquals("bad.yaml", e.source(), e.getMessage());
    assertEquals(line, e.line(), e.getMessage());
    assertEquals(column, e.column(), e.getMessage());
    assertEquals(keyPath, e.keyPath(), e.getMessage());
    String prefix =
        "bad.yaml:"
            + line
            + ":"
            + column
            + ": "
            + (keyPath == null || keyPath.isEmpty() ? "" : keyPath + ": ");
    assertTrue(e.getMessage().startsWith(prefix), e.getMessage());
    for (String f : fragments) {
      assertTrue(e.problem().contains(f), () -> "expected '" + f + "' in: " + e.getMessage());
    }
  }
}
