package org.sweeplab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.sweeplab.space.RunPlan;
import org.sweeplab.space.Variation;
import org.sweeplab.sweep.CostEstimate;
import org.sweeplab.sweep.Sweep;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sweeplab plan SPEC}. */
@Command(
    name = "plan",
    mixinStandardHelpOptions = true,
    description = "Count a sweep's variations and runs, and show its first points; nothing runs.")
final class PlanCommand implements Callable<Integer>, ErrorHandler.SpecFileCommand {
  @Mixin SpecMixin spec;

  @Option(names = "--show", paramLabel = "N", description = "How many points to show (default 5).")
  int show = 5;

  @Spec CommandSpec command;

  @Override
  public Path specFile() {
    return spec.specFile;
  }

  @Override
  public Integer call() {
    print(Sweep.of(spec.load()), command.commandLine().getOut(), show);
    return ErrorHandler.OK;
  }

  static void print(Sweep sweep, PrintWriter out, int show) {
    sweep.preflight(); // everything run would refuse, before the plan is shown as fine
    RunPlan plan = sweep.plan();
    Path dir = sweep.outputDir();
    out.printf(
        "sweep '%s' (%s design, simulation %s)%n",
        sweep.spec().name(),
        sweep.spec().design().type().label(),
        sweep.spec().simulation().describe());
    out.printf(
        "  %,d variations x %d replicates = %,d runs%n",
        plan.variationCount(), plan.replicates(), plan.runCount());
    plan.layout().ifPresent(l -> out.printf("  %s%n", l.describe()));
    out.printf("  parameters: %s%n", String.join(", ", plan.parameterNames()));
    out.printf("  output folder: %s%n", dir);
    CostEstimate cost = sweep.estimate();
    if (cost != null) {
      String unit = cost.unit().isEmpty() ? "" : " " + cost.unit();
      out.printf(
          Locale.ROOT,
          "  estimated cost: %.4f%s (%,d runs at %.4f%s on average)%s%n",
          cost.total(),
          unit,
          cost.estimatedRuns(),
          cost.perRun(),
          unit,
          cost.estimatedRuns() < cost.runs()
              ? String.format(
                  Locale.ROOT, "; %,d runs have no estimate", cost.runs() - cost.estimatedRuns())
              : "");
      if (!Double.isNaN(cost.limit())) {
        out.printf(
            Locale.ROOT,
            "  total budget: %.4f%s%s%n",
            cost.limit(),
            unit,
            cost.exceedsLimit() ? " (the estimate passes it: `run` needs --force)" : "");
      }
    }
    List<Variation> head = plan.head(show);
    if (!head.isEmpty()) {
      out.printf("  first %d of %,d points:%n", head.size(), plan.variationCount());
      for (Variation v : head) {
        out.printf("    %s  %s%n", v.id(), v.params());
      }
    }
    out.flush();
  }
}
