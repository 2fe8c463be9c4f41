package org.sweeplab.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.sweeplab.analysis.AnalysisOptions;
import org.sweeplab.analysis.Comparison;
import org.sweeplab.analysis.ComparisonReport;
import org.sweeplab.analysis.Subset;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sweeplab compare DIR|CSV --a COND --b COND}: an ad hoc comparison of two subsets of runs.
 */
@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    description = {
      "Compare two subsets of a sweep's runs on a metric (difference with interval, test, p-value,"
          + " effect size) and on their success rates (Fisher's exact test or chi-square).",
      "A subset is conditions joined by &, e.g. \"strategy=mcts & difficulty=hard\"; = takes a|b for several"
          + " values; != < <= > >= also work."
    })
final class CompareCommand implements Callable<Integer> {
  @Mixin RunsMixin runs;

  @Option(names = "--a", required = true, paramLabel = "COND", description = "The first subset.")
  String a;

  @Option(names = "--b", required = true, paramLabel = "COND", description = "The second subset.")
  String b;

  @Option(names = "--json", description = "Print one JSON object instead of text.")
  boolean json;

  @Spec CommandSpec command;

  @Override
  public Integer call() {
    AnalysisOptions options = runs.options();
    Comparison.Result result =
        options
            .comparison()
            .compare(options.runs(), options.metric(), Subset.parse(a), Subset.parse(b));
    ComparisonReport report = new ComparisonReport(result, 1 - options.alpha());
    PrintWriter o = command.commandLine().getOut();
    o.print(json ? report.json() : report.text());
    o.flush();
    return ErrorHandler.OK;
  }
}
