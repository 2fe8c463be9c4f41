package org.sweeplab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.sweeplab.analysis.AnalysisOptions;
import org.sweeplab.analysis.FigureLink;
import org.sweeplab.figures.AnalysisReport;
import org.sweeplab.figures.ExportFormat;
import org.sweeplab.figures.ReportFigures;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sweeplab analyze DIR|CSV}. */
@Command(name = "analyze", mixinStandardHelpOptions = true,
    description = {"Analyse a sweep's runs: statistics, ranking with significance, cost efficiency, patterns of"
        + " failure, and the key figures. Writes report.md, CSV and JSON files and figures/."})
final class AnalyzeCommand implements Callable<Integer> {
  @Mixin
  RunsMixin runs;

  @Option(names = "--out", paramLabel = "DIR", description = "Where to write (default DIR/analysis/).")
  Path out;

  @Option(names = "--figure-format", paramLabel = "FORMAT",
      description = "The figures' format: svg (default), pdf or png.")
  ExportFormat figureFormat = ExportFormat.SVG;

  @Spec
  CommandSpec command;

  @Override
  public Integer call() {
    AnalysisOptions options = runs.options().withOut(out);
    AnalysisReport.Written w = AnalysisReport.withDefaults().withLoadProgress(LoadProgressLine.forTerminal())
        .withFigures(ReportFigures.withDefaults().withFormat(figureFormat)).write(options);
    PrintWriter o = command.commandLine().getOut();
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
