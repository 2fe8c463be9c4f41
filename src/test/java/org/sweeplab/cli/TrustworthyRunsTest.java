package org.sweeplab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Issue 10, "Trustworthy runs": what {@code run} guarantees about paths and the folders it writes. */
class TrustworthyRunsTest {
  @TempDir
  Path tmp;

  private record Outcome(int code, String out, String err) {}

  private static Outcome cli(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int code = cl.execute(args);
    return new Outcome(code, out.toString(), err.toString());
  }

  /** Writes into the run folder it is given as {@code {run_dir}}, the way a real command keeps a trace. */
  private Path traceSpec() throws IOException {
    Path f = tmp.resolve("trace.yaml");
    Files.writeString(f, "name: trace\n"
        + "simulation: {command: [/bin/sh, -c, 'echo d > \"$1/trace.csv\" && echo d > \"$SWEEP_RUN_DIR/env.csv\""
        + " && echo \"{\\\"ok\\\": 1}\"', sh, '{run_dir}']}\n"
        + "parameters: {x: [1, 2, 3, 4, 5, 6]}\n"
        + "execution: {max_parallel: 1}\n");
    return f;
  }

  /** Defect 1: with a relative --out, every run (not only the first) gets an absolute, existing run folder. */
  @Test
  void runDirIsAbsoluteWhenTheOutputFolderIsRelative() throws IOException {
    Path relative = Path.of("target", "trust-rd-" + System.nanoTime());
    try {
      Outcome o = cli("run", "--quiet", "--out", relative.toString(), traceSpec().toString());
      assertEquals(0, o.code(), o.err());
      assertTrue(o.out().contains("6 of 6 planned runs done"), o.out());
      assertTrue(o.out().contains("ok 6  failed 0"), o.out());
      try (Stream<Path> runs = Files.list(relative.resolve("runs"))) {
        assertEquals(6, runs.filter(r -> Files.isRegularFile(r.resolve("trace.csv"))
            && Files.isRegularFile(r.resolve("env.csv"))).count());
      }
    } finally {
      deleteTree(relative);
    }
  }

  static void deleteTree(Path p) throws IOException {
    if (!Files.exists(p)) {
      return;
    }
    try (Stream<Path> all = Files.walk(p)) {
      for (Path q : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(q);
      }
    }
  }
}
