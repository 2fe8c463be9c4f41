package org.sweeplab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.sweeplab.analysis.AnalysisOptions;
import org.sweeplab.analysis.FailedRunPolicy;
import org.sweeplab.analysis.FigureLink;
import org.sweeplab.analysis.SensitivityMode;
import org.sweeplab.figures.AnalysisReport;
import org.sweeplab.figures.ExportFormat;
import org.sweeplab.figures.ReportFigures;
import org.sweeplab.store.SensitivityDesigns;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sweeplab analyze DIR|CSV}. */
@Command(
    name = "analyze",
    mixinStandardHelpOptions = true,
    description = {
      "Analyse a sweep's runs: statistics, ranking with significance, cost efficiency, patterns of"
          + " failure, and the key figures; Sobol indices or Morris measures for a saltelli or morris design; several"
          + " folders together. Writes report.md, CSV and JSON files and figures/."
    })
final class AnalyzeCommand implements Callable<Integer> {
  @Mixin RunsMixin runs;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Where to write (default DIR/analysis/).")
  Path out;

  @Option(
      names = "--figure-format",
      paramLabel = "FORMAT",
      description = "The figures' format: svg (default), pdf or png.")
  ExportFormat figureFormat = ExportFormat.SVG;

  @Option(
      names = "--sensitivity",
      paramLabel = "MODE",
      description =
          "Sobol indices or Morris measures: auto (default: when the folder's design is saltelli or"
              + " morris), on (an error for another design) or off.")
  SensitivityMode sensitivity = SensitivityMode.AUTO;

  @Option(
      names = "--failed-runs",
      paramLabel = "POLICY",
      description =
          "What the sensitivity analysis does with failed runs: drop_incomplete_blocks (default; says how"
              + " many), success_indicator (analyse success itself) or fail.")
  FailedRunPolicy failedRuns = FailedRunPolicy.DROP_INCOMPLETE_BLOCKS;

  @Spec CommandSpec command;

  @Override
  public Integer call() {
    AnalysisOptions options =
        runs.options().withOut(out).withSensitivity(sensitivity).withFailedRuns(failedRuns);
    PrintWriter o = command.commandLine().getOut();
    if (sensitivity != SensitivityMode.OFF && options.inputs().size() == 1) {
      try {
        options = options.withDesignLayout(SensitivityDesigns.layout(options.input()).orElse(null));
      } catch (IllegalArgumentException e) {
        if (sensitivity == SensitivityMode.ON) {
          throw e;
        }
        // auto: a sweep.yaml this version cannot plan does not stop the rest of the analysis, but
        // it is said.
        o.println(
            "warning: no sensitivity analysis: the folder's sweep.yaml cannot be planned: "
                + e.getMessage());
      }
    }
    AnalysisReport.Written w =
        AnalysisReport.withDefaults()
            .withLoadProgress(LoadProgressLine.forTerminal())
            .withFigures(ReportFigures.withDefaults().withFormat(figureFormat))
            .write(options);
    o.println(w.metric().describe());
    o.printf("report: %s%n", w.report());
    o.printf("html report: %s%n", w.html());
    o.printf("figures: %d in %s%n", w.figures().size(), w.directory().resolve("figures"));
    for (FigureLink f : w.figures()) {
      o.printf("  %s  %s%n", f.path(), f.title());
    }
    for (String warning : w.warnings()) {
      o.println("warning: " + warning);
    }
    o.flush();
    return ErrorHandler.OK;
  }
}
