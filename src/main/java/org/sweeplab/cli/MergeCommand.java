package org.sweeplab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.sweeplab.sweep.Merge;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sweeplab merge OUT DIR...}. */
@Command(
    name = "merge",
    mixinStandardHelpOptions = true,
    description =
        "Combine the output folders of one sweep's shards into one output folder; then `sweeplab resume"
            + " OUT` runs what no shard did.")
final class MergeCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "OUT", description = "The new output folder.")
  Path out;

  @Parameters(
      index = "1..*",
      arity = "1..*",
      paramLabel = "DIR",
      description = "The shard folders; on a conflict the one listed first wins.")
  List<Path> dirs;

  @Spec CommandSpec command;

  @Override
  public Integer call() {
    Merge.Report r = Merge.of(dirs).into(out);
    print(r, command.commandLine().getOut());
    PrintWriter err = command.commandLine().getErr();
    for (String w : r.result().warnings()) {
      err.println("warning: " + w);
    }
    err.flush();
    return r.complete() ? ErrorHandler.OK : ErrorHandler.FAILURE;
  }

  static void print(Merge.Report r, PrintWriter out) {
    out.printf(
        Locale.ROOT,
        "merged %,d runs from %d folders into %s (spec %s); %,d exact duplicates dropped%n",
        r.merged(),
        r.sources().size(),
        r.output(),
        r.configHash(),
        r.duplicates());
    if (!r.conflicts().isEmpty()) {
      out.printf(
          Locale.ROOT,
          "%,d conflicting runs (same run, different outcome; the first folder's is kept):%n",
          r.conflicts().size());
      for (Merge.Conflict c : r.conflicts()) {
        out.printf(
            Locale.ROOT,
            "  %s: kept %s from %s, dropped %s from %s%n",
            c.runId(),
            c.keptOutcome(),
            c.kept(),
            c.droppedOutcome(),
            c.dropped());
      }
    }
    if (r.missing() > 0) {
      out.printf(
          Locale.ROOT,
          "%,d of %,d planned runs are missing: %s%s%n",
          r.missing(),
          r.planned(),
          String.join(", ", r.missingRunIds()),
          r.missing() > r.missingRunIds().size() ? ", …" : "");
      out.println("run them with: sweeplab resume " + r.output());
    } else {
      out.printf(Locale.ROOT, "all %,d planned runs are present%n", r.planned());
    }
    out.flush();
  }
}
