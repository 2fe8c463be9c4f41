package org.sweeplab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.sweeplab.run.RunStatus;
import org.sweeplab.sweep.FolderStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sweeplab status DIR}. */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = "Show a sweep folder's runs by status, what is missing, and the spend.")
final class StatusCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "DIR")
  Path dir;

  @Spec CommandSpec command;

  @Override
  public Integer call() {
    FolderStatus s = FolderStatus.of(dir);
    PrintWriter out = command.commandLine().getOut();
    out.printf("sweep '%s' in %s%n", s.sweep(), dir);
    out.printf(
        "  planned %,d  finished %,d  missing %,d%n", s.planned(), s.finished(), s.missing());
    StringBuilder sb = new StringBuilder("  ");
    for (RunStatus st : RunStatus.values()) {
      sb.append(st.label()).append(' ').append(String.format("%,d", s.count(st))).append("  ");
    }
    out.println(sb.toString().stripTrailing());
    if (!Double.isNaN(s.spend())) {
      out.printf("  spend %s%n", Console.money(s.spend()));
    }
    if (s.missing() > 0) {
      out.printf("  %,d runs are missing; run them with: sweeplab resume %s%n", s.missing(), dir);
    }
    for (String w : s.warnings()) {
      out.println("warning: " + w);
    }
    out.flush();
    return ErrorHandler.OK;
  }
}
